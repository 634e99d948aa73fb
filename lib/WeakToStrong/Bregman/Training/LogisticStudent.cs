using MathNet.Numerics.LinearAlgebra;
using WeakToStrong.Validation;
using static WeakToStrong.ElementaryFunctions;

namespace WeakToStrong.Bregman;

/// <summary>
/// A binary logistic student f_s(x) = σ(wᵀx + b) (the student of <see cref="NoisyTeacherClassification"/>), with the
/// quantities the notebook reports:
/// accuracy against ground truth, mean predictive entropy H(f_s) in nats, and the misfit
/// M(f_s, f_w) = (1/n) Σ_i KL(f_s(x_i) ‖ q_i) with the student in the target slot (as in the misfit of
/// Xu et al. 2025, arXiv:2505.24313).
/// </summary>
public sealed class LogisticStudent
{
    private readonly double[] _weights;

    /// <summary>Creates the student from its weights and bias.</summary>
    /// <param name="weights">w, length d ≥ 1, finite.</param>
    /// <param name="bias">b, finite.</param>
    public LogisticStudent(IReadOnlyList<double> weights, double bias)
    {
        Guard.NotNull(weights);
        Guard.NotEmpty(weights.Count, nameof(weights));
        Guard.AllFinite(weights);
        Guard.Finite(bias);
        _weights = weights.ToArray();
        Bias = bias;
    }

    /// <summary>The weights w.</summary>
    public IReadOnlyList<double> Weights => _weights;

    /// <summary>The bias b.</summary>
    public double Bias { get; }

    /// <summary>Input dimension d.</summary>
    public int Dimension => _weights.Length;

    /// <summary>The logits z_i = wᵀx_i + b of the rows of <paramref name="inputs"/>.</summary>
    /// <param name="inputs">n×d inputs, finite.</param>
    public double[] Logits(Matrix<double> inputs)
    {
        CheckInputs(inputs);
        var z = inputs.Multiply(Vector<double>.Build.DenseOfArray(_weights)).ToArray();
        for (var i = 0; i < z.Length; i++)
        {
            z[i] += Bias;
        }

        return z;
    }

    /// <summary>The predicted probabilities σ(z_i) of class 1.</summary>
    /// <param name="inputs">n×d inputs, finite.</param>
    public double[] Probabilities(Matrix<double> inputs) => Logits(inputs).Select(Sigmoid).ToArray();

    /// <summary>Accuracy (1/n) Σ_i 1[1[σ(z_i) ≥ ½] = y_i] (the accuracy convention of the authors' code).</summary>
    /// <param name="inputs">n×d inputs.</param>
    /// <param name="labels">y_i ∈ {0, 1}, length n.</param>
    public double Accuracy(Matrix<double> inputs, IReadOnlyList<int> labels)
    {
        var z = Logits(inputs);
        return BinaryAccuracy(z, labels);
    }

    /// <summary>Mean predictive entropy (1/n) Σ_i H(σ(z_i)) in nats (0 for a one-hot student, log 2 at p = ½).</summary>
    /// <param name="inputs">n×d inputs.</param>
    public double MeanEntropy(Matrix<double> inputs) => MeanEntropyOfLogits(Logits(inputs));

    /// <summary>Misfit (1/n) Σ_i KL(σ(z_i) ‖ q_i), the student in the target slot.</summary>
    /// <param name="inputs">n×d inputs.</param>
    /// <param name="teacherProbabilities">q_i ∈ (0, 1), length n.</param>
    public double Misfit(Matrix<double> inputs, IReadOnlyList<double> teacherProbabilities) =>
        MisfitOfLogits(Logits(inputs), teacherProbabilities);

    internal static double BinaryAccuracy(IReadOnlyList<double> logits, IReadOnlyList<int> labels)
    {
        Guard.NotNull(labels);
        Guard.SameLength(labels.Count, logits.Count, "the number of inputs", nameof(labels));
        Guard.NotEmpty(logits.Count, "inputs");
        var correct = 0;
        for (var i = 0; i < logits.Count; i++)
        {
            if (labels[i] is not (0 or 1))
            {
                throw new ArgumentOutOfRangeException(nameof(labels), labels[i], $"labels[{i}] = {labels[i]} is out of range; expected a class label 0 or 1.");
            }

            correct += (logits[i] >= 0 ? 1 : 0) == labels[i] ? 1 : 0;
        }

        return (double)correct / logits.Count;
    }

    internal static double MeanEntropyOfLogits(IReadOnlyList<double> logits)
    {
        double sum = 0;
        foreach (var z in logits)
        {
            // H(σ(z)) = −σ(z) log σ(z) − σ(−z) log σ(−z) = σ(z)·softplus(−z) + σ(−z)·softplus(z): non-negative terms.
            sum += (Sigmoid(z) * Softplus(-z)) + (Sigmoid(-z) * Softplus(z));
        }

        return sum / logits.Count;
    }

    internal static double MisfitOfLogits(IReadOnlyList<double> logits, IReadOnlyList<double> teacherProbabilities)
    {
        Guard.NotNull(teacherProbabilities);
        Guard.SameLength(teacherProbabilities.Count, logits.Count, "the number of inputs", nameof(teacherProbabilities));
        double sum = 0;
        for (var i = 0; i < logits.Count; i++)
        {
            Guard.OpenUnitInterval(teacherProbabilities[i], $"{nameof(teacherProbabilities)}[{i}]");
            sum += BinaryCrossEntropyGenerator.Instance.Divergence(Sigmoid(logits[i]), teacherProbabilities[i]);
        }

        return sum / logits.Count;
    }

    private void CheckInputs(Matrix<double> inputs)
    {
        Guard.NotNull(inputs);
        if (inputs.ColumnCount != Dimension)
        {
            throw new ArgumentException($"inputs has {inputs.ColumnCount} columns; expected {Dimension} to match the student's dimension.", nameof(inputs));
        }
    }
}
