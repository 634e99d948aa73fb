using WeakToStrong.Validation;

namespace WeakToStrong.Statistics;

/// <summary>
/// Sample statistics computed stably: sums by Neumaier's compensated summation, the variance by the two-pass
/// formula Σ(x_i − x̄)²/(n − 1) (a sum of non-negative terms, no cancellation). Means, variances and standard
/// deviations work on the values divided by a power of two near their largest magnitude, which is exact, so they
/// give the same bits as the plain formulas wherever those do not overflow, and a finite answer for any finite values
/// whose answer is representable (the mean of [1e308, 1e308] is 1e308).
/// </summary>
public static class Descriptive
{
    /// <summary>Σ x_i by Neumaier (improved Kahan–Babuška) compensated summation: the error is O(ε) independent of n for well-conditioned sums.</summary>
    /// <param name="values">The values, all finite.</param>
    /// <returns>The sum.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The sum of finite values exceeds the double range (|Σ| &gt; 1.8e308).</exception>
    public static double Sum(IReadOnlyList<double> values)
    {
        Guard.AllFinite(values);
        var sum = CompensatedSum(values, 1.0);
        if (!double.IsFinite(sum))
        {
            throw new ArgumentOutOfRangeException(nameof(values), $"the sum of the {values.Count} values overflows double (|sum| > {double.MaxValue:G3}); rescale them, or use Mean, which does not overflow.");
        }

        return sum;
    }

    /// <summary>The sample mean x̄ = (1/n) Σ x_i, computed on scaled values so that it never overflows for finite inputs.</summary>
    /// <param name="values">At least one finite value.</param>
    /// <returns>x̄.</returns>
    public static double Mean(IReadOnlyList<double> values)
    {
        Guard.MinimumCount(values, 1, "a mean needs at least one value");
        Guard.AllFinite(values);
        var scale = ScaleOf(values, values.Count);
        return CompensatedSum(values, 1 / scale) / values.Count * scale;
    }

    /// <summary>The unbiased sample variance s² = Σ(x_i − x̄)²/(n − 1), two-pass, on scaled values.</summary>
    /// <param name="values">At least two finite values.</param>
    /// <returns>s².</returns>
    /// <exception cref="ArgumentOutOfRangeException">s² exceeds the double range (s &gt; 1.3e154); <see cref="SampleStandardDeviation"/> is still finite.</exception>
    public static double SampleVariance(IReadOnlyList<double> values)
    {
        var (scale, scaledVariance) = ScaledVariance(values);
        var variance = scaledVariance * scale * scale;
        if (!double.IsFinite(variance))
        {
            throw new ArgumentOutOfRangeException(nameof(values), $"the sample variance of these values overflows double (s = {Math.Sqrt(scaledVariance) * scale:G3}); use SampleStandardDeviation, or rescale the values.");
        }

        return variance;
    }

    /// <summary>The sample standard deviation s = √(s²) (n − 1 denominator), finite for any finite values.</summary>
    /// <param name="values">At least two finite values.</param>
    /// <returns>s.</returns>
    public static double SampleStandardDeviation(IReadOnlyList<double> values)
    {
        var (scale, scaledVariance) = ScaledVariance(values);
        return Math.Sqrt(scaledVariance) * scale;
    }

    /// <summary>The standard error of the mean s/√n.</summary>
    /// <param name="values">At least two finite values.</param>
    /// <returns>s/√n.</returns>
    public static double StandardError(IReadOnlyList<double> values) => SampleStandardDeviation(values) / Math.Sqrt(values.Count);

    /// <summary>The variance of the values divided by <c>Scale</c>, and that scale (a power of two, so the division is exact).</summary>
    private static (double Scale, double ScaledVariance) ScaledVariance(IReadOnlyList<double> values)
    {
        Guard.MinimumCount(values, 2, "a sample variance needs at least two values");
        Guard.AllFinite(values);

        // |x/scale| < 1, so deviations from the mean stay below 2 and n squared deviations below 4n: nothing overflows.
        var scale = ScaleOf(values, 1);
        var mean = CompensatedSum(values, 1 / scale) / values.Count;
        var squares = new double[values.Count];
        for (var i = 0; i < squares.Length; i++)
        {
            var e = (values[i] / scale) - mean;
            squares[i] = e * e;
        }

        return (scale, CompensatedSum(squares, 1.0) / (values.Count - 1));
    }

    /// <summary>
    /// A power of two 2^k with max|x_i|·headroom ≤ 2^k (1 when every value is 0): dividing by it is exact for normal
    /// numbers, and a sum of <paramref name="headroom"/> terms of magnitude below 1 cannot overflow.
    /// </summary>
    private static double ScaleOf(IReadOnlyList<double> values, int headroom)
    {
        var largest = 0.0;
        foreach (var x in values)
        {
            largest = Math.Max(largest, Math.Abs(x));
        }

        if (largest == 0)
        {
            return 1.0;
        }

        // ILogB(largest) + 1 bounds largest by 2^k; the headroom adds ⌈log2 n⌉. Clamped so that 2^k and 2^-k are
        // both normal numbers (subnormal values are then scaled up, never to infinity).
        var exponent = Math.ILogB(largest) + 1 + (int)Math.Ceiling(Math.Log2(headroom));
        return Math.ScaleB(1.0, Math.Clamp(exponent, -1022, 1023));
    }

    /// <summary>Σ x_i·factor by Neumaier summation.</summary>
    private static double CompensatedSum(IReadOnlyList<double> values, double factor)
    {
        var sum = 0.0;
        var compensation = 0.0;
        foreach (var value in values)
        {
            var x = value * factor;
            var t = sum + x;
            compensation += Math.Abs(sum) >= Math.Abs(x) ? (sum - t) + x : (x - t) + sum;
            sum = t;
        }

        return sum + compensation;
    }
}
