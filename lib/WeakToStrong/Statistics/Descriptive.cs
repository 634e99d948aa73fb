using WeakToStrong.Validation;

namespace WeakToStrong.Statistics;

/// <summary>
/// Sample statistics computed stably: sums by Neumaier's compensated summation, the variance by the two-pass
/// formula Σ(x_i − x̄)²/(n − 1) (a sum of non-negative terms, no cancellation).
/// </summary>
public static class Descriptive
{
    /// <summary>Σ x_i by Neumaier (improved Kahan–Babuška) compensated summation: the error is O(ε) independent of n for well-conditioned sums.</summary>
    /// <param name="values">The values, all finite.</param>
    /// <returns>The sum.</returns>
    public static double Sum(IReadOnlyList<double> values)
    {
        Guard.AllFinite(values);
        var sum = 0.0;
        var compensation = 0.0;
        foreach (var x in values)
        {
            var t = sum + x;
            compensation += Math.Abs(sum) >= Math.Abs(x) ? (sum - t) + x : (x - t) + sum;
            sum = t;
        }

        return sum + compensation;
    }

    /// <summary>The sample mean x̄ = (1/n) Σ x_i.</summary>
    /// <param name="values">At least one finite value.</param>
    /// <returns>x̄.</returns>
    public static double Mean(IReadOnlyList<double> values)
    {
        Guard.MinimumCount(values, 1, "a mean needs at least one value");
        return Sum(values) / values.Count;
    }

    /// <summary>The unbiased sample variance s² = Σ(x_i − x̄)²/(n − 1).</summary>
    /// <param name="values">At least two finite values.</param>
    /// <returns>s².</returns>
    public static double SampleVariance(IReadOnlyList<double> values)
    {
        Guard.MinimumCount(values, 2, "a sample variance needs at least two values");
        var mean = Mean(values);
        var squares = new double[values.Count];
        for (var i = 0; i < squares.Length; i++)
        {
            var e = values[i] - mean;
            squares[i] = e * e;
        }

        return Sum(squares) / (values.Count - 1);
    }

    /// <summary>The sample standard deviation s = √(s²) (n − 1 denominator).</summary>
    /// <param name="values">At least two finite values.</param>
    /// <returns>s.</returns>
    public static double SampleStandardDeviation(IReadOnlyList<double> values) => Math.Sqrt(SampleVariance(values));

    /// <summary>The standard error of the mean s/√n.</summary>
    /// <param name="values">At least two finite values.</param>
    /// <returns>s/√n.</returns>
    public static double StandardError(IReadOnlyList<double> values) => SampleStandardDeviation(values) / Math.Sqrt(values.Count);
}
