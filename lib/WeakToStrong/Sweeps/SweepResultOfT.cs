using Microsoft.Data.Analysis;
using WeakToStrong.Statistics;
using WeakToStrong.Validation;

namespace WeakToStrong.Sweeps;

/// <summary>
/// A sweep's tables together with the measurement's results themselves, one per row of
/// <see cref="SweepResult.Trials"/>, so that a metric is read by a property of the result type, checked by the
/// compiler, instead of by a column name: <c>sweep.Mean(r =&gt; r.Gain)</c> is the "Gain_mean" column of
/// <see cref="SweepResult.Summary"/>, computed the same way (the same values in the same order, so the two agree to
/// the bit), and a selector may also combine properties, e.g. <c>sweep.Mean(r =&gt; r.Student / r.Teacher)</c>.
/// </summary>
/// <typeparam name="TResult">The measurement's result type.</typeparam>
public sealed class SweepResult<TResult> : SweepResult
{
    private readonly TResult[] _outcomes;
    private readonly int _trialsPerPoint;

    internal SweepResult(DataFrame trials, DataFrame summary, IReadOnlyList<string> parameters, IReadOnlyList<string> metrics, TimeSpan elapsed, TResult[] outcomes, int trialsPerPoint)
        : base(trials, summary, parameters, metrics, elapsed)
    {
        _outcomes = outcomes;
        _trialsPerPoint = trialsPerPoint;
    }

    /// <summary>The measurement's results, one per row of <see cref="SweepResult.Trials"/> (grid point, then trial).</summary>
    public IReadOnlyList<TResult> Outcomes => _outcomes;

    /// <summary>The number of trials at each grid point (the summary's "count").</summary>
    public int TrialsPerPoint => _trialsPerPoint;

    /// <summary>A metric of every trial, one value per row of <see cref="SweepResult.Trials"/>.</summary>
    /// <param name="metric">The metric of one result, e.g. <c>r =&gt; r.Gain</c>.</param>
    /// <returns>The values.</returns>
    public double[] TrialValues(Func<TResult, double> metric)
    {
        Guard.NotNull(metric);
        return _outcomes.Select(metric).ToArray();
    }

    /// <summary>The mean of a metric over the trials of each grid point, one per row of <see cref="SweepResult.Summary"/>.</summary>
    /// <param name="metric">The metric of one result.</param>
    /// <returns>x̄ at each grid point.</returns>
    public double[] Mean(Func<TResult, double> metric) => PerPoint(metric, Descriptive.Mean);

    /// <summary>
    /// The sample standard deviation s (n − 1 denominator) of a metric over the trials of each grid point; NaN where a
    /// point has a single trial.
    /// </summary>
    /// <param name="metric">The metric of one result.</param>
    /// <returns>s at each grid point.</returns>
    public double[] StandardDeviation(Func<TResult, double> metric) =>
        PerPoint(metric, sample => sample.Length < 2 ? double.NaN : Descriptive.SampleStandardDeviation(sample));

    /// <summary>The standard error s/√n of the mean of a metric at each grid point; NaN where a point has a single trial.</summary>
    /// <param name="metric">The metric of one result.</param>
    /// <returns>s/√n at each grid point.</returns>
    public double[] StandardError(Func<TResult, double> metric) =>
        PerPoint(metric, sample => sample.Length < 2 ? double.NaN : Descriptive.SampleStandardDeviation(sample) / Math.Sqrt(sample.Length));

    /// <summary>Count, mean, standard deviation and standard error of a metric at each grid point (at least two trials per point).</summary>
    /// <param name="metric">The metric of one result.</param>
    /// <returns>One summary per grid point.</returns>
    public SampleSummary[] Summaries(Func<TResult, double> metric)
    {
        Guard.NotNull(metric);
        if (_trialsPerPoint < 2)
        {
            throw new InvalidOperationException($"The sweep has {_trialsPerPoint} trial per grid point; a standard deviation needs at least 2.");
        }

        return Enumerable.Range(0, PointCount).Select(g => SampleSummary.Of(Sample(metric, g))).ToArray();
    }

    /// <summary>The rows of both tables, and their results, whose integer parameter equals <paramref name="value"/>.</summary>
    /// <param name="parameter">A parameter of this sweep.</param>
    /// <param name="value">The value to keep.</param>
    /// <returns>A result with the selected rows.</returns>
    public new SweepResult<TResult> Where(GridParameter<int> parameter, int value) => (SweepResult<TResult>)base.Where(parameter, value);

    /// <summary>The rows of both tables, and their results, whose real parameter equals <paramref name="value"/> (compared exactly).</summary>
    /// <param name="parameter">A parameter of this sweep.</param>
    /// <param name="value">The value to keep.</param>
    /// <returns>A result with the selected rows.</returns>
    public new SweepResult<TResult> Where(GridParameter<double> parameter, double value) => (SweepResult<TResult>)base.Where(parameter, value);

    /// <summary>The rows of both tables, and their results, whose text parameter equals <paramref name="value"/>.</summary>
    /// <param name="parameter">A parameter of this sweep.</param>
    /// <param name="value">The label to keep.</param>
    /// <returns>A result with the selected rows.</returns>
    public new SweepResult<TResult> Where(GridParameter<string> parameter, string value) => (SweepResult<TResult>)base.Where(parameter, value);

    /// <summary>The rows whose numeric parameter equals <paramref name="value"/> (by name; see the typed overloads).</summary>
    /// <param name="parameter">A numeric parameter name.</param>
    /// <param name="value">The value to keep.</param>
    /// <returns>A result with the selected rows.</returns>
    public new SweepResult<TResult> Where(string parameter, double value) => (SweepResult<TResult>)base.Where(parameter, value);

    /// <summary>The rows whose text parameter equals <paramref name="value"/> (by name; see the typed overloads).</summary>
    /// <param name="parameter">A text parameter name.</param>
    /// <param name="value">The label to keep.</param>
    /// <returns>A result with the selected rows.</returns>
    public new SweepResult<TResult> Where(string parameter, string value) => (SweepResult<TResult>)base.Where(parameter, value);

    private protected override SweepResult Filtered(BooleanDataFrameColumn trials, BooleanDataFrameColumn summary)
    {
        var kept = Enumerable.Range(0, _outcomes.Length).Where(i => trials[i] == true).Select(i => _outcomes[i]).ToArray();
        return new SweepResult<TResult>(Trials.Filter(trials), Summary.Filter(summary), Parameters, Metrics, Elapsed, kept, _trialsPerPoint);
    }

    private int PointCount => _trialsPerPoint == 0 ? 0 : _outcomes.Length / _trialsPerPoint;

    private double[] Sample(Func<TResult, double> metric, int point)
    {
        var sample = new double[_trialsPerPoint];
        for (var t = 0; t < sample.Length; t++)
        {
            sample[t] = metric(_outcomes[(point * _trialsPerPoint) + t]);
        }

        return sample;
    }

    private double[] PerPoint(Func<TResult, double> metric, Func<double[], double> statistic)
    {
        Guard.NotNull(metric);
        return Enumerable.Range(0, PointCount).Select(g => statistic(Sample(metric, g))).ToArray();
    }
}
