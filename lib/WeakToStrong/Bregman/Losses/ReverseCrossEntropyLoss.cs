using WeakToStrong.Validation;
namespace WeakToStrong.Bregman;

/// <summary>
/// Reverse binary cross-entropy (the RCE of Xu et al. 2025, arXiv:2505.24313; "reverse_bce" in the authors'
/// code): the student's probability p = σ(z) takes the
/// label slot, ℓ_RCE(z; q) = −[p log q' + (1 − p) log(1 − q')] with the smoothed teacher label
/// q' = q(1 − ε) + ε/2, and ∂ℓ/∂z = −p(1 − p)·logit(q'). Linear in p; minimised over p ∈ [0, 1] at the one-hot
/// p = 1[q &gt; 0.5], whatever the teacher's confidence (cf. arXiv:2505.24313, §5).
/// </summary>
/// <remarks>
/// Each log is clamped at −100 as PyTorch's binary_cross_entropy does, so with a hard label q = 1 and ε = 0 the
/// loss is 100·(1 − p) (finite) and the gradient −100·p(1 − p).
/// </remarks>
public sealed class ReverseCrossEntropyLoss : SoftLabelLoss
{
    /// <summary>Creates the loss with label smoothing ε.</summary>
    /// <param name="smoothing">ε ∈ [0, 1]; 0 (the authors' default) disables smoothing.</param>
    public ReverseCrossEntropyLoss(double smoothing = 0)
    {
        Guard.Probability(smoothing);
        Smoothing = smoothing;
    }

    /// <summary>The label-smoothing ε.</summary>
    public double Smoothing { get; }

    /// <inheritdoc/>
    public override string Name => "reverse_bce";

    internal override LossWithGradient EvaluateValid(double logit, double teacherProbability) =>
        Reverse(logit, teacherProbability, Smoothing);

    internal override double ReverseSmoothing => Smoothing;

    internal override LossWithGradient EvaluateWithLogs(double logit, double teacherProbability, double logQ, double logOneMinusQ) =>
        ReverseFromLogs(logit, logQ, logOneMinusQ);
}
