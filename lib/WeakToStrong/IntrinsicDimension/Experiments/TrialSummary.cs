using WeakToStrong.Statistics;
using WeakToStrong.Validation;

namespace WeakToStrong.IntrinsicDimension;

/// <summary>
/// The summary the paper's synthetic figures plot at one (n, N) (Dong et al. 2025, arXiv:2502.05075): the mean ± std
/// across trials of the four excess
/// risks, and of PGR and OPR computed per trial and then averaged (not ratios of the mean risks). Each entry is the
/// core's <see cref="SampleSummary"/> (mean, std with divisor T − 1 as torch.std, standard error std/√T).
/// </summary>
/// <param name="Weak">ER(f_w) across trials.</param>
/// <param name="WeakToStrong">ER(f_w2s) across trials.</param>
/// <param name="StrongBaseline">ER(f_s) across trials.</param>
/// <param name="StrongCeiling">ER(f_c) across trials.</param>
/// <param name="PerformanceGapRecovered">Per-trial PGR across trials.</param>
/// <param name="OutperformingRatio">Per-trial OPR across trials.</param>
public sealed record TrialSummary(
    SampleSummary Weak,
    SampleSummary WeakToStrong,
    SampleSummary StrongBaseline,
    SampleSummary StrongCeiling,
    SampleSummary PerformanceGapRecovered,
    SampleSummary OutperformingRatio)
{
    /// <summary>Summarises trials, for example those of <see cref="GaussianFeatureModel.RunTrials"/>.</summary>
    /// <param name="trials">At least two trials with finite risks and ratios.</param>
    /// <returns>The summary.</returns>
    /// <exception cref="ArgumentException">A value is not finite.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than two trials.</exception>
    public static TrialSummary Of(IReadOnlyList<FourModelRisks> trials)
    {
        Guard.NotNull(trials);
        Guard.AtLeast(trials.Count, 2, "a standard deviation across trials needs at least two trials", nameof(trials));
        SampleSummary Of(Func<FourModelRisks, double> select)
        {
            var values = trials.Select(select).ToArray();
            for (var t = 0; t < values.Length; t++)
            {
                if (!double.IsFinite(values[t]))
                {
                    throw new ArgumentException($"trials: trial {t} has the non-finite value {values[t]}; a mean and standard deviation need finite values.", nameof(trials));
                }
            }

            return SampleSummary.Of(values);
        }

        return new TrialSummary(
            Of(r => r.Weak.ExcessRisk),
            Of(r => r.WeakToStrong.ExcessRisk),
            Of(r => r.StrongBaseline.ExcessRisk),
            Of(r => r.StrongCeiling.ExcessRisk),
            Of(r => r.PerformanceGapRecovered),
            Of(r => r.OutperformingRatio));
    }
}
