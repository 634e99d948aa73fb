using Microsoft.Data.Analysis;
using WeakToStrong.Validation;

namespace WeakToStrong.Metrics;

/// <summary>
/// The four risks of one weak-to-strong run (lower is better) and the two summary ratios derived from them
/// (the four models and two ratios of Dong et al. 2025, arXiv:2502.05075). Used as a sweep result, every property
/// becomes a column.
/// </summary>
/// <param name="Weak">R_weak: the weak teacher, trained on n ground-truth labels.</param>
/// <param name="WeakToStrong">R_w2s: the strong student, trained on the teacher's pseudo-labels of N fresh inputs.</param>
/// <param name="StrongBaseline">R_strong-baseline: the strong model trained on the teacher's n ground-truth labels.</param>
/// <param name="StrongCeiling">R_ceiling: the strong model trained on ground-truth labels.</param>
/// <remarks>The four models in the library's one order (weak teacher, W2S student, strong baseline, strong ceiling),
/// as in <c>FourModelRisks</c>, <c>FourModelTrial</c> and <c>RealDataTrial</c>.</remarks>
public sealed record WeakToStrongRisks(double Weak, double WeakToStrong, double StrongBaseline, double StrongCeiling)
{
    /// <summary>PGR = (R_weak − R_w2s)/(R_weak − R_ceiling); see <see cref="WeakToStrongMetrics.PerformanceGapRecovered"/>.</summary>
    public double PerformanceGapRecovered => WeakToStrongMetrics.PerformanceGapRecovered(Weak, WeakToStrong, StrongCeiling);

    /// <summary>OPR = R_strong-baseline/R_w2s; see <see cref="WeakToStrongMetrics.OutperformingRatio"/>.</summary>
    public double OutperformingRatio => WeakToStrongMetrics.OutperformingRatio(StrongBaseline, WeakToStrong);

    /// <summary>
    /// A side-by-side table of several sets of risks (e.g. one draw, the Monte Carlo mean, the exact expectation):
    /// one row per quantity (the four risks, PGR, OPR) and one column per set.
    /// </summary>
    /// <param name="columns">Named risk sets, at least one, with distinct non-empty names.</param>
    /// <returns>A DataFrame with a "quantity" column and one column per set.</returns>
    public static DataFrame Table(params (string Name, WeakToStrongRisks Risks)[] columns)
    {
        Guard.NotNull(columns);
        Guard.MinimumCount(columns, 1, "a table needs at least one column");
        if (columns.Select(c => c.Name).Distinct().Count() != columns.Length || columns.Any(c => string.IsNullOrWhiteSpace(c.Name) || c.Name == "quantity"))
        {
            throw new ArgumentException("columns has an empty, repeated or reserved (\"quantity\") name; expected distinct non-empty names.", nameof(columns));
        }

        var frame = new DataFrame(new StringDataFrameColumn("quantity", [
            "R weak teacher",
            "R weak-to-strong student",
            "R strong ceiling",
            "R strong baseline",
            "PGR",
            "OPR",
        ]));
        foreach (var (name, risks) in columns)
        {
            Guard.NotNull(risks, nameof(columns));
            frame.Columns.Add(new DoubleDataFrameColumn(name, [
                risks.Weak,
                risks.WeakToStrong,
                risks.StrongCeiling,
                risks.StrongBaseline,
                risks.PerformanceGapRecovered,
                risks.OutperformingRatio,
            ]));
        }

        return frame;
    }
}
