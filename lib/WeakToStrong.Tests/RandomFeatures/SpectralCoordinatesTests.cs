using MathNet.Numerics.LinearAlgebra;
using WeakToStrong.RandomFeatures;
using WeakToStrong.Randomness;

namespace WeakToStrong.Tests.RandomFeatures;

public sealed class SpectralCoordinatesTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(60)]
    public void MatchesAFullEigendecompositionThroughBasisFreeQuantities(int n)
    {
        // xᵀ f(A) y = Σ_j f(γ_j)(v_jᵀx)(v_jᵀy) does not depend on signs or on the basis inside a repeated eigenvalue;
        // compare with MathNet's full symmetric eigendecomposition for f(γ) = 1, γ, e^(−3γ).
        var random = new RandomStream(n);
        var g = random.NextGaussianMatrix(n, n + 3);
        var a = g * g.Transpose() / (n + 3);
        var x = random.NextGaussianVector(n);
        var y = random.NextGaussianVector(n);
        var fast = SpectralCoordinates.Of(a, x, y);
        var evd = a.Evd(Symmetricity.Symmetric);
        var vx = evd.EigenVectors.TransposeThisAndMultiply(x);
        var vy = evd.EigenVectors.TransposeThisAndMultiply(y);
        var reference = evd.EigenValues.Select(c => c.Real).ToArray();
        Assert.Equal(reference.OrderBy(v => v).ToArray(), fast.Eigenvalues.OrderBy(v => v).ToArray(), new ToleranceComparer(1e-12 * reference.Max(Math.Abs)));
        foreach (var f in new Func<double, double>[] { _ => 1.0, v => v, v => Math.Exp(-3 * v) })
        {
            var expected = Enumerable.Range(0, n).Sum(j => f(reference[j]) * vx[j] * vy[j]);
            var actual = Enumerable.Range(0, n).Sum(j => f(fast.Eigenvalues[j]) * fast.Coordinates[0][j] * fast.Coordinates[1][j]);
            Assert.Equal(expected, actual, 1e-11 * (1 + x.L2Norm() * y.L2Norm()));
        }
    }

    [Fact]
    public void HandlesRepeatedEigenvaluesAndDiagonalMatrices()
    {
        var a = Matrix<double>.Build.DenseOfDiagonalArray([2.0, 2.0, 5.0, 0.0]);
        var x = Vector<double>.Build.DenseOfArray([1.0, -2.0, 3.0, 4.0]);
        var fast = SpectralCoordinates.Of(a, x);
        Assert.Equal(new[] { 0.0, 2.0, 2.0, 5.0 }, fast.Eigenvalues.OrderBy(v => v).ToArray());
        // Σ γ_j c_j² = xᵀAx and Σ c_j² = ‖x‖².
        Assert.Equal(2 + 8 + 45, Enumerable.Range(0, 4).Sum(j => fast.Eigenvalues[j] * fast.Coordinates[0][j] * fast.Coordinates[0][j]), 1e-12);
        Assert.Equal(30, fast.Coordinates[0].Sum(c => c * c), 1e-12);
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double a, double b) => Math.Abs(a - b) <= tolerance;

        public int GetHashCode(double value) => 0;
    }
}
