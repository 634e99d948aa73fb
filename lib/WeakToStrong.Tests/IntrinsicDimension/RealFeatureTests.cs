using MathNet.Numerics.LinearAlgebra;
using WeakToStrong.IntrinsicDimension;
using WeakToStrong.Randomness;
using WeakToStrong.Sweeps;

namespace WeakToStrong.Tests.IntrinsicDimension;

public sealed class RealFeatureTests
{
    // m samples of latent z ~ N(0, I_10); feature maps mix chosen latent columns with orthonormal rows, so the
    // function space of a map is exactly the span of its latent columns.
    private static (Matrix<double> Latent, Matrix<double> Strong, Matrix<double> Weak) Features(int m, int[] strong, int[] weak, int seed = 1)
    {
        var random = new RandomStream(seed);
        var latent = random.NextGaussianMatrix(m, 10);
        Matrix<double> Map(int[] columns, int width)
        {
            var selected = Matrix<double>.Build.Dense(m, columns.Length, (i, j) => latent[i, columns[j]]);
            return selected * random.NextOrthonormalFrame(width, columns.Length).Transpose();
        }

        return (latent, Map(strong, 9), Map(weak, 8));
    }

    [Fact]
    public void FunctionSpaceCorrelationDimensionCountsSharedLatentDirections()
    {
        // Strong sees z0..z6, weak sees z3..z9: they share exactly z3..z6 (4 directions). The other canonical
        // correlations are sample correlations of independent Gaussians, E Σcos² ≈ 3·3/m.
        var (_, strong, weak) = Features(8000, [0, 1, 2, 3, 4, 5, 6], [3, 4, 5, 6, 7, 8, 9]);
        var overlap = CorrelationDimension.BetweenFunctionSpaces(strong, weak);
        Assert.Equal(7, overlap.StrongDimension);
        Assert.Equal(7, overlap.WeakDimension);
        Assert.InRange(overlap.Value, 4.0, 4.0 + 0.01);
        Assert.All(overlap.Cosines.Take(4), c => Assert.Equal(1.0, c, 1e-9));
        Assert.All(overlap.Cosines.Skip(4), c => Assert.InRange(c, 0.0, 0.1));
    }

    [Fact]
    public void FunctionSpaceCorrelationDimensionIsInvariantToInvertibleReparametrisation()
    {
        var (_, strong, weak) = Features(3000, [0, 1, 2, 3, 4], [2, 3, 4, 5, 6, 7]);
        var mixing = new RandomStream(4).NextGaussianMatrix(8, 8) + Matrix<double>.Build.DenseIdentity(8) * 3;
        var share = 1 - 1e-9;
        var before = CorrelationDimension.BetweenFunctionSpaces(strong, weak, share).Value;
        var after = CorrelationDimension.BetweenFunctionSpaces(strong, weak * mixing, share).Value;
        Assert.Equal(before, after, 1e-8);
    }

    [Fact]
    public void ExperimentWithTheWeakSpanInsideTheStrongSpanRecoversNothing()
    {
        // Weak ⊂ strong as function spaces: the student reproduces the teacher's predictions exactly, so W2S = Weak
        // on the test set and PGR = 0 up to rounding (no discrepancy directions: d_s∧w = d_w).
        var (latent, strong, weak) = Features(900, [0, 1, 2, 3, 4, 5, 6], [1, 2, 3]);
        var targets = Matrix<double>.Build.Dense(900, 2, (i, j) => latent[i, j] + (0.5 * latent[i, 8]) + (0.1 * latent[i, 2 + j]));
        var experiment = new FeatureMapExperiment(strong, weak, targets, testCount: 200, traceShare: 1 - 1e-9);
        Assert.Equal((3, 7), (experiment.Weak.Dimension, experiment.Strong.Dimension));
        Assert.Equal(3.0, experiment.Overlap.Value, 1e-8);
        var trial = experiment.RunTrial(new RandomStream(2), 60, 300);
        Assert.Equal(trial.Weak, trial.WeakToStrong, 1e-9 * trial.Weak);
        Assert.Equal(0.0, trial.PerformanceGapRecovered, 1e-6);
        Assert.Equal(0.0, experiment.Prediction.PerformanceGapRecovered(60, 300), 1e-8);
    }

