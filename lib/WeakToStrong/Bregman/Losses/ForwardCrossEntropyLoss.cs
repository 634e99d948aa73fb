namespace WeakToStrong.Bregman;

/// <summary>
/// Forward binary cross-entropy on a soft teacher label (the CE of Xu et al. 2025, arXiv:2505.24313; "bce" in the
/// authors' code):
/// ℓ_CE(z; q) = −[q log p + (1 − q) log(1 − p)], p = σ(z), with ∂ℓ/∂z = p − q. Minimised at p = q with value H(q), so
/// the student inherits the teacher's confidence.
/// </summary>
/// <remarks>
/// Evaluated in logit space as q·softplus(−z) + (1 − q)·softplus(z), exact for every finite z. PyTorch's −100
/// clamp on log p is not mirrored here: in double precision it would act only for |z| &gt; 100, where it zeroes the
/// gradient of a badly wrong prediction. Label smoothing is not applied (the authors force ε = 0 for BCE).
/// </remarks>
public sealed class ForwardCrossEntropyLoss : SoftLabelLoss
{
    /// <summary>The single instance.</summary>
    public static ForwardCrossEntropyLoss Instance { get; } = new();

    private ForwardCrossEntropyLoss()
    {
    }

    /// <inheritdoc/>
    public override string Name => "bce";

    internal override LossWithGradient EvaluateValid(double logit, double teacherProbability) =>
        Forward(logit, teacherProbability);

    internal override double GradientWithLogs(double logit, double teacherProbability, double logQ, double logOneMinusQ) =>
        ForwardGradient(logit, teacherProbability);
}
