using WeakToStrong.IntrinsicDimension;
using static WeakToStrong.Tests.NumericAssert;

namespace WeakToStrong.Tests.IntrinsicDimension;

public sealed class TheoryTests
{
    [Fact]
    public void MisspecifiedToyHasTheSpecQuantities()
    {
        var q = Toys.Misspecified().Quantities;
        Assert.Equal(0.13, q.WeakApproximationError, 1e-15);
        Assert.Equal(0.20, q.StrongApproximationError, 1e-15);
        Assert.Equal(0.09, q.StrongOnlyEnergy, 1e-15);
        Assert.Equal(0.16, q.WeakOnlyEnergy, 1e-15);
        Assert.Equal(5.0, q.CorrelationDimension);
    }

    [Fact]
    public void ExactPureVarianceW2SMatchesTheHandFormula()
    {
        var exact = new ExactGaussianRisk(Toys.PureVariance().Quantities);
        // σ²/(n−d_w−1)·[d_{s∧w} + (d_w − d_{s∧w})·d_s/(N − d_s − 1)] = (5 + 15·10/189)/79.
        var w2s = exact.WeakToStrong(100, 200);
        Assert.Equal((5 + 15.0 * 10 / 189) / 79, w2s.ExcessRisk, 1e-15);
        Assert.Equal(0.0, w2s.Bias);
        Assert.Equal(20.0 / 79, exact.Weak(100).Variance, 1e-15);
        Assert.Equal(10.0 / 89, exact.StrongBaseline(100).Variance, 1e-15);
        Assert.Equal(10.0 / 289, exact.StrongCeiling(100, 200).Variance, 1e-15);
    }

    [Fact]
    public void ExactMisspecifiedW2SMatchesTheSpecLine()
    {
        var exact = new ExactGaussianRisk(Toys.Misspecified().Quantities);
        // ρ_s + ‖c_{S\W}‖² + a_w·d_{s∧w} + (‖c_{W\S}‖² + a_w·(d_w − d_{s∧w}))·d_s/(N − d_s − 1), a_w = (σ² + ρ_w)/(n − d_w − 1).
        var aw = (1.0 + 0.13) / 79;
        var expected = 0.20 + 0.09 + aw * 5 + (0.16 + aw * 15) * 10 / 189;
        var w2s = exact.WeakToStrong(100, 200);
        Assert.Equal(expected, w2s.ExcessRisk, 1e-15);
        Assert.Equal(1.0 / 79 * (5 + 15.0 * 10 / 189), w2s.Variance, 1e-15);
        Assert.Equal(0.13 + 1.13 * 20 / 79, exact.Weak(100).ExcessRisk, 1e-15);
        Assert.Equal(0.20 + 1.20 * 10 / 89, exact.StrongBaseline(100).ExcessRisk, 1e-15);
        Assert.Equal(0.20 + 1.20 * 10 / 289, exact.StrongCeiling(100, 200).ExcessRisk, 1e-15);
    }

    [Fact]
    public void AsymptoticFormsAreTheAuthorsLines()
    {
        var q = new SyntheticConfiguration(weakOffset: 90).Quantities; // d_{s∧w} = 10
        var asymptotic = new AsymptoticRisk(q);
        double n = 2000, bigN = 4000, s2 = 1e-2;
        Assert.Equal(s2 * 200 / n + q.WeakApproximationError, asymptotic.Weak(2000).ExcessRisk, 1e-17);
        Assert.Equal(s2 * 100 / n + q.StrongApproximationError, asymptotic.StrongBaseline(2000).ExcessRisk, 1e-17);
        Assert.Equal(s2 * 100 / (n + bigN) + q.StrongApproximationError, asymptotic.StrongCeiling(2000, 4000).ExcessRisk, 1e-17);
        Assert.Equal(
            s2 * (10 + 190 * 100 / bigN) / (n - 201) + q.WeakApproximationError + q.StrongApproximationError,
            asymptotic.WeakToStrong(2000, 4000).ExcessRisk,
            1e-17);
        Assert.Equal(s2 / n * (10 + 100 / bigN * 190), asymptotic.WeakToStrongVariance(2000, 4000), 1e-17);
    }

