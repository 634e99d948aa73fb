using Microsoft.Data.Analysis;
using WeakToStrong.Validation;

namespace WeakToStrong.Sweeps;

/// <summary>
/// The tidy output of a sweep (one record per run, so that every chart is a query over a table):
/// <see cref="Trials"/> has one row per (grid point, trial), ordered by grid index then by trial, with the
/// parameter columns, "trial" (0-based index), "seed" (the trial's seed) and one column per metric; <see cref="Summary"/> has one row per
/// grid point with the parameter columns, "count" and, for each metric m, "m_mean", "m_std" (sample standard
/// deviation, null if count &lt; 2) and "m_se" (standard error of the mean, null if count &lt; 2).
/// </summary>
public sealed class SweepResult
{
    internal SweepResult(DataFrame trials, DataFrame summary, IReadOnlyList<string> parameters, IReadOnlyList<string> metrics, TimeSpan elapsed)
    {
        Trials = trials;
        Summary = summary;
        Parameters = parameters;
        Metrics = metrics;
        Elapsed = elapsed;
    }

    /// <summary>One row per (grid point, seed).</summary>
    public DataFrame Trials { get; }

    /// <summary>One row per grid point: mean, std, se and count of every metric.</summary>
    public DataFrame Summary { get; }

    /// <summary>The parameter column names.</summary>
    public IReadOnlyList<string> Parameters { get; }

    /// <summary>The metric names (trial columns; summary columns are suffixed _mean, _std, _se).</summary>
    public IReadOnlyList<string> Metrics { get; }

    /// <summary>Wall-clock time of the sweep (not part of the results; varies between runs).</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>A numeric column of <see cref="Summary"/> as doubles (nulls become NaN), e.g. <c>SummaryValues("risk_mean")</c>, for charts.</summary>
    /// <param name="column">A numeric column name of the summary.</param>
    /// <returns>The values, one per grid point.</returns>
    public double[] SummaryValues(string column) => Values(Summary, column);

    /// <summary>A numeric column of <see cref="Trials"/> as doubles, one per (grid point, seed).</summary>
    /// <param name="column">A numeric column name of the trials table.</param>
    /// <returns>The values.</returns>
    public double[] TrialValues(string column) => Values(Trials, column);

    /// <summary>
    /// The rows of both tables whose numeric parameter equals <paramref name="value"/>, e.g.
    /// <c>result.Where("overlap", 10).SummaryValues("Risk_mean")</c> for one curve of a multi-curve figure.
    /// </summary>
    /// <param name="parameter">A numeric parameter name.</param>
    /// <param name="value">The value to keep (compared exactly; grid values are stored as given).</param>
    /// <returns>A result with the selected rows.</returns>
    public SweepResult Where(string parameter, double value) => Where(parameter, cell => cell is not null && Convert.ToDouble(cell, System.Globalization.CultureInfo.InvariantCulture) == value);

    /// <summary>The rows of both tables whose text parameter equals <paramref name="value"/>.</summary>
    /// <param name="parameter">A text parameter name.</param>
    /// <param name="value">The label to keep.</param>
    /// <returns>A result with the selected rows.</returns>
    public SweepResult Where(string parameter, string value) => Where(parameter, cell => cell is string text && text == value);

    private SweepResult Where(string parameter, Func<object?, bool> keep)
    {
        Guard.NotEmpty(parameter);
        if (!Parameters.Contains(parameter))
        {
            throw new ArgumentException($"parameter = \"{parameter}\" is not a parameter of this sweep; expected one of: {string.Join(", ", Parameters)}.", nameof(parameter));
        }

        DataFrame Filter(DataFrame frame)
        {
            var column = frame.Columns[parameter];
            var mask = new BooleanDataFrameColumn("keep", Enumerable.Range(0, (int)column.Length).Select(i => keep(column[i])));
            return frame.Filter(mask);
        }

        return new SweepResult(Filter(Trials), Filter(Summary), Parameters, Metrics, Elapsed);
    }

    private static double[] Values(DataFrame frame, string column)
    {
        Guard.NotEmpty(column);
        var names = frame.Columns.Select(c => c.Name).ToArray();
        if (!names.Contains(column))
        {
            throw new ArgumentException($"column = \"{column}\" is not a column of this table; expected one of: {string.Join(", ", names)}.", nameof(column));
        }

        var data = frame.Columns[column];
        if (data is StringDataFrameColumn)
        {
            throw new ArgumentException($"column = \"{column}\" holds text; expected a numeric column.", nameof(column));
        }

        var result = new double[data.Length];
        for (var i = 0; i < data.Length; i++)
        {
            result[i] = data[i] is null ? double.NaN : Convert.ToDouble(data[i], System.Globalization.CultureInfo.InvariantCulture);
        }

        return result;
    }
}
