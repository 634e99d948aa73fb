using WeakToStrong.Validation;
namespace WeakToStrong.Bregman;

/// <summary>
/// Closed-form per-sample minimisers over the student's probability p ∈ [0, 1] of forward and reverse binary
/// cross-entropy on a teacher label q (the mechanism behind the finding of Xu et al. 2025, arXiv:2505.24313, §5,
/// Corollary 5.1 in the ICLR 2026 version, that reverse CE is less sensitive to the teacher's uncertainty): the forward
/// minimiser follows the teacher's confidence, the reverse one only its argmax.
/// </summary>
public static class PerSampleMinimizers
{
    /// <summary>
    /// Forward BCE −[q log p + (1 − q) log(1 − p)] is minimised at p = q with value H(q): the student inherits the
    /// teacher's entropy.
    /// </summary>
    /// <param name="teacherProbability">q ∈ [0, 1].</param>
    public static LossMinimizer ForwardCrossEntropy(double teacherProbability)
    {
        Guard.Probability(teacherProbability);
        return new LossMinimizer(teacherProbability, CrossEntropy.Entropy(teacherProbability));
    }

    /// <summary>
    /// Reverse BCE p·(−log q') + (1 − p)·(−log(1 − q')), q' = q(1 − ε) + ε/2, is linear in p, so it is minimised at
    /// the one-hot p = 1[q &gt; 0.5] with value −log max(q', 1 − q') (logs clamped at −100 as in the loss). At
    /// q = 0.5 the loss is constant (log 2) and every p minimises it; p = 0 is returned, as 1[q &gt; 0.5] gives.
    /// Unchanged by temperature scaling or by shrinking q toward 0.5 with α &gt; 0.
    /// </summary>
    /// <param name="teacherProbability">q ∈ [0, 1].</param>
    /// <param name="smoothing">ε ∈ [0, 1).</param>
    public static LossMinimizer ReverseCrossEntropy(double teacherProbability, double smoothing = 0)
    {
        Guard.Probability(teacherProbability);
        Guard.InRange(smoothing, 0, 1 - 1e-12);
        (var logQ, var logOneMinusQ) = SoftLabelLoss.SmoothedClampedLogs(teacherProbability, smoothing);
        return teacherProbability > 0.5
            ? new LossMinimizer(1, -logQ)
            : new LossMinimizer(0, -logOneMinusQ);
    }
}
