using WeakToStrong.Primer;
using WeakToStrong.Randomness;
using WeakToStrong.Statistics;
using WeakToStrong.Sweeps;
using static WeakToStrong.Tests.NumericAssert;

namespace WeakToStrong.Tests.Primer;

public sealed class RidgeWeakToStrongExperimentTests
{
    [Fact]
    public void ExpectedRisksMatchTheHandComputedFormulas()
    {
        // Defaults: σ² = 1, d_w = 80, d_s = 40, d_{s∧w} = 20, n = 200, N = 2000: a_w = 1/119,
        // weak 80/119, w2s (20 + 60·40/1959)/119, ceiling (on n + N) 40/2159, baseline 40/159.
        var expected = new RidgeWeakToStrongExperiment().ExpectedRisks;
        Assert.Equal(80.0 / 119, expected.Weak, 14);
        Assert.Equal((20 + (60 * 40.0 / 1959)) / 119, expected.WeakToStrong, 14);
        Assert.Equal(40.0 / 2159, expected.StrongCeiling, 14);
        Assert.Equal(40.0 / 159, expected.StrongBaseline, 14);
        Assert.InRange(expected.PerformanceGapRecovered, 0.75, 0.76); // (0.6723 − 0.1784)/(0.6723 − 0.0185) = 0.7555
        Assert.InRange(expected.OutperformingRatio, 1.4, 1.45);
    }

    [Fact]
    public void MonteCarloMeansAgreeWithTheExactExpectations()
    {
        // Small sizes keep the test fast; 400 trials. Tolerance: 5 standard errors of the Monte Carlo mean.
        var experiment = new RidgeWeakToStrongExperiment(teacherDimension: 12, studentDimension: 6, overlap: 3, labelledSamples: 40, pseudoLabelledSamples: 120, regularization: 0);
        var result = Sweep.Run(ParameterGrid.Create(), Enumerable.Range(0, 400), job => experiment.Run(job.Random));
        var expected = experiment.ExpectedRisks;
        foreach (var (metric, value) in new[] { ("Weak", expected.Weak), ("WeakToStrong", expected.WeakToStrong), ("StrongCeiling", expected.StrongCeiling), ("StrongBaseline", expected.StrongBaseline) })
        {
            var summary = SampleSummary.Of(result.TrialValues(metric));
            Assert.True(Math.Abs(summary.Mean - value) < 5 * summary.StandardError, $"{metric}: {summary.Mean} vs {value} (se {summary.StandardError})");
        }
    }

    [Fact]
    public void RunsAreReproducibleAndTheStudentBeatsItsTeacher()
    {
        var experiment = new RidgeWeakToStrongExperiment();
        var a = experiment.Run(new RandomStream(7));
        var b = experiment.Run(new RandomStream(7));
        Assert.Equal(a, b);
        AssertBelow(a.WeakToStrong, a.Weak);
        AssertBelow(a.StrongCeiling, a.WeakToStrong);
    }

    [Fact]
    public void EarlyStoppingTheTeacherBeatsRunningItToConvergence()
    {
        var experiment = new RidgeWeakToStrongExperiment();
        var flow = experiment.TeacherFlow(new RandomStream(3));
        var best = flow.OptimalStoppingTime(experiment.TeacherRisk, 1e-2, 1e4);
        var converged = experiment.TeacherRisk.Evaluate(flow.Limit());
        Assert.False(best.AtBoundary);
        AssertBelow(best.Loss, converged);
        Assert.Equal(1.0, flow.Loss(experiment.TeacherRisk, 0.0), 14); // w(0) = 0 has risk ‖θ*‖² = 1
    }

    [Theory]
    [InlineData(80, 40, 20, 200)]
    [InlineData(30, 10, 5, 60)]
    [InlineData(12, 25, 3, 40)]
    public void TheStudentBreaksEvenWithItsTeacherAtTwiceItsDimensionPlusOne(int dw, int ds, int overlap, int n)
    {
        // E R_w2s = a_w [d_{s∧w} + (d_w − d_{s∧w}) d_s/(N − d_s − 1)] equals E R_weak = a_w d_w when N − d_s − 1 = d_s.
        var experiment = new RidgeWeakToStrongExperiment(dw, ds, overlap, n, pseudoLabelledSamples: (2 * ds) + 1);
        Assert.Equal(1.0, experiment.ExpectedRisks.WeakToStrong / experiment.ExpectedRisks.Weak, 13);
        AssertBelow(experiment.WithPseudoLabelledSamples((2 * ds) + 2).ExpectedRisks.WeakToStrong, experiment.ExpectedRisks.Weak);
        Assert.True(experiment.WithPseudoLabelledSamples(2 * ds).ExpectedRisks.WeakToStrong > experiment.ExpectedRisks.Weak);
    }

