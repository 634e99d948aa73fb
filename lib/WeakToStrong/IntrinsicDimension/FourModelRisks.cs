namespace WeakToStrong.IntrinsicDimension;

/// <summary>
/// Excess risks of the four models of §1.3 (weak teacher, W2S student, strong baseline, strong ceiling), either
/// from one simulated trial or as expectations from a closed form, with the §1.4 summary ratios.
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
    /// Performance gap recovered (§1.4): PGR = (ER(f_w) − ER(f_w2s)) / (ER(f_w) − ER(f_c)). For a trial this is
    /// the per-trial ratio (the paper averages it over trials); for a closed form it is the ratio of expectations.
    /// Infinite or NaN only when ER(f_w) = ER(f_c) exactly.
    /// </summary>
    public double PerformanceGapRecovered =>
        (Weak.ExcessRisk - WeakToStrong.ExcessRisk) / (Weak.ExcessRisk - StrongCeiling.ExcessRisk);

    /// <summary>
    /// Outperforming ratio (§1.4): OPR = ER(f_s) / ER(f_w2s); above 1 means W2S beats the strong baseline trained
    /// on the n labels.
    /// </summary>
    public double OutperformingRatio => StrongBaseline.ExcessRisk / WeakToStrong.ExcessRisk;
}
