using WeakToStrong.Validation;
using static WeakToStrong.Bregman.StableFunctions;
using static WeakToStrong.ElementaryFunctions;

namespace WeakToStrong.Bregman;

/// <summary>
/// Binary cross-entropy geometry (the cross-entropy case of Xu et al. 2025, arXiv:2505.24313): the negative entropy
/// φ(p) = p log p + (1 − p) log(1 − p) on [0, 1]
/// (0 log 0 = 0), so D_φ(a, b) = KL(Bern a ‖ Bern b) = a log(a/b) + (1 − a) log((1 − a)/(1 − b)),
/// ∇φ(p) = logit(p) = log(p/(1 − p)) and (∇φ)⁻¹ = sigmoid. The dual mean of a random probability is the sigmoid of
/// its mean logit. Cross-entropy against a fixed target a is CE(a, b) = H(a) + D_φ(a, b).
/// </summary>
/// <remarks>
/// Domains: the first slot of D (target, or student in the misfit) may be any a ∈ [0, 1], including hard labels;
/// the second slot and every argument of ∇φ must lie in the open interval (0, 1), where the logit is finite.
/// Out-of-domain values are rejected, never clamped. KL is summed as two non-negative terms
/// a log(a/b) − a + b and (1 − a) log((1 − a)/(1 − b)) − (1 − a) + (1 − b), each with a series near a = b.
/// </remarks>
public sealed class BinaryCrossEntropyGenerator : BregmanGenerator<double>
{
    private BinaryCrossEntropyGenerator()
    {
    }

    /// <summary>The single instance.</summary>
    public static BinaryCrossEntropyGenerator Instance { get; } = new();

    /// <inheritdoc/>
    public override string Name => "binary cross-entropy (φ(p) = p log p + (1 − p) log(1 − p))";

    /// <summary>φ(p) = p log p + (1 − p) log(1 − p) = −H(p).</summary>
    /// <param name="point">p ∈ [0, 1].</param>
    public override double Potential(double point)
    {
        Guard.Probability(point);
        return XLogX(point) + XLogX(1 - point);
    }

    /// <summary>∇φ(p) = logit(p) = log p − log1p(−p).</summary>
    /// <param name="point">p ∈ (0, 1).</param>
    public override double Gradient(double point)
    {
        Guard.OpenUnitInterval(point);
        return Logit(point);
    }

    /// <summary>(∇φ)⁻¹(z) = σ(z) = 1/(1 + e^{−z}), evaluated without overflow.</summary>
    /// <param name="dual">A finite logit z. For |z| ≳ 37 the result rounds to 0 or 1 in double precision.</param>
    public override double InverseGradient(double dual)
    {
        Guard.Finite(dual);
        return Sigmoid(dual);
    }

    /// <summary>D_φ(a, b) = KL(Bern a ‖ Bern b).</summary>
    /// <param name="target">a ∈ [0, 1].</param>
    /// <param name="prediction">b ∈ (0, 1).</param>
    public override double Divergence(double target, double prediction)
    {
        Guard.Probability(target);
        Guard.OpenUnitInterval(prediction);
        return RelativeEntropyTerm(target, prediction) + RelativeEntropyTerm(1 - target, 1 - prediction);
    }

    /// <summary>
    /// D_φ(a, σ(z)) = KL(Bern a ‖ Bern σ(z)) for a prediction given by its logit z, using log σ(z) = −softplus(−z)
    /// and log(1 − σ(z)) = −softplus(z). Unlike <see cref="Divergence"/> it stays exact when σ(z) rounds to 0 or 1
    /// in double precision (|z| ≳ 37), as for confident students trained with reverse cross-entropy.
    /// </summary>
    /// <param name="target">a ∈ [0, 1] (target, or the student's probability for the misfit).</param>
    /// <param name="predictionLogit">The prediction's logit z (finite).</param>
    public double DivergenceFromLogit(double target, double predictionLogit)
    {
        Guard.Probability(target);
        Guard.Finite(predictionLogit);
        return RelativeEntropyTerm(target, Sigmoid(predictionLogit), -Softplus(-predictionLogit))
            + RelativeEntropyTerm(1 - target, Sigmoid(-predictionLogit), -Softplus(predictionLogit));
    }

    /// <summary>⟨∇φ(c) − ∇φ(b), a − c⟩ = (logit c − logit b)(a − c).</summary>
    /// <param name="a">a ∈ [0, 1].</param>
    /// <param name="c">c ∈ (0, 1).</param>
    /// <param name="b">b ∈ (0, 1).</param>
    public override double ThreePointRemainder(double a, double c, double b)
    {
        Guard.Probability(a);
        Guard.OpenUnitInterval(c);
        Guard.OpenUnitInterval(b);
        return (Logit(c) - Logit(b)) * (a - c);
    }

    internal override double DualAverage(IReadOnlyList<double> points, IReadOnlyList<double> weights)
    {
        double meanLogit = 0;
        for (var i = 0; i < points.Count; i++)
        {
            meanLogit += weights[i] * Logit(points[i]);
        }

        return Sigmoid(meanLogit);
    }

    internal override double PrimalAverage(IReadOnlyList<double> points, IReadOnlyList<double> weights)
    {
        double sum = 0;
        for (var i = 0; i < points.Count; i++)
        {
            sum += weights[i] * points[i];
        }

        return Math.Clamp(sum, 0, 1);
    }

    internal override void ValidateClosed(double point, string name) => Guard.Probability(point, name);

    internal override void ValidateInterior(double point, string name) => Guard.OpenUnitInterval(point, name);

    internal override bool SamePoint(double a, double b) => a.Equals(b);
}
