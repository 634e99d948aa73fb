using WeakToStrong.IntrinsicDimension;

namespace WeakToStrong.Tests.IntrinsicDimension;

public sealed class SyntheticConfigurationTests
{
    /// <summary>H_k = 1 + 1/2 + … + 1/k, written out independently of the library.</summary>
    private static double H(int k)
    {
        var sum = 0.0;
        for (var i = 1; i <= k; i++)
        {
            sum += 1.0 / i;
        }

        return sum;
    }

    [Fact]
    public void StrongApproximationErrorOfThePaperModelIsTheHarmonicSum()
    {
        var configuration = new SyntheticConfiguration(weakOffset: 10);
        Assert.Equal((H(300) - H(100)) / 20000, configuration.StrongApproximationError, 1e-15);
        // (H_300 − H_100)/20000 = 5.476432e-5 to 7 significant digits (the paper's figure titles print ρ_s = 5.5e-05).
        Assert.Equal(5.476432e-5, configuration.StrongApproximationError, 5e-12);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(50)]
    [InlineData(90)]
    public void WeakApproximationErrorIsTheHarmonicSum(int offset)
    {
        var configuration = new SyntheticConfiguration(weakOffset: offset);
        var expected = (H(offset) + H(300) - H(offset + 200)) / 20000;
        Assert.Equal(expected, configuration.WeakApproximationError, 1e-16);
        Assert.Equal(H(offset) / 20000, configuration.StrongOnlyEnergy, 1e-16);
        Assert.Equal((H(offset + 200) - H(100)) / 20000, configuration.WeakOnlyEnergy, 1e-16);
        Assert.Equal(100 - offset, configuration.CorrelationDimension);
    }

    [Fact]
    public void FigureTitlesRoundTheApproximationErrors()
    {
        // The figure titles print ρ_w = 1.6e-04 (doff = 10) and 2.6e-04 (doff = 90), ρ_s = 5.5e-05.
        Assert.Equal(1.6e-4, Math.Round(new SyntheticConfiguration(10).WeakApproximationError, 5), 1e-12);
        Assert.Equal(2.6e-4, Math.Round(new SyntheticConfiguration(90).WeakApproximationError, 5), 1e-12);
        Assert.Equal(5.5e-5, Math.Round(new SyntheticConfiguration(90).StrongApproximationError, 6), 1e-12);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    [InlineData(90)]
    [InlineData(100)]
    public void SampledModelQuantitiesMatchTheClosedForms(int offset)
    {
        var configuration = new SyntheticConfiguration(weakOffset: offset);
        var closed = configuration.Quantities;
        var model = configuration.CreateModel().Quantities;
        Assert.Equal(closed.CorrelationDimension, model.CorrelationDimension);
        Assert.Equal(closed.StrongApproximationError, model.StrongApproximationError, 1e-15);
        Assert.Equal(closed.WeakApproximationError, model.WeakApproximationError, 1e-15);
        Assert.Equal(closed.StrongOnlyEnergy, model.StrongOnlyEnergy, 1e-15);
        Assert.Equal(closed.WeakOnlyEnergy, model.WeakOnlyEnergy, 1e-15);
        Assert.Equal(Math.Max(0, 100 - offset), model.CorrelationDimension);
    }

    [Fact]
    public void GroundTruthHasRademacherSignsOverSqrtDTimesTheSpectrum()
    {
        var c = new SyntheticConfiguration(weakOffset: 50).CreateModel().GroundTruth;
        Assert.Equal(300, c.Count);
        for (var i = 0; i < c.Count; i++)
        {
            Assert.Equal(1.0 / (i + 1) / 20000, c[i] * c[i], 1e-18);
        }

        var positives = c.Count(v => v > 0);
        Assert.InRange(positives, 100, 200); // Binomial(300, 1/2): mean 150, sd 8.7
        var again = new SyntheticConfiguration(weakOffset: 90).CreateModel().GroundTruth;
        Assert.Equal(c, again); // same ground-truth seed, same signs
        var other = new SyntheticConfiguration(weakOffset: 50, groundTruthSeed: 7).CreateModel().GroundTruth;
        Assert.NotEqual(c, other);
    }

    [Fact]
    public void GeneralisedHarmonicNumberOfOrderTwo()
    {
        Assert.Equal(1 + 1.0 / 4 + 1.0 / 9, SyntheticConfiguration.HarmonicNumber(3, 2.0), 1e-15);
        Assert.Equal(0.0, SyntheticConfiguration.HarmonicNumber(0));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void OffsetOutOfRangeIsRejected(int offset)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new SyntheticConfiguration(weakOffset: offset));
        Assert.Equal("weakOffset", error.ParamName);
        Assert.Contains($"weakOffset = {offset}", error.Message);
        Assert.Contains("0 <= doff <= R − d_w", error.Message);
        Assert.Contains("100", error.Message);
    }

