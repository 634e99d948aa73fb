using MathNet.Numerics.LinearAlgebra;
using WeakToStrong.Bregman;
using static WeakToStrong.Tests.Bregman.TestLaws;
using static WeakToStrong.Tests.NumericAssert;

namespace WeakToStrong.Tests.Bregman;

public sealed class BiasVarianceTests
{
    private static readonly BinaryCrossEntropyGenerator Binary = BinaryCrossEntropyGenerator.Instance;
    private static readonly MulticlassCrossEntropyGenerator Simplex = MulticlassCrossEntropyGenerator.Instance;
    private static readonly SquaredLossGenerator Squared = SquaredLossGenerator.Instance;
    private static readonly SquaredNormGenerator SquaredNorm = SquaredNormGenerator.Instance;

    [Fact]
    public void CrossEntropyDualMeanIsTheSigmoidOfTheMeanLogitNotTheMeanProbability()
    {
        // Teacher logits {2, −1} with equal probability.
        var law = new DiscreteLaw<double>([Sigmoid(2), Sigmoid(-1)], [0.5, 0.5]);
        var dual = Binary.DualMean(law);
        Assert.Equal(Sigmoid(0.5), dual, 1e-14);
        var arithmetic = Binary.PrimalMean(law);
        Assert.Equal((Sigmoid(2) + Sigmoid(-1)) / 2, arithmetic, 1e-15);
        Assert.True(Math.Abs(dual - arithmetic) > 0.01, $"dual {dual}, arithmetic {arithmetic}");
    }

    [Fact]
    public void SquaredLossDualMeanIsTheArithmeticMean()
    {
        var random = Seeded(11);
        for (var trial = 0; trial < 50; trial++)
        {
            var n = 2 + random.Next(5);
            var law = DiscreteLaw<double>.FromWeights(
                Enumerable.Range(0, n).Select(_ => 6 * random.NextDouble() - 3).ToArray(), RandomWeights(random, n));
            var mean = law.Outcomes.Zip(law.Probabilities, (y, p) => y * p).Sum();
            Assert.Equal(mean, Squared.DualMean(law), 1e-13);
            Assert.Equal(mean, Squared.PrimalMean(law), 1e-13);
        }
    }

    [Fact]
    public void SimplexDualMeanIsTheNormalisedGeometricMean()
    {
        var random = Seeded(12);
        for (var trial = 0; trial < 50; trial++)
        {
            var n = 2 + random.Next(4);
            var points = Enumerable.Range(0, n).Select(_ => RandomSimplexPoint(random, 3)).ToArray();
            var law = DiscreteLaw<Vector<double>>.FromWeights(points, RandomWeights(random, n));
            var geometric = Vector<double>.Build.Dense(3, k =>
                Math.Exp(Enumerable.Range(0, n).Sum(i => law.Probabilities[i] * Math.Log(points[i][k]))));
            geometric /= geometric.Sum();
            var dual = Simplex.DualMean(law);
            for (var k = 0; k < 3; k++)
            {
                Assert.Equal(geometric[k], dual[k], 1e-14);
            }

            Assert.True((dual - Simplex.PrimalMean(law)).L2Norm() > 1e-6);
        }
    }

    [Fact]
    public void DualMeanMinimisesTheExpectedDivergenceToThePrediction()
    {
        var law = new DiscreteLaw<double>([0.2, 0.9, 0.6], [0.3, 0.5, 0.2]);
        var dual = Binary.DualMean(law);
        var atDual = Binary.ExpectedDivergence(dual, law);
        foreach (var shift in new[] { -1e-3, 1e-3, -0.05, 0.05 })
        {
            Assert.True(Binary.ExpectedDivergence(dual + shift, law) > atDual);
        }
    }

