using MathNet.Numerics.LinearAlgebra;
using WeakToStrong.Validation;

namespace WeakToStrong.Bregman;

/// <summary>
/// A softmax student f_s(x) = softmax(Wx + b) over K classes (the multiclass form of the losses of
/// Xu et al. 2025, arXiv:2505.24313), with accuracy (argmax
/// against ground truth), mean predictive entropy H(f_s) in nats and the misfit (1/n) Σ_i KL(f_s(x_i) ‖ q_i)
/// (student in the target slot).
/// </summary>
public sealed class SoftmaxStudent
{
    /// <summary>Creates the student.</summary>
    /// <param name="weights">W, K×d (K ≥ 2), finite.</param>
    /// <param name="bias">b, length K, finite.</param>
    public SoftmaxStudent(Matrix<double> weights, Vector<double> bias)
    {
        Guard.NotNull(weights);
        Guard.AllFinite(weights);
        Guard.AtLeast(weights.RowCount, 2, "a softmax needs at least two classes", "weights.RowCount");
        Guard.Length(bias, weights.RowCount, "the number of rows of weights");
        Guard.AllFinite(bias);
        Weights = weights.Clone();
        Bias = bias.Clone();
    }

    /// <summary>W (a copy is kept; do not modify).</summary>
    public Matrix<double> Weights { get; }

    /// <summary>b.</summary>
    public Vector<double> Bias { get; }

    /// <summary>Number of classes K.</summary>
    public int Classes => Weights.RowCount;

    /// <summary>Input dimension d.</summary>
    public int Dimension => Weights.ColumnCount;

    /// <summary>Logits Z = XWᵀ + 1bᵀ, n×K.</summary>
    /// <param name="inputs">n×d inputs.</param>
    public Matrix<double> Logits(Matrix<double> inputs)
    {
        Guard.NotNull(inputs);
        if (inputs.ColumnCount != Dimension)
        {
            throw new ArgumentException($"inputs has {inputs.ColumnCount} columns; expected {Dimension} to match the student's dimension.", nameof(inputs));
        }

        var z = inputs.TransposeAndMultiply(Weights);
        for (var i = 0; i < z.RowCount; i++)
        {
            for (var k = 0; k < Classes; k++)
            {
                z[i, k] += Bias[k];
            }
        }

        return z;
    }

    /// <summary>Predicted class distributions softmax(z_i), n×K.</summary>
    /// <param name="inputs">n×d inputs.</param>
    public Matrix<double> Probabilities(Matrix<double> inputs)
    {
        var z = Logits(inputs);
        var p = Matrix<double>.Build.Dense(z.RowCount, z.ColumnCount);
        for (var i = 0; i < z.RowCount; i++)
        {
            p.SetRow(i, StableFunctions.Softmax(z.Row(i)));
        }

        return p;
    }

    /// <summary>Accuracy (1/n) Σ_i 1[argmax_k z_ik = y_i] (ties to the lowest class).</summary>
    /// <param name="inputs">n×d inputs.</param>
    /// <param name="labels">y_i ∈ {0, …, K − 1}.</param>
    public double Accuracy(Matrix<double> inputs, IReadOnlyList<int> labels) => ArgmaxAccuracy(Logits(inputs), labels);

    /// <summary>Mean predictive entropy (1/n) Σ_i H(softmax(z_i)) in nats.</summary>
    /// <param name="inputs">n×d inputs.</param>
    public double MeanEntropy(Matrix<double> inputs) => MeanEntropyOfLogits(Logits(inputs));

    internal static double ArgmaxAccuracy(Matrix<double> logits, IReadOnlyList<int> labels)
    {
        Guard.NotNull(labels);
        Guard.SameLength(labels.Count, logits.RowCount, "the number of inputs", nameof(labels));
        var correct = 0;
        for (var i = 0; i < logits.RowCount; i++)
        {
            Guard.InRange(labels[i], 0, logits.ColumnCount - 1, $"{nameof(labels)}[{i}]");
            var best = 0;
            for (var k = 1; k < logits.ColumnCount; k++)
            {
                if (logits[i, k] > logits[i, best])
                {
                    best = k;
                }
            }

            correct += best == labels[i] ? 1 : 0;
        }

        return (double)correct / logits.RowCount;
    }

    internal static double MeanEntropyOfLogits(Matrix<double> logits)
    {
        double sum = 0;
        for (var i = 0; i < logits.RowCount; i++)
        {
            var logP = StableFunctions.LogSoftmax(logits.Row(i));
            for (var k = 0; k < logP.Count; k++)
            {
                sum -= Math.Exp(logP[k]) * logP[k];
            }
        }

        return sum / logits.RowCount;
    }
}
