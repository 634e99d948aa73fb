using MathNet.Numerics.LinearAlgebra;
using WeakToStrong.IntrinsicDimension;

namespace WeakToStrong.Tests.IntrinsicDimension;

public sealed class CorrelationDimensionTests
{
    private static Matrix<double> Coordinates(int rows, params int[] coordinates)
    {
        var basis = Matrix<double>.Build.Dense(rows, coordinates.Length);
        for (var j = 0; j < coordinates.Length; j++)
        {
            basis[coordinates[j], j] = 1.0;
        }

        return basis;
    }

    [Fact]
    public void CoordinateSubspacesGiveTheirOverlapCount()
    {
        var strong = Coordinates(30, Enumerable.Range(0, 10).ToArray());
        var weak = Coordinates(30, Enumerable.Range(5, 20).ToArray());
        var overlap = CorrelationDimension.Between(strong, weak);
        Assert.Equal(5.0, overlap.Value, 1e-15);
        Assert.Equal(new[] { 1.0, 1, 1, 1, 1, 0, 0, 0, 0, 0 }, overlap.Cosines.Select(c => Math.Round(c, 12)));
        Assert.Equal(10, overlap.StrongDimension);
        Assert.Equal(20, overlap.WeakDimension);
    }

    [Fact]
    public void RotationByAKnownAngleGivesOnePlusCosineSquared()
    {
        // V_s = span(e0, e1); V_w = span(e0, cos θ e1 + sin θ e2): canonical angles 0 and θ, so d_{s∧w} = 1 + cos²θ.
        var theta = Math.PI / 3; // cos²θ = 1/4
        var strong = Coordinates(3, 0, 1);
        var weak = Matrix<double>.Build.DenseOfArray(new[,] { { 1.0, 0 }, { 0, Math.Cos(theta) }, { 0, Math.Sin(theta) } });
        var overlap = CorrelationDimension.Between(strong, weak);
        Assert.Equal(1.25, overlap.Value, 1e-15);
        Assert.Equal(0.0, overlap.CanonicalAngles[0], 1e-7);
        Assert.Equal(theta, overlap.CanonicalAngles[1], 1e-12);
    }

    [Fact]
    public void TwoPlanesRotatedByDifferentAnglesSumTheirCosinesSquared()
    {
        // V_w = span(cos a e0 + sin a e2, cos b e1 + sin b e3): cos² a + cos² b = 3/4 + 1/4 = 1 for a = π/6, b = π/3.
        double a = Math.PI / 6, b = Math.PI / 3;
        var weak = Matrix<double>.Build.DenseOfArray(new[,]
        {
            { Math.Cos(a), 0 }, { 0, Math.Cos(b) }, { Math.Sin(a), 0 }, { 0, Math.Sin(b) },
        });
        var overlap = CorrelationDimension.Between(Coordinates(4, 0, 1), weak);
        Assert.Equal(1.0, overlap.Value, 1e-15);
        Assert.Equal(new[] { a, b }, overlap.CanonicalAngles.Select(x => Math.Round(x, 12)).ToArray(), new RoundedComparer(12));
    }

    [Fact]
    public void ValueIsInvariantUnderRotationsWithinEachSubspace()
    {
        var strong = GaussianFeatureModel.RandomOrthonormalBasis(30, 10, seed: 1);
        var weak = GaussianFeatureModel.RandomOrthonormalBasis(30, 20, seed: 2);
        var rotateStrong = GaussianFeatureModel.RandomOrthonormalBasis(10, 10, seed: 3);
        var rotateWeak = GaussianFeatureModel.RandomOrthonormalBasis(20, 20, seed: 4);
        var original = CorrelationDimension.Between(strong, weak);
        var rotated = CorrelationDimension.Between(strong * rotateStrong, weak * rotateWeak);
        Assert.Equal(original.Value, rotated.Value, 1e-12);
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(original.Cosines[i], rotated.Cosines[i], 1e-12);
        }

