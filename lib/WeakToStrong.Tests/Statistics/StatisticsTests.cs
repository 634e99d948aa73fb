using WeakToStrong.Statistics;
using static WeakToStrong.Tests.NumericAssert;

namespace WeakToStrong.Tests.Statistics;

public sealed class StatisticsTests
{
    [Fact]
    public void MeansAndDeviationsOfFiniteValuesNearTheDoubleLimitAreFinite()
    {
        // Exact answers: mean of [1e308, 1e308] is 1e308; s of [a, −a] is a·√2 (deviations ±a, s² = 2a²/1).
        Assert.Equal(1e308, Descriptive.Mean([1e308, 1e308]));
        Assert.Equal(1e308 * Math.Sqrt(2), Descriptive.SampleStandardDeviation([1e308, -1e308]), 1e294);
        Assert.Equal(-1.5e308, Descriptive.Mean([-1.7e308, -1.3e308]));
        Assert.Equal(1e-320, Descriptive.Mean([1e-320, 1e-320]));
    }

    [Fact]
    public void ScalingByAPowerOfTwoGivesTheSameBitsAsThePlainFormulas()
    {
        // The plain two-pass formulas, written out here, where nothing overflows.
        var random = new WeakToStrong.Randomness.RandomStream(5);
        var values = Enumerable.Range(0, 101).Select(_ => random.NextDouble() * 3 - 1).ToArray();
        var mean = NeumaierSum(values) / values.Length;
        var variance = NeumaierSum(values.Select(x => (x - mean) * (x - mean)).ToArray()) / (values.Length - 1);
        Assert.Equal(mean, Descriptive.Mean(values));
        Assert.Equal(variance, Descriptive.SampleVariance(values));
        Assert.Equal(Math.Sqrt(variance), Descriptive.SampleStandardDeviation(values));
    }

    private static double NeumaierSum(double[] values)
    {
        double sum = 0, compensation = 0;
        foreach (var x in values)
        {
            var t = sum + x;
            compensation += Math.Abs(sum) >= Math.Abs(x) ? (sum - t) + x : (x - t) + sum;
            sum = t;
        }

        return sum + compensation;
    }

    // x = 2, 4, 4, 4, 5, 5, 7, 9: sum 40, mean 5; squared deviations 9, 1, 1, 1, 0, 0, 4, 16 sum to 32,
    // so s² = 32/7, s = √(32/7) ≈ 2.138, se = s/√8.
    private static readonly double[] Sample = [2, 4, 4, 4, 5, 5, 7, 9];

    [Fact]
    public void MeanStandardDeviationAndStandardErrorMatchHandValues()
    {
        Assert.Equal(5.0, Descriptive.Mean(Sample), 15);
        Assert.Equal(32.0 / 7.0, Descriptive.SampleVariance(Sample), 14);
        Assert.Equal(Math.Sqrt(32.0 / 7.0), Descriptive.SampleStandardDeviation(Sample), 14);
        Assert.Equal(Math.Sqrt(32.0 / 7.0) / Math.Sqrt(8), Descriptive.StandardError(Sample), 14);
        var summary = SampleSummary.Of(Sample);
        Assert.Equal(8, summary.Count);
        Assert.Equal(5.0, summary.Mean, 15);
        Assert.Equal(Math.Sqrt(32.0 / 7.0) / Math.Sqrt(8), summary.StandardError, 14);
    }

    [Fact]
    public void CompensatedSumKeepsWhatNaiveSummationLoses()
    {
        double[] values = [1e16, 1.0, -1e16];
        Assert.Equal(0.0, values[0] + values[1] + values[2]); // naive left-to-right loses the 1
        Assert.Equal(1.0, Descriptive.Sum(values));
    }

    [Fact]
    public void VarianceSurvivesALargeOffset()
    {
        // 1e9 + (2, 4, …): the variance is that of Sample, 32/7; the one-pass E[x²] − E[x]² loses all digits here.
        var shifted = Sample.Select(v => v + 1e9).ToArray();
        Assert.Equal(32.0 / 7.0, Descriptive.SampleVariance(shifted), 6);
    }

    [Fact]
    public void StudentTIntervalUsesTheTableQuantile()
    {
        // t_{0.975, 9} = 2.262157 (standard t table); z_{0.975} = 1.959964.
        var t = ConfidenceInterval.StudentT(10.0, 1.0, 9, 0.95);
        Assert.Equal(10.0 - 2.262157, t.Lower, 5);
        Assert.Equal(10.0 + 2.262157, t.Upper, 5);
        var z = ConfidenceInterval.Normal(0.0, 2.0, 0.95);
        Assert.Equal(2 * 1.959964, z.HalfWidth, 5);
        Assert.True(z.Contains(3.9) && !z.Contains(4.0));
        var fromSummary = SampleSummary.Of(Sample).StudentTInterval(0.95);
        // ν = 7: t_{0.975, 7} = 2.364624.
        Assert.Equal(2.364624 * Math.Sqrt(32.0 / 7.0) / Math.Sqrt(8), fromSummary.HalfWidth, 5);
    }

    [Fact]
    public void LogLogSlopeIsExactOnPowerLawData()
    {
        double[] x = [1, 2, 5, 10, 100, 1000];
        var y = x.Select(v => 3 * Math.Pow(v, 1.5)).ToArray();
        var fit = LogLogFit.Fit(x, y);
        Assert.Equal(1.5, fit.Slope, 12);
        Assert.Equal(Math.Log(3), fit.Intercept, 12);
        Assert.Equal(1.0, fit.RSquared, 12);
        AssertBelow(fit.SlopeStandardError, 1e-12);
        Assert.Equal(3 * Math.Pow(50, 1.5), fit.Predict(50), 9);
    }

    [Fact]
    public void LogLogFitMatchesHandComputedRegression()
    {
        // ln x = (0, 1, 2), ln y = (0, 1, 3): Sxx = 2, Sxy = 3, slope 1.5, intercept 4/3 − 1.5 = −1/6;
        // residuals (1/6, −1/3, 1/6), SSE = 1/6, σ̂² = SSE/(n − 2) = 1/6; se(b) = √(σ̂²/Sxx) = √(1/12);
        // se(a) = √(σ̂²(1/3 + 1/2)) = √5/6; SST = 14/3, R² = 1 − (1/6)/(14/3) = 27/28.
        double[] x = [1, Math.E, Math.E * Math.E];
        double[] y = [1, Math.E, Math.Pow(Math.E, 3)];
        var fit = LogLogFit.Fit(x, y);
        Assert.Equal(1.5, fit.Slope, 13);
        Assert.Equal(-1.0 / 6.0, fit.Intercept, 13);
        Assert.Equal(Math.Sqrt(1.0 / 12.0), fit.SlopeStandardError, 13);
        Assert.Equal(Math.Sqrt(5) / 6, fit.InterceptStandardError, 13);
        Assert.Equal(27.0 / 28.0, fit.RSquared, 13);
        Assert.Equal(3, fit.Count);
    }
}
