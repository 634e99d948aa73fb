using MathNet.Numerics.LinearAlgebra;
using WeakToStrong.Bregman;
using static WeakToStrong.Tests.Bregman.TestLaws;

namespace WeakToStrong.Tests.Bregman;

public sealed class GeneratorTests
{
    private static readonly BinaryCrossEntropyGenerator Binary = BinaryCrossEntropyGenerator.Instance;
    private static readonly MulticlassCrossEntropyGenerator Simplex = MulticlassCrossEntropyGenerator.Instance;
    private static readonly SquaredLossGenerator Squared = SquaredLossGenerator.Instance;
    private static readonly SquaredNormGenerator SquaredNorm = SquaredNormGenerator.Instance;

    [Fact]
    public void DivergencesMatchTheirDirectFormulas()
    {
        var random = Seeded(1);
        for (var trial = 0; trial < 200; trial++)
        {
            double a = 4 * random.NextDouble() - 2, b = 4 * random.NextDouble() - 2;
            Assert.Equal((a - b) * (a - b), Squared.Divergence(a, b), 1e-14);

            var u = Vector<double>.Build.Dense(3, _ => random.NextDouble() - 0.5);
            var v = Vector<double>.Build.Dense(3, _ => random.NextDouble() - 0.5);
            Assert.Equal((u - v).L2Norm() * (u - v).L2Norm(), SquaredNorm.Divergence(u, v), 1e-13);

            double p = RandomProbability(random), q = RandomProbability(random);
            Assert.Equal(BinaryKl(p, q), Binary.Divergence(p, q), 1e-13);

            Vector<double> x = RandomSimplexPoint(random, 4), y = RandomSimplexPoint(random, 4);
            Assert.Equal(Kl(x, y), Simplex.Divergence(x, y), 1e-13);
        }
    }

    [Fact]
    public void DivergencesAgreeWithTheDefiningFormulaPhiMinusPhiMinusLinearTerm()
    {
        var random = Seeded(2);
        for (var trial = 0; trial < 100; trial++)
        {
            double a = RandomProbability(random), b = RandomProbability(random);
            var defining = Binary.Potential(a) - Binary.Potential(b) - Binary.Gradient(b) * (a - b);
            Assert.Equal(defining, Binary.Divergence(a, b), 1e-12);

            Vector<double> x = RandomSimplexPoint(random, 3), y = RandomSimplexPoint(random, 3);
            var definingSimplex = Simplex.Potential(x) - Simplex.Potential(y) - Simplex.Gradient(y).DotProduct(x - y);
            Assert.Equal(definingSimplex, Simplex.Divergence(x, y), 1e-12);
        }
    }

    [Fact]
    public void DivergenceIsZeroOnlyOnTheDiagonalAndAsymmetric()
    {
        Assert.Equal(0, Binary.Divergence(0.3, 0.3));
        Assert.Equal(0, Squared.Divergence(1.7, 1.7));
        var p = Vector<double>.Build.DenseOfArray([0.2, 0.5, 0.3]);
        Assert.Equal(0, Simplex.Divergence(p, p));

        var random = Seeded(3);
        for (var trial = 0; trial < 200; trial++)
        {
            double a = RandomProbability(random), b = RandomProbability(random);
            Assert.True(Binary.Divergence(a, b) > 0);
            Vector<double> x = RandomSimplexPoint(random, 3), y = RandomSimplexPoint(random, 3);
            Assert.True(Simplex.Divergence(x, y) > 0);
        }

        // KL(0.9 ‖ 0.5) = 0.3681 nats but KL(0.5 ‖ 0.9) = 0.5108 nats: not symmetric.
        Assert.Equal(0.9 * Math.Log(1.8) + 0.1 * Math.Log(0.2), Binary.Divergence(0.9, 0.5), 1e-14);
        Assert.Equal(0.5 * Math.Log(0.5 / 0.9) + 0.5 * Math.Log(5), Binary.Divergence(0.5, 0.9), 1e-14);
        Assert.NotEqual(Binary.Divergence(0.9, 0.5), Binary.Divergence(0.5, 0.9), 1e-3);
    }

