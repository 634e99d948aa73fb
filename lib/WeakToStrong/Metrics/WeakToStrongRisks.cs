namespace WeakToStrong.Metrics;

/// <summary>
/// The four risks of one weak-to-strong run (lower is better) and the two summary ratios derived from them
/// (paper 02 §1.3–1.4). Used as a sweep result, every property becomes a column.
/// </summary>
/// <param name="Weak">R_weak: the weak teacher, trained on n ground-truth labels.</param>
/// <param name="WeakToStrong">R_w2s: the strong student, trained on the teacher's pseudo-labels of N fresh inputs.</param>
/// <param name="StrongCeiling">R_ceiling: the strong model trained on ground-truth labels.</param>
/// <param name="StrongBaseline">R_strong-baseline: the strong model trained on the teacher's n ground-truth labels.</param>
public sealed record WeakToStrongRisks(double Weak, double WeakToStrong, double StrongCeiling, double StrongBaseline)
{
    /// <summary>PGR = (R_weak − R_w2s)/(R_weak − R_ceiling); see <see cref="WeakToStrongMetrics.PerformanceGapRecovered"/>.</summary>
    public double PerformanceGapRecovered => WeakToStrongMetrics.PerformanceGapRecovered(Weak, WeakToStrong, StrongCeiling);

    /// <summary>OPR = R_strong-baseline/R_w2s; see <see cref="WeakToStrongMetrics.OutperformingRatio"/>.</summary>
    public double OutperformingRatio => WeakToStrongMetrics.OutperformingRatio(StrongBaseline, WeakToStrong);
}
