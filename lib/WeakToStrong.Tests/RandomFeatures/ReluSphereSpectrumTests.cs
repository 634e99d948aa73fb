using WeakToStrong.RandomFeatures;
using static WeakToStrong.Tests.NumericAssert;

namespace WeakToStrong.Tests.RandomFeatures;

public sealed class ReluSphereSpectrumTests
{
    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(7)]
    [InlineData(10)]
    public void CoefficientsMatchQuadratureOfReluTimesLegendre(int d)
    {
        // μ_k = E[relu(t) P_k(t)] with t = w·x: quadrature over [0, 1] against the density ∝ (1 − t²)^((d−3)/2), P_k from the
        // explicit Gegenbauer sum, normaliser by quadrature: independent of the log-gamma closed form.
        for (var k = 0; k <= 10; k++)
        {
            var kk = k;
            var quadrature = IndependentFormulas.SphereProjectionMean(
                t => t * IndependentFormulas.NormalisedGegenbauer(kk, d, t), d, 0, 1);
            var closed = ReluSphereSpectrum.FunkHeckeCoefficient(k, d);
            // The quadrature's absolute accuracy is ~2e-13 (what it returns for the odd degrees, which are exactly 0).
            if (k >= 3 && k % 2 == 1)
            {
                Assert.Equal(0.0, closed);
                Assert.True(Math.Abs(quadrature) < 1e-12, $"odd k = {k}: quadrature gives {quadrature}");
            }
            else
            {
                Assert.True(Math.Abs(quadrature - closed) <= 1e-12 + 1e-10 * Math.Abs(closed),
                    $"d = {d}, k = {k}: quadrature {quadrature:R} vs closed form {closed:R}");
            }
        }
    }

    [Fact]
    public void LowDegreeCoefficientsHaveTheirClosedForms()
    {
        foreach (var d in new[] { 2, 3, 10, 50 })
        {
            Assert.Equal(1.0 / (2 * d), ReluSphereSpectrum.FunkHeckeCoefficient(1, d));
            Assert.Equal(1.0 / (4.0 * d * d), ReluSphereSpectrum.Eigenvalue(1, d), 1e-14 / (4.0 * d * d));
        }

        Assert.Equal(1.0 / Math.PI, ReluSphereSpectrum.FunkHeckeCoefficient(0, 2), 1e-14); // E[relu(cos φ)] = 1/π
        Assert.Equal(0.25, ReluSphereSpectrum.FunkHeckeCoefficient(0, 3), 1e-14);        // t uniform on [−1, 1]
        Assert.Equal(1.0 / 16, ReluSphereSpectrum.FunkHeckeCoefficient(2, 3), 1e-15);    // ½∫_0^1 t(3t² − 1)/2 dt
        Assert.True(ReluSphereSpectrum.FunkHeckeCoefficient(4, 3) < 0);                 // sign (−1)^(k/2 − 1)
        Assert.True(ReluSphereSpectrum.FunkHeckeCoefficient(6, 3) > 0);
    }

    [Fact]
    public void MultiplicitiesMatchTheHarmonicDimension()
    {
        for (var k = 0; k <= 60; k++)
        {
            Assert.Equal(2 * k + 1, ReluSphereSpectrum.Multiplicity(k, 3), 1e-12 * (2 * k + 1));
            Assert.Equal(k == 0 ? 1 : 2, ReluSphereSpectrum.Multiplicity(k, 2), 1e-13);
        }

        foreach (var d in new[] { 4, 10, 20, 200 })
        {
            foreach (var k in new[] { 0, 1, 2, 5, 30, 200 })
            {
                var exact = IndependentFormulas.HarmonicDimension(k, d);
                Assert.Equal(IndependentFormulas.Log(exact), ReluSphereSpectrum.LogMultiplicity(k, d), 1e-12 * (1 + IndependentFormulas.Log(exact)));
            }
        }

        Assert.Equal(10, ReluSphereSpectrum.Multiplicity(1, 10), 1e-13);
        Assert.Equal(54, ReluSphereSpectrum.Multiplicity(2, 10), 1e-12);// d(d+1)/2 − 1
    }

    [Fact]
    public void LogSpaceStaysFiniteWhereDoublesWouldOverflow()
    {
        var logN = ReluSphereSpectrum.LogMultiplicity(1000, 1000);
        Assert.True(double.IsFinite(logN) && logN > Math.Log(double.MaxValue));
        var logMu = ReluSphereSpectrum.LogAbsFunkHeckeCoefficient(1000, 1000);
        Assert.True(double.IsFinite(logMu));
        Assert.True(ReluSphereSpectrum.LogAbsFunkHeckeCoefficient(1001, 1000) == double.NegativeInfinity);
        // λ_k N_k stays below the trace 1/(2d) even when N_k itself overflows.
        AssertBelow(logN + 2 * logMu, Math.Log(1.0 / 2000));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(10)]
    [InlineData(20)]
    public void TraceIdentityHoldsAndTheTailDecaysLikeTheInverseCube(int d)
    {
        // Σ_k N_k μ_k² = 1/(2d). With 20000 degrees the remaining tail is ~1e-12 relative; at K = 200 it is ~1e-7 and
        // halves in K cost a factor ≈ 8 (tail ∝ K^−3), so K = 200 is not machine precision at ρ = 1.
        var full = new ReluSphereSpectrum(d, 20000);
        Assert.True(Math.Abs(full.TruncatedTrace - 1.0 / (2 * d)) < 2e-12 / (2 * d),
            $"d = {d}: Σ N_k λ_k = {full.TruncatedTrace:R}");
        var tail200 = new ReluSphereSpectrum(d, 200).TailTrace;
        var tail400 = new ReluSphereSpectrum(d, 400).TailTrace;
        Assert.InRange(tail200 / tail400, 7.0, 9.0);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(10)]
    [InlineData(20)]
    public void KernelIsRebuiltFromItsHarmonics(int d)
    {
        var spectrum = new ReluSphereSpectrum(d, 2000);
        foreach (var rho in new[] { -0.9, -0.5, 0.0, 0.3, 0.7, 0.9 })
        {
            var rebuilt = spectrum.KernelFromHarmonics(rho);
            var kernel = ArcCosineKernel.K1(rho) / d;
            Assert.True(Math.Abs(rebuilt - kernel) < 1e-13, $"d = {d}, ρ = {rho}: {rebuilt:R} vs {kernel:R}");
        }

        AssertBelow(Math.Abs(new ReluSphereSpectrum(d, 200).KernelFromHarmonics(0.3) - ArcCosineKernel.K1(0.3) / d), 1e-11);
    }

    [Fact]
    public void TabulatedValuesAgreeWithTheStaticClosedForms()
    {
        var spectrum = new ReluSphereSpectrum(7, 30);
        for (var k = 0; k <= 30; k++)
        {
            var mu = ReluSphereSpectrum.FunkHeckeCoefficient(k, 7);
            Assert.Equal(mu, spectrum.Coefficients[k]);
            Assert.Equal(mu * mu, spectrum.Eigenvalues[k], 1e-15 * mu * mu);
            Assert.Equal(spectrum.Multiplicities[k] * spectrum.Eigenvalues[k], spectrum.TraceShares[k], 1e-13 * spectrum.TraceShares[k]);
        }

        Assert.Equal(1.0 / 14, spectrum.Trace);
        Assert.Equal(spectrum.Trace - spectrum.TruncatedTrace, spectrum.TailTrace, 1e-17);
    }

    [Fact]
    public void RejectsBadInput()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new ReluSphereSpectrum(1));
        Assert.Equal("dimension", e.ParamName);
        Assert.Contains(">= 2", e.Message);
        Assert.Equal("maxDegree", Assert.Throws<ArgumentOutOfRangeException>(() => new ReluSphereSpectrum(3, 0)).ParamName);
        Assert.Equal("degree", Assert.Throws<ArgumentOutOfRangeException>(() => ReluSphereSpectrum.FunkHeckeCoefficient(-1, 3)).ParamName);
        Assert.Equal("dimension", Assert.Throws<ArgumentOutOfRangeException>(() => ReluSphereSpectrum.Multiplicity(2, 0)).ParamName);
    }
}