    [Fact]
    public void BinaryDivergenceIsAccurateForNearbyArguments()
    {
        // KL(½ + δ ‖ ½) = 2δ² + (4/3)δ⁴ + …; with δ = 2⁻²⁴ every input is exact. The textbook two-log formula
        // cancels two terms of size δ and keeps only about 8 digits here; the library must keep about 15.
        var delta = Math.Pow(2, -24);
        var series = 2 * delta * delta + 4.0 / 3 * Math.Pow(delta, 4);
        var divergence = Binary.Divergence(0.5 + delta, 0.5);
        Assert.True(Math.Abs(divergence - series) < 1e-13 * series, $"KL = {divergence}, series {series}");
    }

    [Fact]
    public void HardTargetsAreAllowedInTheFirstSlot()
    {
        Assert.Equal(-Math.Log(0.7), Binary.Divergence(1, 0.7), 1e-14);
        Assert.Equal(-Math.Log(0.3), Binary.Divergence(0, 0.7), 1e-14);
        var oneHot = Vector<double>.Build.DenseOfArray([0, 1, 0]);
        var q = Vector<double>.Build.DenseOfArray([0.2, 0.5, 0.3]);
        Assert.Equal(-Math.Log(0.5), Simplex.Divergence(oneHot, q), 1e-14);
    }

    [Fact]
    public void LogitFormOfTheBinaryDivergenceSurvivesSaturatedSigmoids()
    {
        var random = Seeded(7);
        for (var trial = 0; trial < 100; trial++)
        {
            double a = random.NextDouble(), z = 10 * random.NextDouble() - 5;
            Assert.Equal(Binary.Divergence(a, Sigmoid(z)), Binary.DivergenceFromLogit(a, z), 1e-13);
        }

        // σ(50) rounds to 1 and σ(−800) to 0, so the probability form must reject them; the logit form is exact:
        // KL(1 ‖ σ(50)) = softplus(−50) ≈ e^{−50}, KL(0 ‖ σ(50)) = softplus(50) ≈ 50,
        // KL(0.3 ‖ σ(−800)) = 0.3 (log 0.3 + 800) + 0.7 log 0.7 (log σ(−800) = −800 − log1p(e^{−800})).
        Assert.Equal(Math.Exp(-50), Binary.DivergenceFromLogit(1, 50), 1e-35);
        Assert.Equal(50, Binary.DivergenceFromLogit(0, 50), 1e-13);
        Assert.Equal(0.3 * (Math.Log(0.3) + 800) + 0.7 * Math.Log(0.7), Binary.DivergenceFromLogit(0.3, -800), 1e-12);
        Assert.Throws<ArgumentOutOfRangeException>(() => Binary.Divergence(1, Sigmoid(50)));
    }

    [Fact]
    public void GradientMapsMatchCentralDifferencesOfThePotential()
    {
        var random = Seeded(4);
        for (var trial = 0; trial < 50; trial++)
        {
            var u = 4 * random.NextDouble() - 2;
            Assert.Equal(CentralDifference(Squared.Potential, u), Squared.Gradient(u), 1e-8);

            var p = 0.05 + 0.9 * random.NextDouble();
            Assert.Equal(CentralDifference(Binary.Potential, p, 1e-6), Binary.Gradient(p), 1e-7);

            var w = Vector<double>.Build.Dense(3, _ => random.NextDouble());
            for (var k = 0; k < 3; k++)
            {
                double Along(double t)
                {
                    var shifted = w.Clone();
                    shifted[k] = t;
                    return SquaredNorm.Potential(shifted);
                }

                Assert.Equal(CentralDifference(Along, w[k]), SquaredNorm.Gradient(w)[k], 1e-8);
            }

            // On the simplex only tangent directions e_i − e_j are admissible; the directional derivative is
            // ∂_i φ − ∂_j φ.
            var x = RandomSimplexPoint(random, 4);
            var g = Simplex.Gradient(x);
            for (var i = 0; i < 4; i++)
            {
                for (var j = i + 1; j < 4; j++)
                {
                    double Tangent(double t)
                    {
                        var moved = x.Clone();
                        moved[i] += t;
                        moved[j] -= t;
                        return Simplex.Potential(moved);
                    }

                    Assert.Equal(CentralDifference(Tangent, 0, 1e-6), g[i] - g[j], 1e-7);
                }
            }

            Assert.Equal(Math.Log(x[0]) + 1, g[0], 1e-14);
        }
    }

