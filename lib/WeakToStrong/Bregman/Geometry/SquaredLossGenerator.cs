using WeakToStrong.Validation;
namespace WeakToStrong.Bregman;

/// <summary>
/// Squared loss on the real line (one of the two losses of Xu et al. 2025, arXiv:2505.24313): φ(u) = u², so D_φ(a, b) =
/// (a − b)², ∇φ(u) = 2u and
/// (∇φ)⁻¹(θ) = θ/2. The dual mean is the ordinary mean. Convention: φ = u², not ½u² (the paper's convention is
/// unknown; with ½u² every divergence would be halved).
/// </summary>
public sealed class SquaredLossGenerator : BregmanGenerator<double>
{
    private SquaredLossGenerator()
    {
    }

    /// <summary>The single instance.</summary>
    public static SquaredLossGenerator Instance { get; } = new();

    /// <inheritdoc/>
    public override string Name => "squared loss (φ(u) = u²)";

    /// <summary>φ(u) = u².</summary>
    /// <param name="point">Any finite u.</param>
    public override double Potential(double point)
    {
        Guard.Finite(point);
        return point * point;
    }

    /// <summary>∇φ(u) = 2u.</summary>
    /// <param name="point">Any finite u.</param>
    public override double Gradient(double point)
    {
        Guard.Finite(point);
        return 2 * point;
    }

    /// <summary>(∇φ)⁻¹(θ) = θ/2.</summary>
    /// <param name="dual">Any finite θ.</param>
    public override double InverseGradient(double dual)
    {
        Guard.Finite(dual);
        return dual / 2;
    }

    /// <summary>D_φ(a, b) = (a − b)².</summary>
    /// <param name="target">The first slot a (finite).</param>
    /// <param name="prediction">The second slot b (finite).</param>
    public override double Divergence(double target, double prediction)
    {
        Guard.Finite(target);
        Guard.Finite(prediction);
        var d = target - prediction;
        return d * d;
    }

    /// <summary>⟨∇φ(c) − ∇φ(b), a − c⟩ = 2(c − b)(a − c).</summary>
    /// <param name="a">First point.</param>
    /// <param name="c">Middle point.</param>
    /// <param name="b">Last point.</param>
    public override double ThreePointRemainder(double a, double c, double b)
    {
        Guard.Finite(a);
        Guard.Finite(c);
        Guard.Finite(b);
        return 2 * (c - b) * (a - c);
    }

    internal override double DualAverage(IReadOnlyList<double> points, IReadOnlyList<double> weights) =>
        PrimalAverage(points, weights);

    internal override double PrimalAverage(IReadOnlyList<double> points, IReadOnlyList<double> weights)
    {
        double sum = 0;
        for (var i = 0; i < points.Count; i++)
        {
            sum += weights[i] * points[i];
        }

        return sum;
    }

    internal override void ValidateClosed(double point, string name) => Guard.Finite(point, name);

    internal override void ValidateInterior(double point, string name) => Guard.Finite(point, name);

    internal override bool SamePoint(double a, double b) => a.Equals(b);
}
