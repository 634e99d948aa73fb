using MathNet.Numerics.LinearAlgebra;
using WeakToStrong.Validation;

namespace WeakToStrong.Bregman;

/// <summary>
/// Squared loss on ℝ^d: φ(u) = ‖u‖², so D_φ(a, b) = ‖a − b‖², ∇φ(u) = 2u and (∇φ)⁻¹(θ) = θ/2. The dual
/// mean is the ordinary mean. Same convention as <see cref="SquaredLossGenerator"/> (φ = ‖u‖², not ½‖u‖²).
/// </summary>
public sealed class SquaredNormGenerator : BregmanGenerator<Vector<double>>
{
    private SquaredNormGenerator()
    {
    }

    /// <summary>The single instance.</summary>
    public static SquaredNormGenerator Instance { get; } = new();

    /// <inheritdoc/>
    public override string Name => "squared norm (φ(u) = ‖u‖²)";

    /// <summary>φ(u) = ‖u‖².</summary>
    /// <param name="point">A finite vector u.</param>
    public override double Potential(Vector<double> point)
    {
        Guard.FiniteNonEmpty(point);
        return point.DotProduct(point);
    }

    /// <summary>∇φ(u) = 2u.</summary>
    /// <param name="point">A finite vector u.</param>
    public override Vector<double> Gradient(Vector<double> point)
    {
        Guard.FiniteNonEmpty(point);
        return 2 * point;
    }

    /// <summary>(∇φ)⁻¹(θ) = θ/2.</summary>
    /// <param name="dual">A finite vector θ.</param>
    public override Vector<double> InverseGradient(Vector<double> dual)
    {
        Guard.FiniteNonEmpty(dual);
        return dual / 2;
    }

    /// <summary>D_φ(a, b) = ‖a − b‖² = Σ_k (a_k − b_k)².</summary>
    /// <param name="target">The first slot a.</param>
    /// <param name="prediction">The second slot b, of the same dimension.</param>
    public override double Divergence(Vector<double> target, Vector<double> prediction)
    {
        Guard.FiniteNonEmpty(target);
        Guard.FiniteNonEmpty(prediction);
        Guard.Length(prediction, target.Count, nameof(target));
        double sum = 0;
        for (var k = 0; k < target.Count; k++)
        {
            var d = target[k] - prediction[k];
            sum += d * d;
        }

        return sum;
    }

    /// <summary>⟨∇φ(c) − ∇φ(b), a − c⟩ = 2⟨c − b, a − c⟩.</summary>
    /// <param name="a">First point.</param>
    /// <param name="c">Middle point.</param>
    /// <param name="b">Last point.</param>
    public override double ThreePointRemainder(Vector<double> a, Vector<double> c, Vector<double> b)
    {
        Guard.FiniteNonEmpty(a);
        Guard.FiniteNonEmpty(c);
        Guard.FiniteNonEmpty(b);
        Guard.Length(c, a.Count, nameof(a));
        Guard.Length(b, a.Count, nameof(a));
        return 2 * (c - b).DotProduct(a - c);
    }

    internal override Vector<double> DualAverage(IReadOnlyList<Vector<double>> points, IReadOnlyList<double> weights) =>
        PrimalAverage(points, weights);

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

    internal override void ValidateClosed(Vector<double> point, string name) => Guard.FiniteNonEmpty(point, name);

    internal override void ValidateInterior(Vector<double> point, string name) => Guard.FiniteNonEmpty(point, name);

    internal override bool SamePoint(Vector<double> a, Vector<double> b) => a.Count == b.Count && a.Equals(b);
}
