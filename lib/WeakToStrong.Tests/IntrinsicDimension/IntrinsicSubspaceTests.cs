using MathNet.Numerics.LinearAlgebra;
using WeakToStrong.IntrinsicDimension;

namespace WeakToStrong.Tests.IntrinsicDimension;

public sealed class IntrinsicSubspaceTests
{
    /// <summary>F = √n·Q·diag(√λ)·Vᵀ with orthonormal Q (n×m) and orthogonal V, so FᵀF/n = V·diag(λ)·Vᵀ exactly.</summary>
    private static (Matrix<double> Features, Matrix<double> Eigenvectors) WithSpectrum(int n, double[] spectrum, long seed)
    {
        var m = spectrum.Length;
        var q = GaussianFeatureModel.RandomOrthonormalBasis(n, m, seed);
        var v = GaussianFeatureModel.RandomOrthonormalBasis(m, m, seed + 1);
        var scale = Matrix<double>.Build.DiagonalOfDiagonalArray(spectrum.Select(l => Math.Sqrt(l * n)).ToArray());
        return (q * scale * v.Transpose(), v);
    }

    private static readonly double[] Halving = [8, 4, 2, 1, 0.5, 0.25, 0.125, 0.125];

    [Theory]
    // trace 16; cumulative shares 0.5, 0.75, 0.875, 0.9375, 0.96875, 0.984375, 0.9921875, 1.
    [InlineData(0.49, 1)]
    [InlineData(0.6, 2)]
    [InlineData(0.9, 4)]
    [InlineData(0.95, 5)]
    [InlineData(0.99, 7)]
    [InlineData(0.995, 8)]
    public void DimensionIsTheSmallestKReachingTheShare(double share, int expected)
    {
        var (features, _) = WithSpectrum(200, Halving, seed: 11);
        var subspace = IntrinsicSubspace.Of(features, share);
        Assert.Equal(expected, subspace.Dimension);
        for (var i = 0; i < Halving.Length; i++)
        {
            Assert.Equal(Halving[i], subspace.Eigenvalues[i], 1e-12);
        }

        Assert.Equal(Halving.Take(expected).Sum() / 16, subspace.CapturedShare, 1e-14);
    }

    [Fact]
    public void BasisSpansTheTopEigenvectors()
    {
        var (features, v) = WithSpectrum(200, Halving, seed: 12);
        var subspace = IntrinsicSubspace.Of(features, 0.9);
        var top = v.SubMatrix(0, 8, 0, 4);
        // Same subspace: the projectors agree.
        var difference = subspace.Basis * subspace.Basis.Transpose() - top * top.Transpose();
        Assert.True(difference.FrobeniusNorm() < 1e-10, $"projector difference {difference.FrobeniusNorm():G3}");
    }

    [Theory]
    [InlineData(3)]
    [InlineData(17)]
    public void EqualNonzeroEigenvaluesGiveTheirCountAtTheDefaultShare(int k)
    {
        // k equal eigenvalues 1 and 25 − k zeros: the top j capture j/k of the trace, so any share above (k−1)/k
        // gives k (0.99 does for k ≤ 100); a share of 1/2 gives ⌈k/2⌉.
        var spectrum = Enumerable.Range(0, 25).Select(i => i < k ? 1.0 : 0.0).ToArray();
        var (features, _) = WithSpectrum(100, spectrum, seed: 13);
        Assert.Equal(k, IntrinsicSubspace.Of(features).Dimension);
        Assert.Equal(k, IntrinsicSubspace.Of(features, 0.999999).Dimension);
        Assert.Equal((k + 1) / 2, IntrinsicSubspace.Of(features, 0.5).Dimension);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void ShareOutsideTheOpenUnitIntervalIsRejected(double share)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(
            () => IntrinsicSubspace.Of(Matrix<double>.Build.DenseIdentity(3), share));
        Assert.Equal("traceShare", error.ParamName);
        Assert.Contains("0 < traceShare < 1", error.Message);
    }

    [Fact]
    public void ZeroOrNonFiniteFeaturesAreRejected()
    {
        Assert.Equal("features", Assert.Throws<ArgumentException>(
            () => IntrinsicSubspace.Of(Matrix<double>.Build.Dense(4, 3))).ParamName);
        var withNaN = Matrix<double>.Build.DenseIdentity(3);
        withNaN[1, 2] = double.NaN;
        var error = Assert.Throws<ArgumentException>(() => IntrinsicSubspace.Of(withNaN));
        Assert.Contains("features[1, 2] = NaN", error.Message);
    }
}
