using WeakToStrong.Validation;
namespace WeakToStrong.Bregman;

/// <summary>
/// Symmetric learning SL_a{α}_b{β} (one of the losses compared by Xu et al. 2025, arXiv:2505.24313;
/// SL_loss in the authors' code): ℓ = α·ℓ_CE(z; q) + β·ℓ_RCE(z; q'), forward BCE on
/// the raw label plus reverse BCE on the smoothed label; the gradient is the same combination.
/// </summary>
public sealed class SymmetricCrossEntropyLoss : SoftLabelLoss
{
    /// <summary>Creates SL with weights α, β.</summary>
    /// <param name="forwardWeight">α ≥ 0 (README example: 1).</param>
    /// <param name="reverseWeight">β ≥ 0 (README example: 0.1).</param>
    /// <param name="smoothing">ε ∈ [0, 1] for the reverse term.</param>
    public SymmetricCrossEntropyLoss(double forwardWeight = 1, double reverseWeight = 0.1, double smoothing = 0)
    {
        Guard.NonNegative(forwardWeight);
        Guard.NonNegative(reverseWeight);
        Guard.Probability(smoothing);
        ForwardWeight = forwardWeight;
        ReverseWeight = reverseWeight;
        Smoothing = smoothing;
    }

    /// <summary>α, the weight of forward BCE.</summary>
    public double ForwardWeight { get; }

    /// <summary>β, the weight of reverse BCE.</summary>
    public double ReverseWeight { get; }

    /// <summary>The label-smoothing ε of the reverse term.</summary>
    public double Smoothing { get; }

    /// <inheritdoc/>
    public override string Name => $"SL_a{Guard.Show(ForwardWeight)}_b{Guard.Show(ReverseWeight)}";

    internal override LossWithGradient EvaluateValid(double logit, double teacherProbability)
    {
        var f = Forward(logit, teacherProbability);
        var r = Reverse(logit, teacherProbability, Smoothing);
        return new(ForwardWeight * f.Value + ReverseWeight * r.Value, ForwardWeight * f.Gradient + ReverseWeight * r.Gradient);
    }

    internal override double ReverseSmoothing => Smoothing;

    internal override double GradientWithLogs(double logit, double teacherProbability, double logQ, double logOneMinusQ) =>
        ForwardWeight * ForwardGradient(logit, teacherProbability) + ReverseWeight * ReverseFromLogs(logit, logQ, logOneMinusQ).Gradient;

    internal override LossWithGradient EvaluateWithLogs(double logit, double teacherProbability, double logQ, double logOneMinusQ)
    {
        var f = Forward(logit, teacherProbability);
        var r = ReverseFromLogs(logit, logQ, logOneMinusQ);
        return new(ForwardWeight * f.Value + ReverseWeight * r.Value, ForwardWeight * f.Gradient + ReverseWeight * r.Gradient);
    }
}