        // ‖V_sᵀV_w‖_F² = Σcos²θ_i (Frobenius sum against the singular values).
        Assert.Equal(original.Value, original.Cosines.Sum(c => c * c), 1e-12);
        // For random subspaces E[d_{s∧w}] = d_s·d_w/D = 20/3; the value must lie strictly inside (0, 10).
        Assert.InRange(original.Value, 0.5, 9.5);
    }

    [Fact]
    public void NonOrthonormalBasisIsRejected()
    {
        var weak = Coordinates(4, 0, 1) * 2.0;
        var error = Assert.Throws<ArgumentException>(() => CorrelationDimension.Between(Coordinates(4, 0, 1), weak));
        Assert.Equal("weakBasis", error.ParamName);
        Assert.Contains("orthonormal", error.Message);
    }

    [Fact]
    public void BasesOfDifferentSpacesAreRejected()
    {
        var error = Assert.Throws<ArgumentException>(() => CorrelationDimension.Between(Coordinates(4, 0), Coordinates(5, 0)));
        Assert.Equal("weakBasis", error.ParamName);
    }

    [Fact]
    public void FeatureMapsSpanningRotatedCoordinateSubspacesGiveTheirOverlap()
    {
        // F_s = Z·diag(1_S)·O and F_w = Z·diag(1_W)·O with S = 0..9, W = 5..24 in R^30 and a common rotation O:
        // the top eigen-subspaces are Oᵀspan(e_S) and Oᵀspan(e_W), whose correlation dimension is 5.
        var n = 2000;
        var z = Matrix<double>.Build.Random(n, 30, new MathNet.Numerics.Distributions.Normal(0, 1, new Random(5)));
        var rotation = GaussianFeatureModel.RandomOrthonormalBasis(30, 30, seed: 6);
        var strongMask = Matrix<double>.Build.DiagonalOfDiagonalArray(Enumerable.Range(0, 30).Select(i => i < 10 ? 1.0 : 0.0).ToArray());
        var weakMask = Matrix<double>.Build.DiagonalOfDiagonalArray(Enumerable.Range(0, 30).Select(i => i is >= 5 and < 25 ? 1.0 : 0.0).ToArray());
        var overlap = CorrelationDimension.BetweenFeatureMaps(z * strongMask * rotation, z * weakMask * rotation);
        Assert.Equal(10, overlap.StrongDimension);
        Assert.Equal(20, overlap.WeakDimension);
        Assert.Equal(5.0, overlap.Value, 1e-9);
    }

    [Fact]
    public void WiderFeatureMapIsProjectedToTheNarrowerWidth()
    {
        // Strong: isotropic in width 10, so V_s is all of R^10 (d_s = 10). Weak: rank 4 in width 40 with equal
        // eigenvalues (d_w = 4). After the Gaussian projection to width 10 its top-4 subspace lies inside V_s = R^10,
        // so d_{s∧w} = 4 whatever the projection.
        var n = 2000;
        var normal = new MathNet.Numerics.Distributions.Normal(0, 1, new Random(7));
        var strong = Matrix<double>.Build.Random(n, 10, normal);
        var weak = Matrix<double>.Build.Random(n, 4, normal) * GaussianFeatureModel.RandomOrthonormalBasis(40, 4, seed: 8).Transpose();
        var overlap = CorrelationDimension.BetweenFeatureMaps(strong, weak);
        Assert.Equal(10, overlap.StrongDimension);
        Assert.Equal(4, overlap.WeakDimension);
        Assert.Equal(4.0, overlap.Value, 1e-9);
        // Swapping the roles projects the other map: the weak side (width 10) is then all of R^10.
        var swapped = CorrelationDimension.BetweenFeatureMaps(weak, strong);
        Assert.Equal(4.0, swapped.Value, 1e-9);
    }

    [Fact]
    public void FeatureMapsOnDifferentInputsAreRejected()
    {
        var error = Assert.Throws<ArgumentException>(() => CorrelationDimension.BetweenFeatureMaps(
            Matrix<double>.Build.Dense(10, 3, 1.0), Matrix<double>.Build.Dense(11, 3, 1.0)));
        Assert.Equal("weakFeatures", error.ParamName);
    }

    private sealed class RoundedComparer(int digits) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Round(x, digits) == Math.Round(y, digits);

        public int GetHashCode(double obj) => Math.Round(obj, digits).GetHashCode();
    }
}