    [Fact]
    public void ExactAndAsymptoticDisagreeAtSmallSizesAndAgreeAtLargeSizes()
    {
        var q = Toys.PureVariance().Quantities;
        var exact = new ExactGaussianRisk(q);
        var asymptotic = new AsymptoticRisk(q);
        // n = 100: 20/79 against 20/100, a 27% gap.
        Assert.True(exact.Weak(100).ExcessRisk / asymptotic.Weak(100).ExcessRisk > 1.25);
        Assert.True(exact.StrongBaseline(100).ExcessRisk / asymptotic.StrongBaseline(100).ExcessRisk > 1.12);
        // n = 2000, N = 4000: about one percent.
        foreach (var (e, a) in new[]
        {
            (exact.Weak(2000).ExcessRisk, asymptotic.Weak(2000).ExcessRisk),
            (exact.StrongBaseline(2000).ExcessRisk, asymptotic.StrongBaseline(2000).ExcessRisk),
            (exact.StrongCeiling(2000, 4000).ExcessRisk, asymptotic.StrongCeiling(2000, 4000).ExcessRisk),
            (exact.WeakToStrong(2000, 4000).ExcessRisk, asymptotic.WeakToStrongVariance(2000, 4000)),
        })
        {
            Assert.InRange(e / a, 1.0, 1.012);
        }
    }

    [Fact]
    public void InclusionInheritsTheTeacherVarianceAndZeroOverlapKeepsOnlyTheDiscrepancy()
    {
        // W ⊆ S: d_{s∧w} = d_w, so the W2S variance is the teacher's, for every N.
        var inclusion = new ExactGaussianRisk(new RiskQuantities(20, 10, 10, 1.0, 0, 0));
        foreach (var bigN in new[] { 25, 200, 1_000_000 })
        {
            Assert.Equal(inclusion.Weak(100).Variance, inclusion.WeakToStrong(100, bigN).Variance, 1e-16);
        }

        // d_{s∧w} = 0: σ²/(n − d_w − 1)·d_w·d_s/(N − d_s − 1).
        var disjoint = new ExactGaussianRisk(Toys.ZeroOverlap().Quantities);
        Assert.Equal(1.0 / 79 * 20 * 10 / 189, disjoint.WeakToStrong(100, 200).Variance, 1e-16);
        // N → ∞: σ²·d_{s∧w}/(n − d_w − 1).
        var pure = new ExactGaussianRisk(Toys.PureVariance().Quantities);
        Assert.Equal(5.0 / 79, pure.WeakToStrong(100, int.MaxValue).Variance, 1e-8);
    }

    [Fact]
    public void ExactOprTendsToItsLimitForPureVariance()
    {
        // OPR → (d_s/d_{s∧w})·(n − d_w − 1)/(n − d_s − 1) as N → ∞ (f* = 0).
        var pure = new ExactGaussianRisk(Toys.PureVariance().Quantities).Predict(100, int.MaxValue);
        Assert.Equal(10.0 / 5 * 79 / 89, pure.OutperformingRatio, 1e-7);
    }

    [Fact]
    public void ScalingLawsFollowFromTheMainVarianceFormula()
    {
        var q = new RiskQuantities(100, 200, 10, 1.0, 0, 0);
        var scaling = new VarianceDominatedScaling(100, 200, 10);
        var asymptotic = new AsymptoticRisk(q);
        foreach (var (n, bigN) in new[] { (400, 400), (2000, 4000), (4000, 1000) })
        {
            var weak = asymptotic.Weak(n).Variance;
            var w2s = asymptotic.WeakToStrongVariance(n, bigN);
            var strong = asymptotic.StrongBaseline(n).Variance;
            var ceiling = asymptotic.StrongCeiling(n, bigN).Variance;
            Assert.Equal((weak - w2s) / (weak - ceiling), scaling.PerformanceGapRecovered(n, bigN), 1e-12);
            Assert.Equal(strong / w2s, scaling.OutperformingRatio(bigN), 1e-12);
            Assert.Equal(w2s / weak, scaling.VarianceRatioToTeacher(bigN), 1e-12);
            // Strong SFT on the effective number of labels has the W2S variance.
            Assert.Equal(w2s, 1.0 * 100 / scaling.EffectiveLabelledSampleSize(n, bigN), 1e-15);
        }

        Assert.Equal(1 - 10.0 / 200, scaling.PerformanceGapRecoveredLimit, 1e-15);
        Assert.Equal(1 - 10.0 / 200, scaling.PerformanceGapRecovered(2000, int.MaxValue), 1e-5);
        Assert.Equal(10.0, scaling.OutperformingRatioLimit, 1e-15);
        Assert.Equal((1 - 10.0 / 200) * (1 - 100.0 / 4000), scaling.PerformanceGapRecoveredSimpleBound(4000), 1e-15);
        // W2S beats S-Baseline iff N > d_s(d_w − d_{s∧w})/(d_s − d_{s∧w}) = 100·190/90 = 211.1.
        Assert.Equal(100.0 * 190 / 90, scaling.OutperformingThreshold, 1e-12);
        AssertBelow(scaling.OutperformingRatio(211), 1);
        Assert.True(scaling.OutperformingRatio(212) > 1);
        Assert.Equal(double.PositiveInfinity, new VarianceDominatedScaling(100, 200, 100).OutperformingThreshold);
    }

