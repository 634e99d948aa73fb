using MathNet.Numerics.LinearAlgebra;
using WeakToStrong.Randomness;
using static WeakToStrong.Tests.NumericAssert;

namespace WeakToStrong.Tests.Randomness;

public sealed class RandomDrawsTests
{
    [Fact]
    public void GaussianEntriesHaveMeanZeroAndUnitVariance()
    {
        var x = new RandomStream(11).NextGaussianMatrix(400, 250);
        var values = x.Enumerate().ToArray();
        var n = values.Length;
        var mean = values.Average();
        var variance = values.Select(v => (v - mean) * (v - mean)).Sum() / (n - 1);
        // se(mean) = 1/sqrt(n); se(sample variance) = sqrt(2/n) for Gaussian data; allow 5 se.
        Assert.InRange(mean, -5 / Math.Sqrt(n), 5 / Math.Sqrt(n));
        Assert.InRange(variance, 1 - (5 * Math.Sqrt(2.0 / n)), 1 + (5 * Math.Sqrt(2.0 / n)));
    }

    [Fact]
    public void GaussianStandardDeviationScalesTheDraw()
    {
        var unit = new RandomStream(3).NextGaussianVector(50);
        var scaled = new RandomStream(3).NextGaussianVector(50, 2.5);
        AssertBelow((scaled - (2.5 * unit)).InfinityNorm(), 1e-12);
    }

    [Fact]
    public void SphereSamplesHaveUnitNormAndMeanZero()
    {
        const int n = 20_000;
        const int d = 5;
        var points = new RandomStream(4).NextUnitVectors(n, d);
        for (var i = 0; i < n; i++)
        {
            Assert.Equal(1.0, points.Row(i).L2Norm(), 12);
        }

        // Each coordinate of Unif(S^{d−1}) has mean 0 and variance 1/d, so the sample mean has se = sqrt(1/(d n)).
        var se = Math.Sqrt(1.0 / (d * n));
        for (var j = 0; j < d; j++)
        {
            var column = points.Column(j);
            Assert.InRange(column.Average(), -5 * se, 5 * se);
            // E[x_j²] = 1/d exactly; x_j² ∈ [0, 1] has variance ≤ E[x_j⁴] = 3/(d(d+2)).
            var meanSquare = column.Select(v => v * v).Average();
            var seSquare = Math.Sqrt(3.0 / (d * (d + 2)) / n);
            Assert.InRange(meanSquare, (1.0 / d) - (5 * seSquare), (1.0 / d) + (5 * seSquare));
        }
    }

    [Fact]
    public void RademacherSignsAreBalanced()
    {
        const int n = 100_000;
        var signs = new RandomStream(6).NextRademacherVector(n);
        Assert.All(signs, s => Assert.True(s == 1.0 || s == -1.0));
        Assert.InRange(signs.Average(), -5 / Math.Sqrt(n), 5 / Math.Sqrt(n));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(6)]
    [InlineData(40)]
    public void OrthogonalMatricesSatisfyQtQEqualsIdentity(int d)
    {
        var q = new RandomStream(8, d).NextOrthogonalMatrix(d);
        var identity = Matrix<double>.Build.DenseIdentity(d);
        AssertBelow((q.TransposeThisAndMultiply(q) - identity).InfinityNorm(), 1e-12);
        AssertBelow((q.TransposeAndMultiply(q) - identity).InfinityNorm(), 1e-12);
    }

    [Fact]
    public void FramesHaveOrthonormalColumnsAndTheSignFixedFirstColumn()
    {
        const int d = 12;
        const int k = 4;
        var frame = new RandomStream(9).NextOrthonormalFrame(d, k);
        Assert.Equal(d, frame.RowCount);
        Assert.Equal(k, frame.ColumnCount);
        AssertBelow((frame.TransposeThisAndMultiply(frame) - Matrix<double>.Build.DenseIdentity(k)).InfinityNorm(), 1e-12);

        // With diag R > 0, the first column of Q is the first Gaussian column normalised (Gram–Schmidt),
        // which is exactly uniform on the sphere: the Haar property the sign fix guarantees.
        var gaussian = new RandomStream(9).NextGaussianMatrix(d, k);
        var expected = gaussian.Column(0) / gaussian.Column(0).L2Norm();
        AssertBelow((frame.Column(0) - expected).InfinityNorm(), 1e-12);
    }

    [Fact]
    public void HaarEntriesHaveMeanZeroAndVarianceOneOverD()
    {
        const int d = 4;
        const int draws = 4000;
        var stream = new RandomStream(10);
        var entries = Enumerable.Range(0, draws).Select(_ => stream.NextOrthogonalMatrix(d)[1, 2]).ToArray();
        // Every entry of a Haar orthogonal matrix is a coordinate of a uniform unit vector: mean 0, variance 1/d.
        var se = Math.Sqrt(1.0 / (d * draws));
        Assert.InRange(entries.Average(), -5 * se, 5 * se);
        var seSquare = Math.Sqrt(3.0 / (d * (d + 2)) / draws);
        Assert.InRange(entries.Select(v => v * v).Average(), (1.0 / d) - (5 * seSquare), (1.0 / d) + (5 * seSquare));
    }

    [Fact]
    public void DrawsAreReproducibleFromTheSeed()
    {
        var a = new RandomStream(12, 1).NextGaussianMatrix(7, 3);
        var b = new RandomStream(12, 1).NextGaussianMatrix(7, 3);
        Assert.Equal(a.ToColumnMajorArray(), b.ToColumnMajorArray());
    }
}
