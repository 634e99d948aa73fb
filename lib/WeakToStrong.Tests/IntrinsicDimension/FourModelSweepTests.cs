using WeakToStrong.IntrinsicDimension;
using WeakToStrong.Sweeps;

namespace WeakToStrong.Tests.IntrinsicDimension;

public sealed class FourModelSweepTests
{
    // A small version of the synthetic model of Dong et al. 2025 (arXiv:2502.05075): d_s = 10, d_w = 20, R = 30.
    private static readonly SyntheticConfiguration Small = new(weakOffset: 5, noiseVariance: 1e-2, ambientDimension: 600, relevantRank: 30, strongDimension: 10, weakDimension: 20);

    private static ParameterGrid Grid() => ParameterGrid.Create().Vary("n", 40, 80).Vary("N", 60).Vary("overlap", 2, 8);

    private static double[][] Columns(SweepResult result, IEnumerable<string> names) =>
        names.Select(result.TrialValues).ToArray();

    [Fact]
    public void TablesAreIdenticalForOneThreadAndMany()
    {
        var one = FourModelSweep.Run(Small, Grid(), 6, seed: 5, options: new SweepOptions { MaxDegreeOfParallelism = 1 });
        var many = FourModelSweep.Run(Small, Grid(), 6, seed: 5, options: new SweepOptions { MaxDegreeOfParallelism = 4 });
        Assert.Equal(Columns(one, one.Metrics), Columns(many, many.Metrics));
        var levelsOne = FourModelSweep.RunAtNoiseLevels(Small, Grid(), [1e-2, 0.1], 4, seed: 5, options: new SweepOptions { MaxDegreeOfParallelism = 1 });
        var levelsMany = FourModelSweep.RunAtNoiseLevels(Small, Grid(), [1e-2, 0.1], 4, seed: 5, options: new SweepOptions { MaxDegreeOfParallelism = 3 });
        Assert.Equal(Columns(levelsOne, levelsOne.Metrics), Columns(levelsMany, levelsMany.Metrics));
    }

    [Theory]
    [InlineData(TrialSampling.SufficientStatistics)]
    [InlineData(TrialSampling.DesignMatrices)]
    public void RescaledNoiseLevelsEqualADirectRunWithTheSameDraws(TrialSampling sampling)
    {
        // Same seed and grid → same draws; the direct run fits at σ² = 0.01, the rescaled one at 1 then scales.
        var direct = FourModelSweep.Run(Small, Grid(), 5, seed: 9, sampling);
        var rescaled = FourModelSweep.RunAtNoiseLevels(Small, Grid(), [0.3, 1e-2], 5, seed: 9, sampling).Where("noise", 1e-2);
        foreach (var metric in direct.Metrics)
        {
            var expected = direct.TrialValues(metric);
            var actual = rescaled.TrialValues(metric);
            for (var i = 0; i < expected.Length; i++)
            {
                Assert.Equal(expected[i], actual[i], 1e-9 * Math.Max(1.0, Math.Abs(expected[i])));
            }
        }

        Assert.Equal(direct.SummaryValues("PerformanceGapRecovered_std"), rescaled.SummaryValues("PerformanceGapRecovered_std"), (a, b) => Math.Abs(a - b) < 1e-9);
    }

    [Fact]
    public void SummaryAveragesPerTrialRatios()
    {
        var result = FourModelSweep.Run(Small, Grid(), 8, seed: 3);
        var trials = result.TrialValues("PerformanceGapRecovered");
        var weak = result.TrialValues("Weak");
        var student = result.TrialValues("WeakToStrong");
        var ceiling = result.TrialValues("StrongCeiling");
        for (var i = 0; i < trials.Length; i++)
        {
            Assert.Equal((weak[i] - student[i]) / (weak[i] - ceiling[i]), trials[i], 1e-12);
        }

        var means = result.SummaryValues("PerformanceGapRecovered_mean");
        for (var g = 0; g < means.Length; g++)
        {
            Assert.Equal(trials.Skip(8 * g).Take(8).Average(), means[g], 1e-12);
        }
    }

    [Fact]
    public void MonteCarloMeansAgreeWithTheExactTheoryTable()
    {
        var grid = ParameterGrid.Create().Vary("n", 60).Vary("N", 90).Vary("overlap", 3, 9);
        var result = FourModelSweep.Run(Small, grid, 3000, seed: 11);
        var theory = FourModelSweep.Theory(Small, grid);
        foreach (var metric in new[] { "Weak", "WeakToStrong", "StrongBaseline", "StrongCeiling", "InheritedVariance", "DiscrepancyVariance", "WeakToStrongBias", "WeakToStrongVariance" })
        {
            var exact = theory.Columns["exact_" + metric];
            for (var g = 0; g < 2; g++)
            {
                var mean = result.SummaryValues(metric + "_mean")[g];
                var se = result.SummaryValues(metric + "_se")[g];
                Assert.True(Math.Abs(mean - (double)exact[g]!) < 5 * se, $"{metric} at overlap {grid[g]["overlap"]}: {mean} ± {se} vs exact {exact[g]}");
            }
        }
    }