    [Theory]
    [InlineData(-1e-3)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void InvalidNoiseVarianceIsRejected(double variance)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new SyntheticConfiguration(10, noiseVariance: variance));
        Assert.Equal("noiseVariance", error.ParamName);
        Assert.Contains("expected a finite value >= 0", error.Message);
    }

    [Fact]
    public void RelevantRankBelowTheWeakDimensionIsRejected()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new SyntheticConfiguration(0, relevantRank: 150));
        Assert.Equal("relevantRank", error.ParamName);
        Assert.Contains("150", error.Message);
    }

    [Fact]
    public void TargetScaleMultipliesEveryEnergyByItsSquare()
    {
        var configuration = new SyntheticConfiguration(weakOffset: 30, targetScale: 2.0);
        Assert.Equal(4 * (H(300) - H(100)) / 20000, configuration.StrongApproximationError, 1e-15);
        Assert.Equal(4 * (H(30) + H(300) - H(230)) / 20000, configuration.WeakApproximationError, 1e-15);
        Assert.Equal(4 * H(30) / 20000, configuration.StrongOnlyEnergy, 1e-15);
        Assert.Equal(4 * (H(230) - H(100)) / 20000, configuration.WeakOnlyEnergy, 1e-15);
        var c = configuration.CreateModel().GroundTruth;
        for (var i = 0; i < c.Count; i++)
        {
            Assert.Equal(4.0 / (i + 1) / 20000, c[i] * c[i], 1e-18);
        }

        // Same signs as the unscaled model: only the size of f* changes.
        var unscaled = new SyntheticConfiguration(weakOffset: 30).CreateModel().GroundTruth;
        Assert.Equal(unscaled * 2.0, c);
    }

    [Fact]
    public void TargetScaleZeroIsThePureVarianceModel()
    {
        // f* = 0: no approximation error, no energy; the exact W2S risk is its variance
        // σ²/(n − d_w − 1)·[d_{s∧w} + (d_w − d_{s∧w})·d_s/(N − d_s − 1)], written out here with d_{s∧w} = 100 − 40 = 60.
        var configuration = new SyntheticConfiguration(weakOffset: 40, noiseVariance: 0.5, targetScale: 0.0);
        var q = configuration.Quantities;
        Assert.Equal(0.0, q.StrongApproximationError);
        Assert.Equal(0.0, q.WeakApproximationError);
        Assert.Equal(0.0, q.StrongOnlyEnergy);
        Assert.Equal(0.0, q.WeakOnlyEnergy);
        Assert.All(configuration.CreateModel().GroundTruth, v => Assert.Equal(0.0, v));
        var student = new ExactGaussianRisk(q).WeakToStrong(1000, 2000);
        Assert.Equal(0.0, student.Bias);
        Assert.Equal(0.5 / 799 * (60 + (140 * 100.0 / 1899)), student.ExcessRisk, 1e-15);
        // OPR and PGR are ratios of quantities proportional to σ²: the same at any noise level.
        var louder = new ExactGaussianRisk(new SyntheticConfiguration(weakOffset: 40, noiseVariance: 7.0, targetScale: 0.0).Quantities).Predict(1000, 2000);
        var quieter = new ExactGaussianRisk(q).Predict(1000, 2000);
        Assert.Equal(quieter.OutperformingRatio, louder.OutperformingRatio, 1e-12);
        Assert.Equal(quieter.PerformanceGapRecovered, louder.PerformanceGapRecovered, 1e-12);
        Assert.Equal((100.0 / 899) / ((60 + (140 * 100.0 / 1899)) / 799), quieter.OutperformingRatio, 1e-12);
    }

    [Theory]
    [InlineData(-0.5)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void InvalidTargetScaleIsRejected(double scale)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new SyntheticConfiguration(10, targetScale: scale));
        Assert.Equal("targetScale", error.ParamName);
    }
}
