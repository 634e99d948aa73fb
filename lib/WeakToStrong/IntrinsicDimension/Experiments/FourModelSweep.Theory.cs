using Microsoft.Data.Analysis;
using WeakToStrong.Sweeps;
using WeakToStrong.Validation;

namespace WeakToStrong.IntrinsicDimension;

/// <content>The closed forms at the points of a sweep's grid: typed (<see cref="FourModelSweep.Predictions"/>) and as a display table.</content>
public static partial class FourModelSweep
{
    /// <summary>
    /// The closed forms at every grid point, typed: the exact Gaussian expectations and the paper's asymptotic forms of
    /// the four risks with the student's variance split (<see cref="FourModelPrediction"/>), in grid order.
    /// </summary>
    /// <param name="configuration">The base configuration.</param>
    /// <param name="grid">A grid as for <see cref="Run"/> (n &gt; d_w + 1, N &gt; d_s + 1 for the exact forms).</param>
    /// <returns>One prediction per grid point.</returns>
    /// <exception cref="ArgumentException">The grid lacks "n" or "N", or a parameter has the wrong kind.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A grid value is out of range.</exception>
    public static IReadOnlyList<FourModelPrediction> Predictions(SyntheticConfiguration configuration, ParameterGrid grid)
    {
        Guard.NotNull(configuration);
        Guard.NotNull(grid);
        var rows = new List<FourModelPrediction>();
        foreach (var point in grid)
        {
            var quantities = ConfigurationAt(configuration, point).Quantities;
            var (n, bigN) = Counts(point);
            var asymptotic = new AsymptoticRisk(quantities);
            var split = asymptotic.WeakToStrongVarianceSplit(n, bigN);
            rows.Add(new FourModelPrediction(point, new ExactGaussianRisk(quantities).Predict(n, bigN),
                asymptotic.Predict(n, bigN) with { InheritedVariance = split.Inherited, DiscrepancyVariance = split.Discrepancy }));
        }

        return rows;
    }

    /// <summary>
    /// <see cref="Predictions"/> as a table for display: the grid's parameters, then the exact forms (columns
    /// <c>exact_…</c>) and the asymptotic forms (<c>asymptotic_…</c>) with <see cref="FourModelTrial"/>'s fields.
    /// Code reads <see cref="Predictions"/> instead, whose fields are typed.
    /// </summary>
    /// <param name="configuration">The base configuration.</param>
    /// <param name="grid">A grid as for <see cref="Run"/> (n &gt; d_w + 1, N &gt; d_s + 1 for the exact forms).</param>
    /// <returns>One row per grid point: the grid's parameters, then the theory columns.</returns>
    /// <exception cref="ArgumentException">The grid lacks "n" or "N", or a parameter has the wrong kind.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A grid value is out of range.</exception>
    public static DataFrame Theory(SyntheticConfiguration configuration, ParameterGrid grid)
    {
        var rows = Predictions(configuration, grid);
        var columns = new List<DataFrameColumn>();
        for (var p = 0; p < grid.Names.Count; p++)
        {
            var name = grid.Names[p];
            columns.Add(grid.Kinds[p] switch
            {
                ParameterKind.Integer => new Int32DataFrameColumn(name, rows.Select(r => r.Point.Integer(name))),
                ParameterKind.Real => new DoubleDataFrameColumn(name, rows.Select(r => r.Point[name])),
                _ => new StringDataFrameColumn(name, rows.Select(r => r.Point.Text(name))),
            });
        }

        foreach (var (prefix, select) in new (string, Func<FourModelPrediction, FourModelRisks>)[]
                 { ("exact_", r => r.Exact), ("asymptotic_", r => r.Asymptotic) })
        {
            var trials = rows.Select(r => FourModelTrial.From(select(r))).ToArray();
            foreach (var property in typeof(FourModelTrial).GetProperties())
            {
                columns.Add(new DoubleDataFrameColumn(prefix + property.Name, trials.Select(t => (double)property.GetValue(t)!)));
            }
        }

        return new DataFrame(columns);
    }
}
