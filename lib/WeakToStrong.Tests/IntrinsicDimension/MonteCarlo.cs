namespace WeakToStrong.Tests.IntrinsicDimension;

/// <summary>Mean and standard error of a Monte Carlo sample, computed here independently of the library.</summary>
internal readonly record struct MonteCarlo(double Mean, double StandardDeviation, int Count)
{
    public double StandardError => StandardDeviation / Math.Sqrt(Count);

    public static MonteCarlo Of(IEnumerable<double> values)
    {
        var array = values.ToArray();
        var mean = array.Average();
        var sumSquares = array.Sum(v => (v - mean) * (v - mean));
        return new MonteCarlo(mean, Math.Sqrt(sumSquares / (array.Length - 1)), array.Length);
    }

    /// <summary>Asserts |mean − expected| ≤ 5 standard errors.</summary>
    public void AssertAgrees(double expected, string what)
    {
        var deviation = Math.Abs(Mean - expected) / StandardError;
        Assert.True(deviation <= 5.0, $"{what}: Monte Carlo {Mean:G6} ± {StandardError:G3} vs expected {expected:G6} ({deviation:F2} standard errors)");
    }
}
