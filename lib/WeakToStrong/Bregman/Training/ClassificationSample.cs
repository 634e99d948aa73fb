using MathNet.Numerics.LinearAlgebra;

namespace WeakToStrong.Bregman;

/// <summary>Inputs, ground truth and the teacher's labels of a classification sample.</summary>
/// <param name="Inputs">n×d inputs.</param>
/// <param name="Labels">Ground-truth classes 0/1.</param>
/// <param name="TeacherMeanLogits">The posterior-mean teacher's logits a·w_tᵀx_i.</param>
/// <param name="TeacherProbabilities">The noisy teacher's soft labels q_i.</param>
public sealed record ClassificationSample(Matrix<double> Inputs, int[] Labels, double[] TeacherMeanLogits, double[] TeacherProbabilities)
{
    /// <summary>Accuracy of the noisy teacher, (1/n) Σ 1[1[q_i ≥ ½] = y_i].</summary>
    public double TeacherAccuracy => LogisticStudent.BinaryAccuracy(TeacherProbabilities.Select(q => q - 0.5).ToArray(), Labels);

    /// <summary>Accuracy of the posterior-mean teacher σ(a·w_tᵀx) on this sample.</summary>
    public double PosteriorMeanTeacherAccuracy => LogisticStudent.BinaryAccuracy(TeacherMeanLogits, Labels);
}
