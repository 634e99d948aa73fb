namespace WeakToStrong.IntrinsicDimension;

/// <summary>
/// The summary the paper plots at one (n, N) (§1.4, §3.1, §3.2): the mean ± std across trials of the four excess
/// risks, and of PGR and OPR computed per trial and then averaged (not ratios of the mean risks).
/// </summary>
/// <param name="Weak">ER(f_w) across trials.</param>
/// <param name="WeakToStrong">ER(f_w2s) across trials.</param>
/// <param name="StrongBaseline">ER(f_s) across trials.</param>
/// <param name="StrongCeiling">ER(f_c) across trials.</param>
/// <param name="PerformanceGapRecovered">Per-trial PGR across trials.</param>
/// <param name="OutperformingRatio">Per-trial OPR across trials.</param>
public sealed record TrialSummary(
    MonteCarloEstimate Weak,
    MonteCarloEstimate WeakToStrong,
    MonteCarloEstimate StrongBaseline,
    MonteCarloEstimate StrongCeiling,
    MonteCarloEstimate PerformanceGapRecovered,
    MonteCarloEstimate OutperformingRatio)
{
    /// <summary>Summarises trials, for example those of <see cref="GaussianFeatureModel.RunTrials"/>.</summary>
    /// <param name="trials">At least two trials with finite risks and ratios.</param>
    /// <returns>The summary.</returns>
    /// <exception cref="ArgumentException">A value is not finite.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than two trials.</exception>
    public static TrialSummary Of(IReadOnlyList<FourModelRisks> trials)
    {
        Require.NotNull(trials, nameof(trials));
        MonteCarloEstimate Of(Func<FourModelRisks, double> select) =>
            MonteCarloEstimate.Of(trials.Select(select), nameof(trials));
        return new TrialSummary(
            Of(r => r.Weak.ExcessRisk),
            Of(r => r.WeakToStrong.ExcessRisk),
            Of(r => r.StrongBaseline.ExcessRisk),
            Of(r => r.StrongCeiling.ExcessRisk),
            Of(r => r.PerformanceGapRecovered),
            Of(r => r.OutperformingRatio));
    }
}
