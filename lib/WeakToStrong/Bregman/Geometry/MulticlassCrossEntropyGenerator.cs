using MathNet.Numerics.LinearAlgebra;
using WeakToStrong.Validation;
using static WeakToStrong.Bregman.StableFunctions;

namespace WeakToStrong.Bregman;

/// <summary>
/// Multiclass cross-entropy geometry on the probability simplex Δ_K: the negative entropy
/// φ(p) = Σ_k p_k log p_k (0 log 0 = 0), so D_φ(a, b) = KL(a ‖ b) = Σ_k a_k log(a_k/b_k),
/// ∇φ(p) = (log p_k + 1)_k and (∇φ)⁻¹ = softmax. On the simplex the gradient is determined only up to an additive
/// constant vector (the normal direction); softmax ignores that constant, so the dual mean is the normalised
/// geometric mean Ŷ°_k ∝ exp(E log Ŷ_k) = softmax of the mean logits.
/// </summary>
/// <remarks>
/// Domains: the first slot of D may be any point of the closed simplex (one-hot labels included); the second slot
/// and every argument of ∇φ must have all entries &gt; 0. "Sums to 1" is checked within 1e-9 (absolute). KL is
/// summed as the non-negative terms a_k log(a_k/b_k) − a_k + b_k (the linear parts cancel on the simplex).
/// Softmax uses log-sum-exp.
/// </remarks>
public sealed class MulticlassCrossEntropyGenerator : BregmanGenerator<Vector<double>>
{
    private MulticlassCrossEntropyGenerator()
    {
    }

    /// <summary>The single instance.</summary>
    public static MulticlassCrossEntropyGenerator Instance { get; } = new();

    /// <inheritdoc/>
    public override string Name => "multiclass cross-entropy (φ(p) = Σ p_k log p_k)";

    /// <summary>φ(p) = Σ_k p_k log p_k = −H(p).</summary>
    /// <param name="point">p in the closed simplex.</param>
    public override double Potential(Vector<double> point)
    {
        Guard.Simplex(point, strictlyPositive: false);
        double sum = 0;
        for (var k = 0; k < point.Count; k++)
        {
            sum += XLogX(point[k]);
        }

        return sum;
    }

    /// <summary>∇φ(p) = (log p_k + 1)_k, the gradient of Σ p_k log p_k on the positive orthant.</summary>
    /// <param name="point">p in the open simplex (all entries &gt; 0).</param>
    public override Vector<double> Gradient(Vector<double> point)
    {
        Guard.Simplex(point, strictlyPositive: true);
        return point.Map(v => Math.Log(v) + 1);
    }

    /// <summary>(∇φ)⁻¹(θ) = softmax(θ)_k = exp(θ_k − log Σ_j e^{θ_j}); invariant to adding a constant to θ.</summary>
    /// <param name="dual">Finite logits θ.</param>
    public override Vector<double> InverseGradient(Vector<double> dual)
    {
        Guard.FiniteNonEmpty(dual);
        return Softmax(dual);
    }

    /// <summary>D_φ(a, b) = KL(a ‖ b) = Σ_k a_k log(a_k / b_k).</summary>
    /// <param name="target">a in the closed simplex.</param>
    /// <param name="prediction">b in the open simplex, of the same dimension.</param>
    public override double Divergence(Vector<double> target, Vector<double> prediction)
    {
        Guard.Simplex(target, strictlyPositive: false);
        Guard.Simplex(prediction, strictlyPositive: true);
        Guard.Length(prediction, target.Count, nameof(target));
        double sum = 0;
        for (var k = 0; k < target.Count; k++)
        {
            sum += RelativeEntropyTerm(target[k], prediction[k]);
        }

        return sum;
    }

    /// <summary>⟨∇φ(c) − ∇φ(b), a − c⟩ = Σ_k (log c_k − log b_k)(a_k − c_k).</summary>
    /// <param name="a">a in the closed simplex.</param>
    /// <param name="c">c in the open simplex.</param>
    /// <param name="b">b in the open simplex.</param>
    public override double ThreePointRemainder(Vector<double> a, Vector<double> c, Vector<double> b)
    {
        Guard.Simplex(a, strictlyPositive: false);
        Guard.Simplex(c, strictlyPositive: true);
        Guard.Simplex(b, strictlyPositive: true);
        Guard.Length(c, a.Count, nameof(a));
        Guard.Length(b, a.Count, nameof(a));
        double sum = 0;
        for (var k = 0; k < a.Count; k++)
        {
            sum += (Math.Log(c[k]) - Math.Log(b[k])) * (a[k] - c[k]);
        }

        return sum;
    }

    internal override Vector<double> DualAverage(IReadOnlyList<Vector<double>> points, IReadOnlyList<double> weights)
    {
        var meanLog = Vector<double>.Build.Dense(points[0].Count);
        for (var i = 0; i < points.Count; i++)
        {
            Guard.Length(points[i], meanLog.Count, "law.Outcomes[0]", $"law.Outcomes[{i}]");
            for (var k = 0; k < meanLog.Count; k++)
            {
                meanLog[k] += weights[i] * Math.Log(points[i][k]);
            }
        }

        return Softmax(meanLog);
    }

    internal override Vector<double> PrimalAverage(IReadOnlyList<Vector<double>> points, IReadOnlyList<double> weights)
    {
        var sum = Vector<double>.Build.Dense(points[0].Count);
        for (var i = 0; i < points.Count; i++)
        {
            Guard.Length(points[i], sum.Count, "law.Outcomes[0]", $"law.Outcomes[{i}]");
            sum.Add(weights[i] * points[i], sum);
        }

        return sum;
    }

    internal override void ValidateClosed(Vector<double> point, string name) =>
        Guard.Simplex(point, strictlyPositive: false, name);

    internal override void ValidateInterior(Vector<double> point, string name) =>
        Guard.Simplex(point, strictlyPositive: true, name);

    internal override bool SamePoint(Vector<double> a, Vector<double> b) => a.Count == b.Count && a.Equals(b);
}