    [Fact]
    public void TheoryTableMatchesTheClosedForms()
    {
        var grid = ParameterGrid.Create().Vary("n", 50, 70).Vary("N", 40).Vary("overlap", 4).Vary("noise", 0.2);
        var theory = FourModelSweep.Theory(Small, grid);
        var configuration = new SyntheticConfiguration(6, 0.2, 600, 30, 10, 20);
        for (var row = 0; row < 2; row++)
        {
            var n = row == 0 ? 50 : 70;
            var exact = new ExactGaussianRisk(configuration.Quantities).Predict(n, 40);
            var asymptotic = new AsymptoticRisk(configuration.Quantities).Predict(n, 40);
            Assert.Equal(exact.WeakToStrong.ExcessRisk, (double)theory.Columns["exact_WeakToStrong"][row]!, 1e-15);
            Assert.Equal(exact.PerformanceGapRecovered, (double)theory.Columns["exact_PerformanceGapRecovered"][row]!, 1e-13);
            Assert.Equal(asymptotic.OutperformingRatio, (double)theory.Columns["asymptotic_OutperformingRatio"][row]!, 1e-13);
            Assert.Equal(
                new AsymptoticRisk(configuration.Quantities).WeakToStrongVariance(n, 40),
                (double)theory.Columns["asymptotic_InheritedVariance"][row]! + (double)theory.Columns["asymptotic_DiscrepancyVariance"][row]!,
                1e-15);
        }
    }

    [Fact]
    public void TypedPredictionsAreTheClosedFormsAndTheTheoryTablesColumnsToTheBit()
    {
        var grid = ParameterGrid.Create().Vary(FourModelSweep.Labelled, 50, 70).Vary(FourModelSweep.Unlabelled, 40, 400).Vary(FourModelSweep.Overlap, 4);
        var predictions = FourModelSweep.Predictions(Small, grid);
        var theory = FourModelSweep.Theory(Small, grid);
        Assert.Equal(grid.Count, predictions.Count);
        for (var row = 0; row < grid.Count; row++)
        {
            var p = predictions[row];
            Assert.Equal(grid[row][FourModelSweep.Labelled], p.Point[FourModelSweep.Labelled]);
            var quantities = FourModelSweep.ConfigurationAt(Small, p.Point).Quantities;
            var (n, bigN) = (p.Point[FourModelSweep.Labelled], p.Point[FourModelSweep.Unlabelled]);
            Assert.Equal(new ExactGaussianRisk(quantities).Predict(n, bigN), p.Exact);
            Assert.Equal(new AsymptoticRisk(quantities).Predict(n, bigN).WeakToStrong, p.Asymptotic.WeakToStrong);
            var exact = FourModelTrial.From(p.Exact);
            var asymptotic = FourModelTrial.From(p.Asymptotic);
            Assert.Equal(BitConverter.DoubleToInt64Bits(exact.WeakToStrong), BitConverter.DoubleToInt64Bits((double)theory.Columns["exact_WeakToStrong"][row]!));
            Assert.Equal(BitConverter.DoubleToInt64Bits(exact.DiscrepancyVariance), BitConverter.DoubleToInt64Bits((double)theory.Columns["exact_DiscrepancyVariance"][row]!));
            Assert.Equal(BitConverter.DoubleToInt64Bits(asymptotic.OutperformingRatio), BitConverter.DoubleToInt64Bits((double)theory.Columns["asymptotic_OutperformingRatio"][row]!));
        }
    }

    [Fact]
    public void BadGridsAreRejectedWithTheParameterNamed()
    {
        var noN = ParameterGrid.Create().Vary("n", 40);
        Assert.Equal("grid", Assert.Throws<ArgumentException>(() => FourModelSweep.Run(Small, noN, 2, 1)).ParamName);
        var withNoise = Grid().Vary("noise", 0.1);
        Assert.Equal("grid", Assert.Throws<ArgumentException>(() => FourModelSweep.RunAtNoiseLevels(Small, withNoise, [0.1], 2, 1)).ParamName);
        Assert.Equal("noiseLevels", Assert.Throws<ArgumentException>(() => FourModelSweep.RunAtNoiseLevels(Small, Grid(), [0.1, 0.1], 2, 1)).ParamName);
        var tooFew = ParameterGrid.Create().Vary("n", 15).Vary("N", 60);
        Assert.Equal("labelledCount", Assert.Throws<ArgumentOutOfRangeException>(() => FourModelSweep.Run(Small, tooFew, 2, 1, TrialSampling.DesignMatrices)).ParamName);
        Assert.Equal("overlap", Assert.Throws<ArgumentOutOfRangeException>(() => FourModelSweep.Run(Small, ParameterGrid.Create().Vary("n", 40).Vary("N", 60).Vary("overlap", 11), 2, 1)).ParamName);
    }

    [Fact]
    public void PureVarianceSweepHasNoBiasAndTheSameRatiosAtEveryNoiseLevel()
    {
        var pure = new SyntheticConfiguration(weakOffset: 5, noiseVariance: 1e-2, ambientDimension: 600, relevantRank: 30, strongDimension: 10, weakDimension: 20, targetScale: 0.0);
        var result = FourModelSweep.RunAtNoiseLevels(pure, Grid(), [1e-2, 3.0], 4, seed: 2);
        Assert.All(result.TrialValues("WeakToStrongBias"), v => Assert.Equal(0.0, v));
        var quiet = result.Where("noise", 1e-2);
        var loud = result.Where("noise", 3.0);
        foreach (var metric in new[] { "OutperformingRatio", "PerformanceGapRecovered" })
        {
            var a = quiet.TrialValues(metric);
            var b = loud.TrialValues(metric);
            for (var i = 0; i < a.Length; i++)
            {
                Assert.Equal(a[i], b[i], 1e-9 * Math.Abs(a[i]));
            }
        }

        // Every risk is then pure variance: ER = ‖β_noise‖², proportional to σ² (ratio 300 between the levels).
        var quietRisk = quiet.TrialValues("WeakToStrong");
        var loudRisk = loud.TrialValues("WeakToStrong");
        Assert.Equal(quiet.TrialValues("WeakToStrongVariance"), quietRisk);
        for (var i = 0; i < quietRisk.Length; i++)
        {
            Assert.Equal(300.0, loudRisk[i] / quietRisk[i], 1e-9);
        }
    }
}
