using MathNet.Numerics.LinearAlgebra;
using WeakToStrong.RandomFeatures;
using WeakToStrong.Randomness;

namespace WeakToStrong.Tests.RandomFeatures;

public sealed class SphericalLegendreTests
{
    [Fact]
    public void DimensionThreeGivesTheOrdinaryLegendrePolynomials()
    {
        // By hand at x = 0.5: P_2 = (3x² − 1)/2, P_3 = (5x³ − 3x)/2, P_4 = (35x⁴ − 30x² + 3)/8.
        Assert.Equal(-0.125, SphericalLegendre.Value(2, 3, 0.5), 1e-15);
        Assert.Equal(-0.4375, SphericalLegendre.Value(3, 3, 0.5), 1e-15);
        Assert.Equal(-0.2890625, SphericalLegendre.Value(4, 3, 0.5), 1e-15);
        // At x = 0.3: P_2 = −0.365, P_3 = (0.135 − 0.9)/2 = −0.3825.
        Assert.Equal(-0.365, SphericalLegendre.Value(2, 3, 0.3), 1e-15);
        Assert.Equal(-0.3825, SphericalLegendre.Value(3, 3, 0.3), 1e-15);
    }

    [Fact]
    public void DimensionTwoGivesChebyshevPolynomials()
    {
        foreach (var theta in new[] { 0.1, 1.0, 2.5 })
        {
            var values = SphericalLegendre.Values(12, 2, Math.Cos(theta));
            for (var k = 0; k <= 12; k++)
            {
                Assert.Equal(Math.Cos(k * theta), values[k], 1e-13);
            }
        }
    }

    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(10)]
    [InlineData(20)]
    public void MatchesTheExplicitGegenbauerSum(int d)
    {
        foreach (var t in new[] { -0.8, -0.2, 0.0, 0.45, 0.9, 1.0 })
        {
            var values = SphericalLegendre.Values(10, d, t);
            for (var k = 0; k <= 10; k++)
            {
                Assert.Equal(IndependentFormulas.NormalisedGegenbauer(k, d, t), values[k], 1e-13);
            }
        }
    }

    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(8)]
    public void AreOrthogonalWithSecondMomentOneOverMultiplicity(int d)
    {
        // E[P_k P_j] = δ_kj / N_k under the law of t = w·x on S^(d−1): ties P_k and N_k together by quadrature.
        for (var k = 0; k <= 6; k++)
        {
            for (var j = 0; j <= k; j++)
            {
                var kk = k;
                var jj = j;
                var moment = IndependentFormulas.SphereProjectionMean(
                    t => SphericalLegendre.Value(kk, d, t) * SphericalLegendre.Value(jj, d, t), d);
                var expected = k == j ? 1.0 / ReluSphereSpectrum.Multiplicity(k, d) : 0.0;
                Assert.Equal(expected, moment, 1e-11);
            }
        }
    }

    [Fact]
    public void QuadraticFormsEqualEntrywiseEvaluation()
    {
        const int d = 6;
        var w = ReluTeacher.SampleWeights(d, 9, new RandomStream(5));
        var cosines = w.TransposeAndMultiply(w);
        var a = Vector<double>.Build.Dense(9, i => Math.Sin(i + 1.0));
        var forms = SphericalLegendre.QuadraticForms(cosines, a, d, 8);
        for (var k = 0; k <= 8; k++)
        {
            var direct = 0.0;
            for (var i = 0; i < 9; i++)
            {
                for (var j = 0; j < 9; j++)
                {
                    direct += a[i] * a[j] * IndependentFormulas.NormalisedGegenbauer(k, d, Math.Clamp(cosines[i, j], -1, 1));
                }
            }

            Assert.Equal(direct, forms[k], 1e-12 * (1 + Math.Abs(direct)));
        }
    }

    [Fact]
    public void RejectsBadInput()
    {
        Assert.Equal("dimension", Assert.Throws<ArgumentOutOfRangeException>(() => SphericalLegendre.Value(2, 1, 0.5)).ParamName);
        Assert.Equal("maxDegree", Assert.Throws<ArgumentOutOfRangeException>(() => SphericalLegendre.Values(-1, 3, 0.5)).ParamName);
        Assert.Equal("cosine", Assert.Throws<ArgumentOutOfRangeException>(() => SphericalLegendre.Value(2, 3, -1.1)).ParamName);
        var asymmetric = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 0.2 }, { 0.3, 1 } });
        var e = Assert.Throws<ArgumentOutOfRangeException>(() =>
            SphericalLegendre.QuadraticForms(asymmetric, Vector<double>.Build.Dense(2, 1.0), 3, 4));
        Assert.Equal("cosines", e.ParamName);
        Assert.Throws<ArgumentException>(() =>
            SphericalLegendre.QuadraticForms(Matrix<double>.Build.DenseIdentity(2), Vector<double>.Build.Dense(3, 1.0), 3, 4));
    }
}
