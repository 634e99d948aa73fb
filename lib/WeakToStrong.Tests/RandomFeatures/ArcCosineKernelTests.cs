using MathNet.Numerics;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Random;
using WeakToStrong.RandomFeatures;
using WeakToStrong.Randomness;
using static WeakToStrong.Tests.NumericAssert;

namespace WeakToStrong.Tests.RandomFeatures;

public sealed class ArcCosineKernelTests
{
    [Fact]
    public void SpecialValuesMatchTheClosedForm()
    {
        Assert.Equal(0.5, ArcCosineKernel.K1(1.0), 1e-15);
        Assert.Equal(1.0 / (2 * Math.PI), ArcCosineKernel.K1(0.0), 1e-15);
        Assert.Equal(0.0, ArcCosineKernel.K1(-1.0), 1e-15);
    }

    [Theory]
    [InlineData(-0.95)]
    [InlineData(-0.3)]
    [InlineData(0.2)]
    [InlineData(0.7)]
    [InlineData(0.999)]
    public void EqualsTheGaussianExpectationOfTwoRelus(double rho)
    {
        // For Gaussian g in the plane of w and u (angle θ = arccos ρ), E[relu(g·w)relu(g·u)] = E[r²]·E_φ[cos φ cos(φ−θ); both > 0]
        // = 2·(1/2π)∫_{θ−π/2}^{π/2} cos φ cos(φ − θ) dφ; the integrand is smooth there, so Gauss–Legendre is exact to rounding.
        var theta = Math.Acos(rho);
        var angular = Integrate.GaussLegendre(phi => Math.Cos(phi) * Math.Cos(phi - theta), theta - Math.PI / 2, Math.PI / 2, 64);
        Assert.Equal(angular / Math.PI, ArcCosineKernel.K1(rho), 1e-14);
    }

    [Fact]
    public void GramHasTheExactDiagonalAndEntries()
    {
        var w = ReluTeacher.SampleWeights(6, 12, new RandomStream(3));
        var g = ArcCosineKernel.Gram(w);
        for (var i = 0; i < 12; i++)
        {
            Assert.Equal(1.0 / 12.0, g[i, i], 1e-15); // E[relu(t)²] = E[t²]/2 = 1/(2d), d = 6
            for (var j = 0; j < 12; j++)
            {
                Assert.Equal(ArcCosineKernel.K1(w.Row(i).DotProduct(w.Row(j))) / 6.0, g[i, j], 1e-15);
                Assert.Equal(g[i, j], g[j, i]);
            }
        }

        Assert.True(g.Evd().EigenValues.Real().Minimum() > 0);
    }

    [Fact]
    public void GramIsThePopulationSecondMomentOnTheSphere()
    {
        // Monte Carlo over x uniform on S^(d−1) (independent of the 2-homogeneity argument): agreement within 5 standard errors.
        const int d = 5;
        const int n = 200_000;
        var w = ReluTeacher.SampleWeights(d, 3, new RandomStream(11));
        var random = new Xoshiro256StarStar(99);
        var normal = new Normal(0, 1, random);
        var sums = new double[3, 3];
        var squares = new double[3, 3];
        var x = new double[d];
        for (var s = 0; s < n; s++)
        {
            var norm = 0.0;
            for (var j = 0; j < d; j++)
            {
                x[j] = normal.Sample();
                norm += x[j] * x[j];
            }

            norm = Math.Sqrt(norm);
            var phi = new double[3];
            for (var i = 0; i < 3; i++)
            {
                var dot = 0.0;
                for (var j = 0; j < d; j++)
                {
                    dot += w[i, j] * x[j] / norm;
                }

                phi[i] = Math.Max(0, dot);
            }

            for (var i = 0; i < 3; i++)
            {
                for (var j = 0; j < 3; j++)
                {
                    sums[i, j] += phi[i] * phi[j];
                    squares[i, j] += phi[i] * phi[j] * phi[i] * phi[j];
                }
            }
        }

        var g = ArcCosineKernel.Gram(w);
        for (var i = 0; i < 3; i++)
        {
            for (var j = 0; j < 3; j++)
            {
                var mean = sums[i, j] / n;
                var standardError = Math.Sqrt((squares[i, j] / n - mean * mean) / n);
                Assert.InRange(g[i, j], mean - 5 * standardError, mean + 5 * standardError);
            }
        }
    }

    [Fact]
    public void CrossGramOfAMatrixWithItselfIsTheGram()
    {
        var w = ReluTeacher.SampleWeights(4, 7, new RandomStream(1));
        var u = ReluTeacher.SampleWeights(4, 5, new RandomStream(2));
        AssertBelow((ArcCosineKernel.CrossGram(w, w) - ArcCosineKernel.Gram(w)).FrobeniusNorm(), 1e-15);
        var c = ArcCosineKernel.CrossGram(u, w);
        Assert.Equal(5, c.RowCount);
        Assert.Equal(7, c.ColumnCount);
        Assert.Equal(ArcCosineKernel.K1(u.Row(2).DotProduct(w.Row(6))) / 4, c[2, 6], 1e-15);
    }

    [Fact]
    public void RejectsBadInput()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ArcCosineKernel.K1(1.5));
        Assert.Equal("cosine", e.ParamName);
        Assert.Contains("1.5", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => ArcCosineKernel.K1(double.NaN));
        var notUnit = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 0, 0 }, { 0.5, 0.5, 0 } });
        var unit = Assert.Throws<ArgumentOutOfRangeException>(() => ArcCosineKernel.Gram(notUnit));
        Assert.Equal("weights", unit.ParamName);
        Assert.Contains("row 1", unit.Message);
        var oneColumn = Matrix<double>.Build.DenseOfArray(new double[,] { { 1 }, { -1 } });
        Assert.Throws<ArgumentOutOfRangeException>(() => ArcCosineKernel.Gram(oneColumn));
        var mismatch = Assert.Throws<ArgumentException>(() =>
            ArcCosineKernel.CrossGram(ReluTeacher.SampleWeights(3, 2, new RandomStream(0)), ReluTeacher.SampleWeights(4, 2, new RandomStream(0))));
        Assert.Equal("columnWeights", mismatch.ParamName);
    }
}