    private static readonly LowerBoundsWithBias BoundFigure = new(80, 100, 10, 1.0, 0.1);

    [Fact]
    public void LowerBoundsMatchHandComputedValues()
    {
        // n = 220, N = 160: 1 − (220/119)·(10 + 90·80/160)/100 − 220·0.1/100, vacuous (negative).
        var pgr = 1 - 220.0 / 119 * (10 + 90.0 * 80 / 160) / 100 - 220 * 0.1 / 100;
        Assert.Equal(pgr, BoundFigure.PerformanceGapRecovered(220, 160), 1e-14);
        AssertBelow(pgr, 0);
        // n = 800, N = 4000: PGR close to 0, OPR below 1 (the bias term takes over).
        Assert.Equal(1 - 800.0 / 699 * (10 + 90.0 * 80 / 4000) / 100 - 800 * 0.1 / 100, BoundFigure.PerformanceGapRecovered(800, 4000), 1e-14);
        var opr = 1 / (800.0 / 699 * (10 + 90.0 * 80 / 4000) / 80 + 800 * 0.1 / 80);
        Assert.Equal(opr, BoundFigure.OutperformingRatio(800, 4000), 1e-14);
        Assert.InRange(BoundFigure.PerformanceGapRecovered(800, 4000), 0, 0.1);
        AssertBelow(opr, 1);
        // At small N the OPR bound is below 1.
        AssertBelow(BoundFigure.OutperformingRatio(220, 160), 1);
    }

    /// <summary>torch.linspace(a, b, count, dtype=int): evenly spaced, truncated to integers.</summary>
    private static int[] IntegerLinspace(double a, double b, int count) =>
        Enumerable.Range(0, count).Select(i => (int)(a + (b - a) * i / (count - 1))).ToArray();

    [Theory]
    [InlineData(1600)]
    [InlineData(2800)]
    [InlineData(4000)]
    public void LowerBoundsAreNonMonotoneInNWithAnInteriorMaximum(int bigN)
    {
        var ns = IntegerLinspace(110, 600, 50);
        foreach (var bound in new Func<int, int, double>[] { BoundFigure.PerformanceGapRecovered, BoundFigure.OutperformingRatio })
        {
            var values = ns.Select(n => bound(n, bigN)).ToArray();
            var argmax = Array.IndexOf(values, values.Max());
            Assert.InRange(argmax, 1, ns.Length - 2);
            // The maximum sits at a small multiple of d_w = 100.
            Assert.InRange(ns[argmax], 120, 300);
            // Rising before, falling after.
            for (var i = 1; i <= argmax; i++)
            {
                Assert.True(values[i] > values[i - 1]);
            }

            for (var i = argmax + 1; i < values.Length; i++)
            {
                AssertBelow(values[i], values[i - 1]);
            }
        }
    }

    [Theory]
    [InlineData(220)]
    [InlineData(510)]
    [InlineData(800)]
    public void LowerBoundsIncreaseAndSaturateInN(int n)
    {
        var bigNs = IntegerLinspace(160, 4000, 50);
        foreach (var bound in new Func<int, int, double>[] { BoundFigure.PerformanceGapRecovered, BoundFigure.OutperformingRatio })
        {
            var values = bigNs.Select(bigN => bound(n, bigN)).ToArray();
            for (var i = 1; i < values.Length; i++)
            {
                Assert.True(values[i] > values[i - 1]);
            }

            // Saturation: the last tenth of the N range (last 5 of 49 steps) adds under 5% of the total rise.
            AssertBelow(values[^1] - values[^6], 0.05 * (values[^1] - values[0]));
        }
    }

