using WeakToStrong.Validation;

namespace WeakToStrong.Statistics;

/// <summary>Count, mean, sample standard deviation (n − 1) and standard error of the mean of a sample.</summary>
/// <param name="Count">n.</param>
/// <param name="Mean">x̄.</param>
/// <param name="StandardDeviation">s (n − 1 denominator).</param>
/// <param name="StandardError">s/√n.</param>
public sealed record SampleSummary(int Count, double Mean, double StandardDeviation, double StandardError)
{
    /// <summary>Summarises at least two finite values (see <see cref="Descriptive"/>).</summary>
    /// <param name="values">The sample.</param>
    /// <returns>The summary.</returns>
    public static SampleSummary Of(IEnumerable<double> values)
    {
        Guard.NotNull(values);
        var array = values as IReadOnlyList<double> ?? values.ToArray();
        var sd = Descriptive.SampleStandardDeviation(array);
        return new SampleSummary(array.Count, Descriptive.Mean(array), sd, sd / Math.Sqrt(array.Count));
    }

    /// <summary>The Student-t confidence interval for the mean, x̄ ± t_{(1+level)/2, n−1}·s/√n.</summary>
    /// <param name="level">Confidence level in (0, 1).</param>
    /// <returns>The interval.</returns>
    public ConfidenceInterval StudentTInterval(double level = 0.95) => ConfidenceInterval.StudentT(Mean, StandardError, Count - 1, level);

    /// <summary>The normal confidence interval for the mean, x̄ ± z_{(1+level)/2}·s/√n.</summary>
    /// <param name="level">Confidence level in (0, 1).</param>
    /// <returns>The interval.</returns>
    public ConfidenceInterval NormalInterval(double level = 0.95) => ConfidenceInterval.Normal(Mean, StandardError, level);
}
