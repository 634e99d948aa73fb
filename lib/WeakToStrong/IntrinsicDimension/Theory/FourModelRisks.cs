using WeakToStrong.Metrics;

namespace WeakToStrong.IntrinsicDimension;

/// <summary>
/// Excess risks of the four models of Dong et al. 2025, arXiv:2502.05075 (weak teacher, W2S student, strong baseline,
/// strong ceiling), either from one simulated trial or as expectations from a closed form, with the summary ratios PGR
/// and OPR and the split of the student's variance into the part inherited on the overlap and the part left of the
/// discrepancy (the paper's headline result).
/// </summary>
/// <param name="Weak">The weak teacher f_w, fitted on the n labelled samples with the weak features.</param>
/// <param name="WeakToStrong">The W2S student f_w2s, fitted on N fresh inputs labelled by the teacher.</param>
/// <param name="StrongBaseline">The strong baseline f_s, fitted on the n labelled samples with the strong features.</param>
/// <param name="StrongCeiling">The strong ceiling f_c, fitted on n + N samples with their true labels.</param>
public sealed record FourModelRisks(
    RiskDecomposition Weak,
    RiskDecomposition WeakToStrong,
    RiskDecomposition StrongBaseline,
    RiskDecomposition StrongCeiling)
{
    /// <summary>
    /// The student's variance inherited on the overlap: ‖P_S e_w‖², where e_w is the teacher's noise-driven
    /// coefficient error. The student represents P_S e_w exactly, so this part passes through unchanged; its
    /// expectation is σ²·d_{s∧w}/(n − d_w − 1) (d_{s∧w} = tr(P_S P_W) = Σcos²θ_i; see
    /// <see cref="ExactGaussianRisk"/>). NaN when not computed.
    /// </summary>
    public double InheritedVariance { get; init; } = double.NaN;

    /// <summary>
    /// What remains of the discrepancy: ‖β_noise − P_S e_w‖², the student's fit to the teacher's noise outside V_s,
    /// (I − P_S)e_w, which the student sees as label noise independent of its features; expectation
    /// σ²(d_w − d_{s∧w})/(n − d_w − 1)·d_s/(N − d_s − 1) (<see cref="ExactGaussianRisk"/>). NaN when not computed.
    /// </summary>
    public double DiscrepancyVariance { get; init; } = double.NaN;

    /// <summary>
    /// Performance gap recovered (Burns et al. 2023, arXiv:2312.09390): PGR = (ER(f_w) − ER(f_w2s)) / (ER(f_w) −
    /// ER(f_c)), by
    /// <see cref="WeakToStrongMetrics.PerformanceGapRecovered"/>. For a trial this is the per-trial ratio (the paper
    /// averages it over trials); for a closed form it is the ratio of expectations.
    /// </summary>
    public double PerformanceGapRecovered =>
        WeakToStrongMetrics.PerformanceGapRecovered(Weak.ExcessRisk, WeakToStrong.ExcessRisk, StrongCeiling.ExcessRisk);

    /// <summary>
    /// Outperforming ratio (arXiv:2502.05075): OPR = ER(f_s) / ER(f_w2s), by
    /// <see cref="WeakToStrongMetrics.OutperformingRatio"/>;
    /// above 1 means W2S beats the strong baseline trained on the n labels.
    /// </summary>
    public double OutperformingRatio => WeakToStrongMetrics.OutperformingRatio(StrongBaseline.ExcessRisk, WeakToStrong.ExcessRisk);

    /// <summary>The four excess risks as the core's record (for its tables and metrics).</summary>
    public WeakToStrongRisks Risks => new(Weak.ExcessRisk, WeakToStrong.ExcessRisk, StrongCeiling.ExcessRisk, StrongBaseline.ExcessRisk);
}