    [Fact]
    public void PaperModelOrdersPgrAndOprByOverlap()
    {
        // At fixed (n, N), E[ER_w2s] increases with d_{s∧w}, PGR and OPR decrease; S-Baseline and S-Ceiling do not
        // depend on doff.
        var byOverlap = new[] { 100, 90, 60, 50, 20, 10 } // d_{s∧w} = 0, 10, 40, 50, 80, 90
            .Select(doff => new ExactGaussianRisk(new SyntheticConfiguration(doff).Quantities).Predict(2000, 4000))
            .ToArray();
        for (var i = 1; i < byOverlap.Length; i++)
        {
            Assert.True(byOverlap[i].WeakToStrong.ExcessRisk > byOverlap[i - 1].WeakToStrong.ExcessRisk);
            AssertBelow(byOverlap[i].PerformanceGapRecovered, byOverlap[i - 1].PerformanceGapRecovered);
            AssertBelow(byOverlap[i].OutperformingRatio, byOverlap[i - 1].OutperformingRatio);
            Assert.Equal(byOverlap[0].StrongBaseline, byOverlap[i].StrongBaseline);
            Assert.Equal(byOverlap[0].StrongCeiling, byOverlap[i].StrongCeiling);
        }

        // As in the PGR/OPR-against-overlap experiment of Dong et al. 2025 (arXiv:2502.05075): OPR clearly above 1 for
        // d_{s∧w} = 10, about 1 for 50, below 1 for 90; PGR in (0, 1) for 10, 50, 90.
        Assert.True(byOverlap[1].OutperformingRatio > 1.25);
        Assert.InRange(byOverlap[3].OutperformingRatio, 0.95, 1.05);
        AssertBelow(byOverlap[5].OutperformingRatio, 1);
        foreach (var i in new[] { 1, 3, 5 })
        {
            Assert.InRange(byOverlap[i].PerformanceGapRecovered, 0, 1);
        }
    }

    [Theory]
    [InlineData(10)]
    [InlineData(90)]
    public void ExactW2SRiskDecreasesInBothSampleSizes(int offset)
    {
        var exact = new ExactGaussianRisk(new SyntheticConfiguration(offset).Quantities);
        var ns = Enumerable.Range(0, 20).Select(i => 400 + 189 * i).ToArray();
        var bigNs = Enumerable.Range(0, 20).Select(i => 400 + 189 * i).ToArray();
        for (var i = 1; i < 20; i++)
        {
            AssertBelow(exact.WeakToStrong(ns[i], 4000).ExcessRisk, exact.WeakToStrong(ns[i - 1], 4000).ExcessRisk);
            AssertBelow(exact.WeakToStrong(2000, bigNs[i]).ExcessRisk, exact.WeakToStrong(2000, bigNs[i - 1]).ExcessRisk);
        }
    }

    [Fact]
    public void LargeNoiseAndSmallOverlapBeatTheCeiling()
    {
        // σ² = 0.1: PGR > 1 for d_{s∧w} = 10 at n = 2000 and more so at n = 4000; PGR < 1 for d_{s∧w} = 90.
        var small = new ExactGaussianRisk(new SyntheticConfiguration(90, noiseVariance: 0.1).Quantities);
        var large = new ExactGaussianRisk(new SyntheticConfiguration(10, noiseVariance: 0.1).Quantities);
        var at2000 = small.Predict(2000, 4000).PerformanceGapRecovered;
        var at4000 = small.Predict(4000, 4000).PerformanceGapRecovered;
        Assert.True(at2000 > 1, $"PGR at n = 2000: {at2000}");
        Assert.True(at4000 > at2000, $"PGR at n = 4000: {at4000}");
        AssertBelow(large.Predict(2000, 4000).PerformanceGapRecovered, 1);
    }

    [Theory]
    [InlineData(201)]
    [InlineData(0)]
    public void ExactFormulaRejectsTooFewLabels(int n)
    {
        var exact = new ExactGaussianRisk(new SyntheticConfiguration(10).Quantities);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => exact.Weak(n));
        Assert.Equal("labelledCount", error.ParamName);
        Assert.Contains($"labelledCount = {n}", error.Message);
        Assert.Contains("n > d_w + 1 = 201", error.Message);
    }

    [Fact]
    public void ExactFormulaRejectsTooFewPseudoLabels()
    {
        var exact = new ExactGaussianRisk(new SyntheticConfiguration(10).Quantities);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => exact.WeakToStrong(2000, 101));
        Assert.Equal("unlabelledCount", error.ParamName);
        Assert.Contains("N > d_s + 1 = 101", error.Message);
    }

    [Fact]
    public void QuantitiesAreValidated()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new RiskQuantities(10, 20, 11, 1, 0, 0));
        Assert.Equal("correlationDimension", error.ParamName);
        Assert.Contains("expected a value in [0, 10]", error.Message);
        Assert.Equal("noiseVariance", Assert.Throws<ArgumentOutOfRangeException>(() => new RiskQuantities(10, 20, 5, double.NaN, 0, 0)).ParamName);
        Assert.Equal("noiseVariance", Assert.Throws<ArgumentOutOfRangeException>(() => new LowerBoundsWithBias(80, 100, 10, 0, 0.1)).ParamName);
        Assert.Equal("labelledCount", Assert.Throws<ArgumentOutOfRangeException>(() => BoundFigure.PerformanceGapRecovered(101, 1000)).ParamName);
    }
}
