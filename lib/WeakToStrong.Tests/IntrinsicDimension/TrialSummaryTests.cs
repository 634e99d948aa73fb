using WeakToStrong.IntrinsicDimension;

namespace WeakToStrong.Tests.IntrinsicDimension;

public sealed class TrialSummaryTests
{
    [Fact]
    public void SummaryAveragesPerTrialRatiosAndReportsTheSpreadAcrossTrials()
    {
        var trials = Toys.Misspecified().RunTrials(seed: 8, trialCount: 25, 60, 40);
        var summary = TrialSummary.Of(trials);
        void Check(MonteCarloEstimate actual, Func<FourModelRisks, double> select)
        {
            var expected = MonteCarlo.Of(trials.Select(select)); // two-pass, independent of the library
            Assert.Equal(expected.Mean, actual.Mean, 1e-13 * Math.Abs(expected.Mean));
            Assert.Equal(expected.StandardDeviation, actual.StandardDeviation, 1e-12 * expected.StandardDeviation);
            Assert.Equal(25, actual.Trials);
            Assert.Equal(expected.StandardError, actual.StandardError, 1e-12 * expected.StandardError);
        }

        Check(summary.Weak, r => r.Weak.ExcessRisk);
        Check(summary.WeakToStrong, r => r.WeakToStrong.ExcessRisk);
        Check(summary.StrongBaseline, r => r.StrongBaseline.ExcessRisk);
        Check(summary.StrongCeiling, r => r.StrongCeiling.ExcessRisk);
        Check(summary.PerformanceGapRecovered, r => r.PerformanceGapRecovered);
        Check(summary.OutperformingRatio, r => r.OutperformingRatio);

        // Per-trial PGR averaged is not the PGR of the averaged risks.
        var ofMeans = (summary.Weak.Mean - summary.WeakToStrong.Mean) / (summary.Weak.Mean - summary.StrongCeiling.Mean);
        Assert.NotEqual(ofMeans, summary.PerformanceGapRecovered.Mean);
    }

    [Fact]
    public void OneTrialHasNoSpreadAndIsRejected()
    {
        var one = Toys.Misspecified().RunTrials(1, 1, 60, 40);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => TrialSummary.Of(one));
        Assert.Equal("trials", error.ParamName);
        Assert.Contains("at least two trials", error.Message);
    }
}