    [Fact]
    public void InverseGradientUndoesTheGradient()
    {
        var random = Seeded(5);
        for (var trial = 0; trial < 200; trial++)
        {
            var p = RandomProbability(random);
            Assert.Equal(p, Binary.InverseGradient(Binary.Gradient(p)), 1e-14);
            var z = 20 * random.NextDouble() - 10;
            Assert.Equal(z, Binary.Gradient(Binary.InverseGradient(z)), 1e-9);
            var u = 10 * random.NextDouble() - 5;
            Assert.Equal(u, Squared.InverseGradient(Squared.Gradient(u)), 1e-14);

            var x = RandomSimplexPoint(random, 5);
            var back = Simplex.InverseGradient(Simplex.Gradient(x));
            for (var k = 0; k < 5; k++)
            {
                Assert.Equal(x[k], back[k], 1e-14);
            }
        }

        Assert.Equal(1 / (1 + Math.Exp(-2.0)), Binary.InverseGradient(2), 1e-15);
        Assert.Equal(0, Binary.InverseGradient(-800));
        Assert.Equal(1, Binary.InverseGradient(800));
        var saturated = Simplex.InverseGradient(Vector<double>.Build.DenseOfArray([1000, 0, -1000]));
        Assert.Equal(1, saturated[0]);
        Assert.Equal(0, saturated[2]);
    }

    [Fact]
    public void ThreePointIdentityHolds()
    {
        var random = Seeded(6);
        for (var trial = 0; trial < 200; trial++)
        {
            var a = random.NextDouble() < 0.2 ? 1 : RandomProbability(random);
            double c = RandomProbability(random), b = RandomProbability(random);
            Assert.Equal(Binary.Divergence(a, b),
                Binary.Divergence(a, c) + Binary.Divergence(c, b) + Binary.ThreePointRemainder(a, c, b), 1e-12);

            Vector<double> x = RandomSimplexPoint(random, 3), y = RandomSimplexPoint(random, 3), m = RandomSimplexPoint(random, 3);
            Assert.Equal(Simplex.Divergence(x, y),
                Simplex.Divergence(x, m) + Simplex.Divergence(m, y) + Simplex.ThreePointRemainder(x, m, y), 1e-12);

            double r = random.NextDouble(), s = random.NextDouble(), t = random.NextDouble();
            Assert.Equal(Squared.Divergence(r, t),
                Squared.Divergence(r, s) + Squared.Divergence(s, t) + Squared.ThreePointRemainder(r, s, t), 1e-13);
        }
    }

    [Theory]
    [InlineData(1.5)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    public void BinaryDivergenceRejectsTargetsOutsideTheUnitInterval(double target)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Binary.Divergence(target, 0.5));
        Assert.Equal("target", error.ParamName);
        Assert.Contains("[0, 1]", error.Message);
        Assert.Contains(target.ToString("R", System.Globalization.CultureInfo.InvariantCulture), error.Message);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    public void BinaryPredictionsOnTheBoundaryAreRejectedNotInfinite(double prediction)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Binary.Divergence(0.5, prediction));
        Assert.Equal("prediction", error.ParamName);
        Assert.Contains("(0, 1)", error.Message);
        var gradientError = Assert.Throws<ArgumentOutOfRangeException>(() => Binary.Gradient(prediction));
        Assert.Equal("point", gradientError.ParamName);
    }

    [Fact]
    public void SimplexPointsMustSumToOneAndHaveMatchingDimension()
    {
        var bad = Vector<double>.Build.DenseOfArray([0.5, 0.6]);
        var good = Vector<double>.Build.DenseOfArray([0.5, 0.5]);
        var error = Assert.Throws<ArgumentException>(() => Simplex.Divergence(bad, good));
        Assert.Equal("target", error.ParamName);
        Assert.Contains("summing to 1", error.Message);
        Assert.Contains("1.1", error.Message);

        var three = Vector<double>.Build.DenseOfArray([0.2, 0.3, 0.5]);
        var mismatch = Assert.Throws<ArgumentException>(() => Simplex.Divergence(three, good));
        Assert.Equal("prediction", mismatch.ParamName);
        Assert.Contains("has length 2; expected 3", mismatch.Message);

        var zero = Vector<double>.Build.DenseOfArray([0, 1.0]);
        var interior = Assert.Throws<ArgumentOutOfRangeException>(() => Simplex.Divergence(good, zero));
        Assert.Equal("prediction", interior.ParamName);
        Assert.Contains("prediction[0]", interior.Message);

        Assert.Throws<ArgumentOutOfRangeException>(() => Squared.Divergence(double.NaN, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Binary.InverseGradient(double.PositiveInfinity));
    }
}