    [Fact]
    public void SquaredLossToyLawSplitsIntoBiasAndVariance()
    {
        // Target 0, teacher ∈ {−1, 3} equally likely: E(0 − Y)² = 5, bias (0 − 1)² = 1, variance Var Y = 4.
        var law = new DiscreteLaw<double>([-1.0, 3.0], [0.5, 0.5]);
        var split = BiasVarianceDecomposition.AtDualMean(Squared, 0.0, law);
        Assert.Equal(1, split.Centre, 1e-15);
        Assert.Equal(5, split.ExpectedDivergence, 1e-14);
        Assert.Equal(1, split.Bias, 1e-14);
        Assert.Equal(4, split.Variance, 1e-14);
        Assert.Equal(0, split.Noise);
        Assert.Equal(0, split.Defect, 1e-14);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(0.7)]
    public void BinaryToyLawDecomposesAtTheDualMeanButNotAtTheArithmeticMean(double target)
    {
        var law = new DiscreteLaw<double>([Sigmoid(2), Sigmoid(-1)], [0.5, 0.5]);
        var dual = BiasVarianceDecomposition.AtDualMean(Binary, target, law);
        var expected = 0.5 * BinaryKl(target, Sigmoid(2)) + 0.5 * BinaryKl(target, Sigmoid(-1));
        Assert.Equal(expected, dual.ExpectedDivergence, 1e-14);
        Assert.Equal(BinaryKl(target, Sigmoid(0.5)), dual.Bias, 1e-14);
        Assert.Equal(0.5 * BinaryKl(Sigmoid(0.5), Sigmoid(2)) + 0.5 * BinaryKl(Sigmoid(0.5), Sigmoid(-1)), dual.Variance, 1e-14);
        Assert.True(Math.Abs(dual.Defect) < 1e-15, $"defect {dual.Defect}");

        var arithmetic =
            BiasVarianceDecomposition.AtCentre(Binary, target, law, Binary.PrimalMean(law));
        Assert.True(arithmetic.Defect > 1e-3, $"arithmetic-mean defect {arithmetic.Defect}");
        // The defect equals −⟨∇φ(c) − E ∇φ(Ŷ), a − c⟩ (three-point identity).
        var c = arithmetic.Centre;
        var predictedDefect = -(Binary.Gradient(c) - 0.5) * (target - c);
        Assert.Equal(predictedDefect, arithmetic.Defect, 1e-13);
    }

    [Fact]
    public void DecompositionIsExactOnRandomEnumeratedLaws()
    {
        var random = Seeded(13);
        for (var trial = 0; trial < 300; trial++)
        {
            var n = 1 + random.Next(6);
            var binaryLaw = RandomBinaryLaw(random, n);
            var hardOrSoft = random.Next(3) switch { 0 => 0, 1 => 1, _ => random.NextDouble() };
            var binary = BiasVarianceDecomposition.AtDualMean(Binary, hardOrSoft, binaryLaw);
            Assert.True(Math.Abs(binary.Defect) <= 1e-13 * (1 + binary.ExpectedDivergence), $"binary defect {binary.Defect}");
            Assert.True(binary.Bias >= 0 && binary.Variance >= 0);

            var squaredLaw = DiscreteLaw<double>.FromWeights(
                Enumerable.Range(0, n).Select(_ => 4 * random.NextDouble() - 2).ToArray(), RandomWeights(random, n));
            var squared = BiasVarianceDecomposition.AtDualMean(Squared, random.NextDouble(), squaredLaw);
            AssertAtMost(Math.Abs(squared.Defect), 1e-13 * (1 + squared.ExpectedDivergence));

            var simplexLaw = DiscreteLaw<Vector<double>>.FromWeights(
                Enumerable.Range(0, n).Select(_ => RandomSimplexPoint(random, 3)).ToArray(), RandomWeights(random, n));
            var oneHot = Vector<double>.Build.Dense(3);
            oneHot[random.Next(3)] = 1;
            var simplex = BiasVarianceDecomposition.AtDualMean(Simplex, oneHot, simplexLaw);
            Assert.True(Math.Abs(simplex.Defect) <= 1e-13 * (1 + simplex.ExpectedDivergence), $"simplex defect {simplex.Defect}");

            var vectorLaw = DiscreteLaw<Vector<double>>.FromWeights(
                Enumerable.Range(0, n).Select(_ => Vector<double>.Build.Dense(2, _ => random.NextDouble())).ToArray(),
                RandomWeights(random, n));
            var vector = BiasVarianceDecomposition.AtDualMean(SquaredNorm, Vector<double>.Build.Dense(2), vectorLaw);
            AssertAtMost(Math.Abs(vector.Defect), 1e-13 * (1 + vector.ExpectedDivergence));
        }
    }

    [Fact]
    public void RandomTargetAddsTheNoiseTerm()
    {
        var random = Seeded(14);
        for (var trial = 0; trial < 100; trial++)
        {
            // Hard label y ~ Bernoulli(π), independent of the prediction: noise = E KL(y ‖ π) = H(π).
            var pi = 0.1 + 0.8 * random.NextDouble();
            var target = new DiscreteLaw<double>([0.0, 1.0], [1 - pi, pi]);
            var prediction = RandomBinaryLaw(random, 3);
            var split = BiasVarianceDecomposition.WithRandomTarget(Binary, target, prediction);
            Assert.Equal(-(pi * Math.Log(pi) + (1 - pi) * Math.Log(1 - pi)), split.Noise, 1e-13);
            Assert.True(Math.Abs(split.Defect) < 1e-13, $"defect {split.Defect}");
        }
    }
}
