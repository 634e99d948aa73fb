using System.Globalization;
using WeakToStrong.Statistics;
using WeakToStrong.Validation;

namespace WeakToStrong.Metrics;

/// <summary>
/// The two summary numbers of a weak-to-strong experiment, for risks (lower is better), following Dong et al. 2025
/// (arXiv:2502.05075), after Burns et al. 2023 (arXiv:2312.09390):
/// <list type="bullet">
/// <item>PGR, performance gap recovered = (R_weak − R_w2s)/(R_weak − R_ceiling): 0 when the student is no better
/// than its weak teacher, 1 when it matches the strong ceiling, above 1 when it beats the ceiling. With a
/// zero-risk ceiling (as for the infinite-width random-feature students) PGR = 1 − R_w2s/R_weak.</item>
/// <item>OPR, outperforming ratio = R_strong-baseline/R_w2s, where the strong baseline is the strong model
/// trained on the weak teacher's n labelled samples (the "S-Baseline" of arXiv:2502.05075): above 1 means
/// weak-to-strong training beats supervised training of the strong model on the teacher's data.</item>
/// </list>
/// Per-trial values are averaged with the <c>Mean…</c> functions (as in the simulations of arXiv:2502.05075: per
/// trial, then the mean); the <c>…OfMeans</c> functions give the ratio of mean risks instead, which estimates the
/// ratio of expected risks. The two estimate different numbers: for independent numerator and denominator,
/// E[X/Y] = E X · E[1/Y] ≥ E X / E Y by Jensen's inequality, and in the primer's ridge model (notebook 00) the mean of
/// per-trial OPR is several percent above the ratio of expectations.
/// </summary>
public static class WeakToStrongMetrics
{
    /// <summary>PGR = (R_weak − R_w2s)/(R_weak − R_ceiling) for one trial.</summary>
    /// <param name="weakRisk">R_weak, the weak teacher's risk (finite, ≥ 0).</param>
    /// <param name="weakToStrongRisk">R_w2s, the student's risk (finite, ≥ 0).</param>
    /// <param name="ceilingRisk">R_ceiling, the strong model trained on ground truth (finite, ≥ 0, ≠ R_weak).</param>
    /// <returns>PGR.</returns>
    public static double PerformanceGapRecovered(double weakRisk, double weakToStrongRisk, double ceilingRisk)
    {
        Guard.NonNegative(weakRisk);
        Guard.NonNegative(weakToStrongRisk);
        Guard.NonNegative(ceilingRisk);
        var gap = weakRisk - ceilingRisk;
        if (gap == 0)
        {
            throw new ArgumentException(
                $"ceilingRisk = {ceilingRisk.ToString("R", CultureInfo.InvariantCulture)} equals weakRisk; PGR is undefined when the weak and ceiling risks coincide (expected ceilingRisk ≠ weakRisk).",
                nameof(ceilingRisk));
        }

        return (weakRisk - weakToStrongRisk) / gap;
    }

    /// <summary>OPR = R_strong-baseline/R_w2s for one trial.</summary>
    /// <param name="strongBaselineRisk">R of the strong model trained on the teacher's labelled data (finite, ≥ 0).</param>
    /// <param name="weakToStrongRisk">R_w2s (finite, &gt; 0).</param>
    /// <returns>OPR.</returns>
    public static double OutperformingRatio(double strongBaselineRisk, double weakToStrongRisk)
    {
        Guard.NonNegative(strongBaselineRisk);
        Guard.Positive(weakToStrongRisk);
        return strongBaselineRisk / weakToStrongRisk;
    }

    /// <summary>The mean over trials of the per-trial PGR.</summary>
    /// <param name="weakRisks">R_weak per trial.</param>
    /// <param name="weakToStrongRisks">R_w2s per trial (same length).</param>
    /// <param name="ceilingRisks">R_ceiling per trial (same length).</param>
    /// <returns>(1/T) Σ_t PGR_t.</returns>
    public static double MeanPerformanceGapRecovered(IReadOnlyList<double> weakRisks, IReadOnlyList<double> weakToStrongRisks, IReadOnlyList<double> ceilingRisks)
    {
        CheckTrials(weakRisks, weakToStrongRisks, ceilingRisks);
        return Descriptive.Mean(Enumerable.Range(0, weakRisks.Count).Select(t => PerformanceGapRecovered(weakRisks[t], weakToStrongRisks[t], ceilingRisks[t])).ToArray());
    }

    /// <summary>PGR of the mean risks: (mean R_weak − mean R_w2s)/(mean R_weak − mean R_ceiling).</summary>
    /// <param name="weakRisks">R_weak per trial.</param>
    /// <param name="weakToStrongRisks">R_w2s per trial (same length).</param>
    /// <param name="ceilingRisks">R_ceiling per trial (same length).</param>
    /// <returns>The ratio of means.</returns>
    public static double PerformanceGapRecoveredOfMeans(IReadOnlyList<double> weakRisks, IReadOnlyList<double> weakToStrongRisks, IReadOnlyList<double> ceilingRisks)
    {
        CheckTrials(weakRisks, weakToStrongRisks, ceilingRisks);
        return PerformanceGapRecovered(Descriptive.Mean(weakRisks), Descriptive.Mean(weakToStrongRisks), Descriptive.Mean(ceilingRisks));
    }

    /// <summary>The mean over trials of the per-trial OPR.</summary>
    /// <param name="strongBaselineRisks">R_strong-baseline per trial.</param>
    /// <param name="weakToStrongRisks">R_w2s per trial (same length).</param>
    /// <returns>(1/T) Σ_t OPR_t.</returns>
    public static double MeanOutperformingRatio(IReadOnlyList<double> strongBaselineRisks, IReadOnlyList<double> weakToStrongRisks)
    {
        CheckTrials(strongBaselineRisks, weakToStrongRisks, weakToStrongRisks);
        return Descriptive.Mean(Enumerable.Range(0, strongBaselineRisks.Count).Select(t => OutperformingRatio(strongBaselineRisks[t], weakToStrongRisks[t])).ToArray());
    }

    /// <summary>OPR of the mean risks: mean R_strong-baseline / mean R_w2s.</summary>
    /// <param name="strongBaselineRisks">R_strong-baseline per trial.</param>
    /// <param name="weakToStrongRisks">R_w2s per trial (same length).</param>
    /// <returns>The ratio of means.</returns>
    public static double OutperformingRatioOfMeans(IReadOnlyList<double> strongBaselineRisks, IReadOnlyList<double> weakToStrongRisks)
    {
        CheckTrials(strongBaselineRisks, weakToStrongRisks, weakToStrongRisks);
        return OutperformingRatio(Descriptive.Mean(strongBaselineRisks), Descriptive.Mean(weakToStrongRisks));
    }

    private static void CheckTrials(IReadOnlyList<double> first, IReadOnlyList<double> second, IReadOnlyList<double> third)
    {
        Guard.MinimumCount(first, 1, "at least one trial", "risks");
        Guard.NotNull(second);
        Guard.NotNull(third);
        Guard.SameLength(second.Count, first.Count, "the number of trials in the first list", "risks.Count");
        Guard.SameLength(third.Count, first.Count, "the number of trials in the first list", "risks.Count");
    }
}