    [Fact]
    public void PgrApproachesItsLimitFromAboveOnlyWhenTheTeacherHasMoreThanTwiceItsDimensionInSamples()
    {
        // Defaults (n = 200 > 2d_w + 1 = 161): PGR crosses 1 − 20/80 = 0.75 at N = d_s + 1 + d_w n/(n − 2d_w − 1) = 41 + 16000/39 = 451.28.
        var experiment = new RidgeWeakToStrongExperiment();
        AssertBelow(experiment.WithPseudoLabelledSamples(451).ExpectedRisks.PerformanceGapRecovered, 0.75);
        Assert.True(experiment.WithPseudoLabelledSamples(452).ExpectedRisks.PerformanceGapRecovered > 0.75);
        Assert.True(experiment.WithPseudoLabelledSamples(1_000_000).ExpectedRisks.PerformanceGapRecovered > 0.75);
        Assert.Equal(0.75, experiment.WithPseudoLabelledSamples(1_000_000_000).ExpectedRisks.PerformanceGapRecovered, 6);
        // n = 150 ≤ 161: below the limit at every N.
        var starved = new RidgeWeakToStrongExperiment(labelledSamples: 150);
        foreach (var bigN in new[] { 100, 1000, 100_000, 10_000_000 })
        {
            Assert.True(starved.WithPseudoLabelledSamples(bigN).ExpectedRisks.PerformanceGapRecovered < 0.75, $"N = {bigN}");
        }
    }

    [Fact]
    public void OprTendsToTheRatioOfBaselineToInheritedVariance()
    {
        // OPR → [σ² d_s/(n − d_s − 1)]/[σ² d_{s∧w}/(n − d_w − 1)] = 40·119/(159·20) = 1.49686.
        var experiment = new RidgeWeakToStrongExperiment(pseudoLabelledSamples: 1_000_000_000);
        Assert.Equal(40.0 * 119 / (159 * 20), experiment.ExpectedRisks.OutperformingRatio, 6);
        // It crosses 1 at N = d_s + 1 + (d_w − d_{s∧w}) d_s/(B − d_{s∧w}) with B = 40·119/159: N ≈ 282.5.
        AssertBelow(experiment.WithPseudoLabelledSamples(282).ExpectedRisks.OutperformingRatio, 1);
        Assert.True(experiment.WithPseudoLabelledSamples(283).ExpectedRisks.OutperformingRatio > 1);
    }

    [Fact]
    public void InvalidSizesAreRejectedWithTheirRange()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new RidgeWeakToStrongExperiment(labelledSamples: 50));
        Assert.Equal("labelledSamples", error.ParamName);
        Assert.Contains("50", error.Message);
        Assert.Contains(">= 82", error.Message);
    }

    [Fact]
    public void TheLimitRisksGiveThePgrAndOprLimitsOfThePrimerAndAreApproachedLikeOneOverN()
    {
        var experiment = new RidgeWeakToStrongExperiment(teacherDimension: 80, studentDimension: 40, overlap: 20, labelledSamples: 200);
        var limit = experiment.LimitExpectedRisks;
        // PGR → 1 − d_s∧w/d_w, OPR → d_s(n − d_w − 1)/(d_s∧w(n − d_s − 1)), computed here from the dimensions alone.
        AssertClose(1 - (20.0 / 80), limit.PerformanceGapRecovered, rtol: 1e-15);
        AssertClose(40.0 * (200 - 80 - 1) / (20.0 * (200 - 40 - 1)), limit.OutperformingRatio, rtol: 1e-15);
        Assert.Equal(0.0, limit.StrongCeiling);
        foreach (var bigN in new[] { 1_000, 1_000_000 })
        {
            // E R_w2s(N) − E R_w2s(∞) = a_w (d_w − d_s∧w) d_s/(N − d_s − 1).
            var finite = experiment.WithPseudoLabelledSamples(bigN).ExpectedRisks;
            AssertClose(1.0 / (200 - 80 - 1) * 60 * 40 / (bigN - 40 - 1), finite.WeakToStrong - limit.WeakToStrong, rtol: 1e-9);
            Assert.Equal(finite.Weak, limit.Weak);
            Assert.Equal(finite.StrongBaseline, limit.StrongBaseline);
        }
    }
}
