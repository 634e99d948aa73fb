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
public class SweepResult
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

    /// <summary>The rows of both tables whose integer parameter equals <paramref name="value"/>.</summary>
    /// <param name="parameter">A parameter of this sweep.</param>
    /// <param name="value">The value to keep.</param>
    /// <returns>A result with the selected rows.</returns>
    public SweepResult Where(GridParameter<int> parameter, int value) => Where(Known(parameter), (double)value);

    /// <summary>The rows of both tables whose real parameter equals <paramref name="value"/> (compared exactly; grid values are stored as given).</summary>
    /// <param name="parameter">A parameter of this sweep.</param>
    /// <param name="value">The value to keep.</param>
    /// <returns>A result with the selected rows.</returns>
    public SweepResult Where(GridParameter<double> parameter, double value) => Where(Known(parameter), value);

    /// <summary>The rows of both tables whose text parameter equals <paramref name="value"/>.</summary>
    /// <param name="parameter">A parameter of this sweep.</param>
    /// <param name="value">The label to keep.</param>
    /// <returns>A result with the selected rows.</returns>
    public SweepResult Where(GridParameter<string> parameter, string value) => Where(Known(parameter), value);

    /// <summary>An integer parameter's value in each row of <see cref="Summary"/> (one per grid point), e.g. a chart's x axis.</summary>
    /// <param name="parameter">A parameter of this sweep.</param>
    /// <returns>The values.</returns>
    public int[] Axis(GridParameter<int> parameter) => Column(Summary, Known(parameter)).Select(v => (int)v!).ToArray();

    /// <summary>A real parameter's value in each row of <see cref="Summary"/> (one per grid point).</summary>
    /// <param name="parameter">A parameter of this sweep.</param>
    /// <returns>The values.</returns>
    public double[] Axis(GridParameter<double> parameter) => Column(Summary, Known(parameter)).Select(v => (double)v!).ToArray();

    /// <summary>A text parameter's value in each row of <see cref="Summary"/> (one per grid point).</summary>
    /// <param name="parameter">A parameter of this sweep.</param>
    /// <returns>The labels.</returns>
    public string[] Axis(GridParameter<string> parameter) => Column(Summary, Known(parameter)).Select(v => (string)v!).ToArray();

    /// <summary>An integer parameter's value in each row of <see cref="Trials"/> (one per grid point and trial).</summary>
    /// <param name="parameter">A parameter of this sweep.</param>
    /// <returns>The values.</returns>
    public int[] TrialAxis(GridParameter<int> parameter) => Column(Trials, Known(parameter)).Select(v => (int)v!).ToArray();

    /// <summary>A real parameter's value in each row of <see cref="Trials"/>.</summary>
    /// <param name="parameter">A parameter of this sweep.</param>
    /// <returns>The values.</returns>
    public double[] TrialAxis(GridParameter<double> parameter) => Column(Trials, Known(parameter)).Select(v => (double)v!).ToArray();

    /// <summary>A text parameter's value in each row of <see cref="Trials"/>.</summary>
    /// <param name="parameter">A parameter of this sweep.</param>
    /// <returns>The labels.</returns>
    public string[] TrialAxis(GridParameter<string> parameter) => Column(Trials, Known(parameter)).Select(v => (string)v!).ToArray();

    /// <summary>The masks of <see cref="Trials"/> and <see cref="Summary"/> rows whose parameter equals the value.</summary>
    private protected (BooleanDataFrameColumn Trials, BooleanDataFrameColumn Summary) Masks(string parameter, Func<object?, bool> keep)
    {
        BooleanDataFrameColumn Mask(DataFrame frame)
        {
            var column = frame.Columns[parameter];
            return new BooleanDataFrameColumn("keep", Enumerable.Range(0, (int)column.Length).Select(i => keep(column[i])));
        }

        return (Mask(Trials), Mask(Summary));
    }

    /// <summary>The name of <paramref name="parameter"/> once it is known to be a parameter of this sweep of its kind.</summary>
    private protected string Known<T>(GridParameter<T> parameter)
        where T : notnull
    {
        Guard.NotNull(parameter);
        var position = Parameters.ToList().IndexOf(parameter.Name);
        if (position < 0)
        {
            throw new ArgumentException($"parameter = \"{parameter.Name}\" is not a parameter of this sweep; expected one of: {string.Join(", ", Parameters)}.", nameof(parameter));
        }

        var column = Summary.Columns[parameter.Name];
        var kind = column switch
        {
            Int32DataFrameColumn => ParameterKind.Integer,
            DoubleDataFrameColumn => ParameterKind.Real,
            _ => ParameterKind.Text,
        };
        if (kind != parameter.Kind)
        {
            throw new ArgumentException($"parameter = \"{parameter.Name}\" is a {kind} parameter of this sweep; it was declared as a {parameter.Kind} parameter.", nameof(parameter));
        }

        return parameter.Name;
    }

    private protected SweepResult Where(string parameter, Func<object?, bool> keep)
    {
        Guard.NotEmpty(parameter);
        if (!Parameters.Contains(parameter))
        {
            throw new ArgumentException($"parameter = \"{parameter}\" is not a parameter of this sweep; expected one of: {string.Join(", ", Parameters)}.", nameof(parameter));
        }

        var (trials, summary) = Masks(parameter, keep);
        return Filtered(trials, summary);
    }

    /// <summary>A result of the same kind holding the masked rows.</summary>
    private protected virtual SweepResult Filtered(BooleanDataFrameColumn trials, BooleanDataFrameColumn summary) =>
        new(Trials.Filter(trials), Summary.Filter(summary), Parameters, Metrics, Elapsed);

    private static IEnumerable<object?> Column(DataFrame frame, string name)
    {
        var column = frame.Columns[name];
        for (long i = 0; i < column.Length; i++)
        {
            yield return column[i];
        }
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
