namespace WeakToStrong.IntrinsicDimension;

/// <summary>
/// The W2S student's variance split by where it comes from (the headline result of
/// Dong et al. 2025, arXiv:2502.05075, in the asymptotic and the exact Gaussian forms): the teacher's noise-driven
/// error on the overlap V_s ∩ V_w, which the student inherits unchanged, and what is left of the teacher's error in the
/// discrepancy directions, which the student sees as label noise and averages down by d_s/N.
/// </summary>
/// <param name="Inherited">σ²·d_{s∧w}/(n − d_w − 1) exactly (σ²·d_{s∧w}/n asymptotically).</param>
/// <param name="Discrepancy">σ²(d_w − d_{s∧w})/(n − d_w − 1)·d_s/(N − d_s − 1) exactly (σ²(d_w − d_{s∧w})/n·d_s/N asymptotically).</param>
public sealed record StudentVarianceSplit(double Inherited, double Discrepancy)
{
    /// <summary>The student's whole variance, Inherited + Discrepancy.</summary>
    public double Total => Inherited + Discrepancy;
}
