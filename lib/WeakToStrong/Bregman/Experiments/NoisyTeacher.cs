using MathNet.Numerics.LinearAlgebra;
using WeakToStrong.Randomness;
using WeakToStrong.Validation;
using static WeakToStrong.ElementaryFunctions;

namespace WeakToStrong.Bregman;

/// <summary>One draw of the teacher of <see cref="NoisyTeacherClassification"/>: the truth direction w* and the teacher
/// direction w_t (unit vectors).</summary>
public sealed class NoisyTeacher
{
    internal NoisyTeacher(NoisyTeacherClassification design, Vector<double> truthDirection, Vector<double> teacherDirection)
    {
        Design = design;
        TruthDirection = truthDirection;
        TeacherDirection = teacherDirection;
    }

    /// <summary>The design this teacher was drawn from.</summary>
    public NoisyTeacherClassification Design { get; }

    /// <summary>w*, a unit vector.</summary>
    public Vector<double> TruthDirection { get; }

    /// <summary>w_t, a unit vector.</summary>
    public Vector<double> TeacherDirection { get; }

    /// <summary>The angle ∠(w_t, w*) in radians.</summary>
    public double Angle => Math.Acos(Math.Clamp(TeacherDirection.DotProduct(TruthDirection), -1, 1));

    /// <summary>Accuracy of the posterior-mean teacher σ(a·w_tᵀx): for Gaussian x, P(sign w_tᵀx = sign w*ᵀx) = 1 − ∠/π.</summary>
    public double PosteriorMeanAccuracy => 1 - (Angle / Math.PI);

    /// <summary>
    /// n labelled points: x_i ~ N(0, I_d) (rows), y_i = 1[w*ᵀx_i &gt; 0], mean teacher logits a·w_tᵀx_i and soft labels
    /// q_i = σ(a·w_tᵀx_i + η_i), η_i ~ N(0, ν²).
    /// </summary>
    /// <param name="count">n ≥ 1.</param>
    /// <param name="random">The random stream.</param>
    public ClassificationSample Sample(int count, Random random)
    {
        Guard.Positive(count);
        Guard.NotNull(random);
        var x = random.NextGaussianMatrix(count, Design.Dimension);
        var truthScore = x * TruthDirection;
        var meanLogits = (x * TeacherDirection) * Design.LogitScale;
        var noise = random.NextGaussianVector(count, Design.LogitNoise);
        var labels = new int[count];
        var q = new double[count];
        for (var i = 0; i < count; i++)
        {
            labels[i] = truthScore[i] > 0 ? 1 : 0;
            q[i] = Sigmoid(meanLogits[i] + noise[i]);
        }

        return new ClassificationSample(x, labels, meanLogits.ToArray(), q);
    }
}