    [Fact]
    public void ExperimentSweepIsIdenticalForAnyThreadCountAndAveragesPerTrialRatios()
    {
        var (latent, strong, weak) = Features(700, [0, 1, 2, 3, 4], [3, 4, 5, 6, 7, 8]);
        var targets = Matrix<double>.Build.Dense(700, 1, (i, _) => latent[i, 3] + latent[i, 6] + latent[i, 0]);
        var experiment = new FeatureMapExperiment(strong, weak, targets, testCount: 150, labelNoise: 0.5);
        var grid = ParameterGrid.Create().Vary("n", 30, 60).Vary("N", 200);
        var one = experiment.Sweep(grid, 5, 7, new SweepOptions { MaxDegreeOfParallelism = 1 });
        var many = experiment.Sweep(grid, 5, 7, new SweepOptions { MaxDegreeOfParallelism = 4 });
        foreach (var metric in one.Metrics)
        {
            Assert.Equal(one.TrialValues(metric), many.TrialValues(metric));
        }

        var pgr = one.TrialValues("PerformanceGapRecovered");
        Assert.Equal(pgr.Take(5).Average(), one.SummaryValues("PerformanceGapRecovered_mean")[0], 1e-12);
        var bad = ParameterGrid.Create().Vary("n", 600).Vary("N", 200);
        Assert.Equal("labelledCount", Assert.Throws<ArgumentOutOfRangeException>(() => experiment.Sweep(bad, 2, 1)).ParamName);
    }

    [Fact]
    public void SubspacePairHasThePrescribedAnglesWhateverTheRotation()
    {
        double[] cosines = [1.0, 0.8, 0.5, 0.1];
        var plain = SubspacePair.WithCosines(15, 5, 6, cosines);
        var rotated = SubspacePair.WithCosines(15, 5, 6, cosines, new RandomStream(3));
        var expected = cosines.Sum(c => c * c);
        Assert.Equal(expected, plain.CorrelationDimension, 1e-12);
        Assert.Equal(expected, rotated.CorrelationDimension, 1e-12);
        var angles = CorrelationDimension.Between(rotated.Strong, rotated.Weak).Cosines;
        Assert.Equal(cosines.Concat([0.0]), angles, (a, b) => Math.Abs(a - b) < 1e-12);
        Assert.Equal("dimension", Assert.Throws<ArgumentOutOfRangeException>(() => SubspacePair.WithCosines(10, 5, 6, cosines)).ParamName);
    }

    [Fact]
    public void StudentVarianceSplitMatchesTheExactPartsForRotatedSubspaces()
    {
        // Same Σcos² = 3, different angle profiles, random rotations (general, not coordinate-aligned, subspaces).
        foreach (var cosines in new[] { new[] { 1.0, 1.0, 1.0 }, Enumerable.Repeat(Math.Sqrt(0.5), 6).ToArray() })
        {
            var pair = SubspacePair.WithCosines(30, 10, 20, cosines, new RandomStream(8));
            var model = GaussianFeatureModel.WithBases(Vector<double>.Build.Dense(30), pair.Strong, pair.Weak, 1.0);
            var trials = model.RunTrials(13, 4000, 100, 200, sampling: TrialSampling.SufficientStatistics);
            var split = new ExactGaussianRisk(model.Quantities).WeakToStrongVarianceSplit(100, 200);
            Assert.Equal(3.0, model.Quantities.CorrelationDimension, 1e-10);
            MonteCarlo.Of(trials.Select(t => t.InheritedVariance)).AssertAgrees(split.Inherited, "inherited");
            MonteCarlo.Of(trials.Select(t => t.DiscrepancyVariance)).AssertAgrees(split.Discrepancy, "discrepancy");
            MonteCarlo.Of(trials.Select(t => t.WeakToStrong.Variance)).AssertAgrees(split.Total, "total");
        }
    }

    [Fact]
    public void DigitMapsAveragePixelBlocksAndRejectWrongShapes()
    {
        var image = Matrix<double>.Build.Dense(1, 64, (_, j) => j % 16);
        var coarse = DigitFeatureMaps.Coarse(image);
        // Block (0, 0) holds pixels 0, 1, 8, 9 → values 0, 1, 8, 9 → mean 4.5 → /16.
        Assert.Equal(4.5 / 16, coarse[0, 0], 1e-15);
        Assert.Equal(image.Row(0).Sum() / 16 / 4, coarse.Row(0).Sum(), 1e-12);
        Assert.Equal(1.0, DigitFeatureMaps.Pixels(Matrix<double>.Build.Dense(1, 64, 16.0))[0, 5]);
        Assert.All(DigitFeatureMaps.CoarseRandomRelu(Matrix<double>.Build.Random(20, 64, 3).PointwiseAbs(), 12).Enumerate(), v => Assert.True(v >= 0));
        Assert.Equal("images", Assert.Throws<ArgumentException>(() => DigitFeatureMaps.Pixels(Matrix<double>.Build.Dense(2, 63))).ParamName);
    }
}
