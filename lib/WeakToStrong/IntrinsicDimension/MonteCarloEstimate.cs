namespace WeakToStrong.IntrinsicDimension;

/// <summary>
/// The mean of a quantity over independent trials with its spread: the standard deviation across trials (the
/// paper's error bars, §1.4) and the standard error of the mean (the Monte Carlo error, §4).
/// </summary>
/// <param name="Mean">The sample mean.</param>
/// <param name="StandardDeviation">The sample standard deviation across trials (divisor T − 1, as torch.std).</param>
/// <param name="Trials">T, the number of trials (at least 2).</param>
public sealed record MonteCarloEstimate(double Mean, double StandardDeviation, int Trials)
{
    /// <summary>The standard error of the mean, std/√T.</summary>
    public double StandardError => StandardDeviation / Math.Sqrt(Trials);

    /// <summary>Mean and standard deviation of finite values (Welford's update, one pass).</summary>
    /// <param name="values">At least two finite values.</param>
    /// <param name="name">The parameter name to report in errors.</param>
    /// <returns>The estimate.</returns>
    internal static MonteCarloEstimate Of(IEnumerable<double> values, string name)
    {
        double mean = 0, sumSquares = 0;
        var count = 0;
        foreach (var value in values)
        {
            if (!double.IsFinite(value))
            {
                throw new ArgumentException($"{name}: trial {count} has the non-finite value {value}; a mean and standard deviation need finite values.", name);
            }

            count++;
            var delta = value - mean;
            mean += delta / count;
            sumSquares += delta * (value - mean);
        }

        Require.AtLeast(count, 2, name, "a standard deviation across trials needs at least two trials");
        return new MonteCarloEstimate(mean, Math.Sqrt(sumSquares / (count - 1)), count);
    }
}
