using WeakToStrong.IntrinsicDimension;
using static WeakToStrong.Tests.NumericAssert;

namespace WeakToStrong.Tests.IntrinsicDimension;

/// <summary>N = ∞ in closed form, and the peak in n of the lower bounds, against independent computations.</summary>
public sealed class LimitAndPeakTests
{
    [Fact]
    public void TheExactLimitIsTheMisspecifiedToysHandFormulaWithTheDiscrepancyTermRemoved()
    {
        var exact = new ExactGaussianRisk(Toys.Misspecified().Quantities);
        var limit = exact.PredictLimit(100);
        // ρ_s + ‖c_{S\W}‖² + a_w·d_{s∧w}, a_w = (σ² + ρ_w)/(n − d_w − 1); variance σ²·d_{s∧w}/(n − d_w − 1); ceiling ρ_s.
        var aw = (1.0 + 0.13) / 79;
        AssertClose(0.20 + 0.09 + (aw * 5), limit.WeakToStrong.ExcessRisk, rtol: 1e-15);
        AssertClose(5.0 / 79, limit.WeakToStrong.Variance, rtol: 1e-15);
        AssertClose(5.0 / 79, limit.InheritedVariance, rtol: 1e-15);
        Assert.Equal(0.0, limit.DiscrepancyVariance);
        Assert.Equal(0.20, limit.StrongCeiling.ExcessRisk, 1e-15);
        Assert.Equal(0.0, limit.StrongCeiling.Variance);
        Assert.Equal(exact.Weak(100), limit.Weak);
        Assert.Equal(exact.StrongBaseline(100), limit.StrongBaseline);
    }

    [Theory]
    [InlineData(1_000)]
    [InlineData(100_000)]
    [InlineData(100_000_000)]
    public void AtFiniteNTheExactRisksExceedTheLimitByTheDiscrepancyTermAndTheCeilingsVariance(int unlabelled)
    {
        // Predict(n, N) − PredictLimit(n) is, term by term, κ·[‖c_{W\S}‖² + a_w(d_w − d_{s∧w})] for the student with
        // κ = d_s/(N − d_s − 1), and (σ² + ρ_s)·d_s/(n + N − d_s − 1) for the ceiling: the limit is approached like 1/N.
        var exact = new ExactGaussianRisk(Toys.Misspecified().Quantities);
        var finite = exact.Predict(100, unlabelled);
        var limit = exact.PredictLimit(100);
        var kappa = 10.0 / (unlabelled - 10 - 1);
        var aw = (1.0 + 0.13) / 79;
        AssertClose((0.16 + (aw * 15)) * kappa, finite.WeakToStrong.ExcessRisk - limit.WeakToStrong.ExcessRisk, rtol: 1e-9, atol: 1e-16);
        AssertClose((1.0 + 0.20) * 10 / (100.0 + unlabelled - 10 - 1), finite.StrongCeiling.ExcessRisk - limit.StrongCeiling.ExcessRisk, rtol: 1e-9, atol: 1e-16);
        AssertClose(finite.InheritedVariance, limit.InheritedVariance, rtol: 1e-15);
    }

    [Fact]
    public void TheAsymptoticLimitDropsEveryDsOverNTerm()
    {
        var asymptotic = new AsymptoticRisk(Toys.Misspecified().Quantities);
        var limit = asymptotic.PredictLimit(100);
        // σ²·d_{s∧w}/(n − d_w − 1) + ρ_w + ρ_s and ρ_s; at N = 10⁸ the forms are within d_s/N of it.
        AssertClose((5.0 / 79) + 0.13 + 0.20, limit.WeakToStrong.ExcessRisk, rtol: 1e-15);
        Assert.Equal(0.20, limit.StrongCeiling.ExcessRisk, 1e-15);
        var far = asymptotic.Predict(100, 100_000_000);
        AssertClose(15.0 * 10 / 100_000_000 / 79, far.WeakToStrong.ExcessRisk - limit.WeakToStrong.ExcessRisk, rtol: 1e-6);
    }

    [Theory]
    [InlineData(80, 100, 10, 1.0, 0.1, 4000)]
    [InlineData(80, 100, 10, 1.0, 0.1, 200)]
    [InlineData(30, 20, 15, 0.5, 0.01, 1000)]
    [InlineData(10, 50, 0, 2.0, 1e-4, 50)]
    public void BothBoundsPeakAtTheClosedFormLabelledCount(int strong, int weak, double overlap, double noise, double rho, int unlabelled)
    {
        var bounds = new LowerBoundsWithBias(strong, weak, overlap, noise, rho);
        var best = bounds.BestLabelledCount(unlabelled);
        Assert.NotNull(best);
        // Brute force over every integer n from d_w + 2 to well past the peak.
        var candidates = Enumerable.Range(weak + 2, (4 * best.Value) + 1000).ToArray();
        var pgrArgmax = candidates.MaxBy(n => bounds.PerformanceGapRecovered(n, unlabelled));
        var oprArgmax = candidates.MaxBy(n => bounds.OutperformingRatio(n, unlabelled));
        Assert.Equal(pgrArgmax, best.Value);
        Assert.Equal(oprArgmax, best.Value);
    }

    [Fact]
    public void WithoutBiasTheBoundsRiseWithNForEverAndHaveNoPeak()
    {
        var bounds = new LowerBoundsWithBias(80, 100, 10, 1.0, 0.0);
        Assert.Null(bounds.BestLabelledCount(4000));
        Assert.True(bounds.PerformanceGapRecovered(100_000, 4000) > bounds.PerformanceGapRecovered(10_000, 4000));
    }
}
