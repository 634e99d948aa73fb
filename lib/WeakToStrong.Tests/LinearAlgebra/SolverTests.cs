using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Providers.LinearAlgebra;
using WeakToStrong.LinearAlgebra;
using WeakToStrong.Randomness;
using static WeakToStrong.Tests.NumericAssert;

namespace WeakToStrong.Tests.LinearAlgebra;

/// <summary>
/// The solver tests, run once per linear-algebra provider by the derived classes <see cref="ManagedSolverTests"/>
/// and <see cref="NativeSolverTests"/>. Each test installs its provider in MathNet's global
/// <c>LinearAlgebraControl.Provider</c> for its duration, so these classes share the non-parallel
/// <see cref="LinearAlgebraProviderCollection"/>.
/// </summary>
public abstract class SolverTests : ProviderScope
{
    private static readonly MatrixBuilder<double> M = Matrix<double>.Build;
    private static readonly VectorBuilder<double> V = Vector<double>.Build;

    protected SolverTests(ILinearAlgebraProvider provider)
        : base(provider)
    {
    }

    [Fact]
    public void LeastSquaresRecoversTheWeightsOfAConsistentSystem()
    {
        var rng = new RandomStream(1);
        var x = rng.NextGaussianMatrix(30, 6);
        var w = rng.NextGaussianVector(6);
        var solved = LeastSquares.Solve(x, x * w);
        AssertBelow((solved - w).InfinityNorm(), 1e-12);
    }

    [Fact]
    public void QrAndSvdAgreeOnFullRankNoisyProblemsAndSatisfyTheNormalEquations()
    {
        var rng = new RandomStream(2);
        var x = rng.NextGaussianMatrix(40, 8);
        var y = rng.NextGaussianVector(40);
        var qr = LeastSquares.Solve(x, y);
        var svd = LeastSquares.MinimumNorm(x, y);
        AssertBelow((qr - svd).InfinityNorm(), 1e-12);
        AssertBelow(x.TransposeThisAndMultiply((x * qr) - y).InfinityNorm(), 1e-11);
    }

    [Fact]
    public void MinimumNormSolutionOfAWideSystemInterpolatesAndHasNoNullSpaceComponent()
    {
        var rng = new RandomStream(3);
        var x = rng.NextGaussianMatrix(5, 20);
        var y = rng.NextGaussianVector(5);
        var w = LeastSquares.MinimumNorm(x, y);
        AssertBelow(((x * w) - y).InfinityNorm(), 1e-12);
        // Independent closed form for full row rank: w = Xᵀ(XXᵀ)⁻¹y, which lies in the row space.
        var expected = x.TransposeThisAndMultiply(x.TransposeAndMultiply(x).Solve(y));
        AssertBelow((w - expected).InfinityNorm(), 1e-12);
        // Null-space component: (I − X⁺X)w with X⁺X the projector onto the row space.
        var rowSpaceProjector = x.TransposeThisAndMultiply(x.TransposeAndMultiply(x).Inverse()) * x;
        AssertBelow((w - (rowSpaceProjector * w)).InfinityNorm(), 1e-12);
    }

    [Fact]
    public void MinimumNormSplitsWeightEquallyBetweenDuplicatedColumns()
    {
        // X = [a, a, b] with y = 2a + b: every w with w₁ + w₂ = 2, w₃ = 1 fits; the shortest is (1, 1, 1).
        var rng = new RandomStream(4);
        var a = rng.NextGaussianVector(10);
        var b = rng.NextGaussianVector(10);
        var x = M.DenseOfColumnVectors(a, a, b);
        var w = LeastSquares.MinimumNorm(x, (2 * a) + b);
        AssertBelow((w - V.Dense([1.0, 1.0, 1.0])).InfinityNorm(), 1e-12);
        Assert.Equal(2, LeastSquares.NumericalRank(x));
    }

    [Fact]
    public void QrSolveRejectsRankDeficientDesigns()
    {
        var a = new RandomStream(5).NextGaussianVector(10);
        var x = M.DenseOfColumnVectors(a, a);
        var error = Assert.Throws<ArgumentException>(() => LeastSquares.Solve(x, a));
        Assert.Equal("design", error.ParamName);
        Assert.Contains("rank-deficient", error.Message);
    }

    [Theory]
    [InlineData(12, 5)]
    [InlineData(5, 12)]
    public void ThinSvdReconstructsTheMatrixWithOrthonormalFactors(int rows, int columns)
    {
        var x = new RandomStream(6).NextGaussianMatrix(rows, columns);
        var svd = ThinSvd.Of(x);
        var r = Math.Min(rows, columns);
        Assert.Equal(r, svd.SingularValues.Count);
        AssertBelow((svd.U * M.DenseOfDiagonalVector(svd.SingularValues) * svd.V.Transpose() - x).InfinityNorm(), 1e-12);
        AssertBelow((svd.U.TransposeThisAndMultiply(svd.U) - M.DenseIdentity(r)).InfinityNorm(), 1e-12);
        AssertBelow((svd.V.TransposeThisAndMultiply(svd.V) - M.DenseIdentity(r)).InfinityNorm(), 1e-12);
        Assert.Equal(Math.Max(rows, columns) * ThinSvd.MachineEpsilon * svd.SingularValues[0], svd.RankTolerance);
    }

    [Fact]
    public void RidgeMatchesTheOneDimensionalClosedForm()
    {
        // x = (1, 2, 3), y = (1, 2, 2): xᵀy = 11, xᵀx = 14, so w_λ = 11/(14 + λ); at λ = 1, 11/15.
        var x = M.DenseOfColumnArrays([1.0, 2.0, 3.0]);
        var y = V.Dense([1.0, 2.0, 2.0]);
        Assert.Equal(11.0 / 15.0, Ridge.Solve(x, y, 1.0)[0], 14);
        Assert.Equal(11.0 / 15.0, RidgePath.FromData(x, y).Solve(1.0)[0], 14);
    }

    [Theory]
    [InlineData(30, 8)]
    [InlineData(8, 30)]
    public void RidgeCholeskyEqualsTheExplicitFormulaAndBothEigenPaths(int n, int d)
    {
        var rng = new RandomStream(7);
        var x = rng.NextGaussianMatrix(n, d);
        var y = rng.NextGaussianVector(n);
        var fromData = RidgePath.FromData(x, y);
        var fromNormal = RidgePath.FromNormalEquations(x.TransposeThisAndMultiply(x), x.TransposeThisAndMultiply(y));
        foreach (var lambda in new[] { 1e-3, 0.1, 1.0, 10.0, 1e3 })
        {
            var explicitSolution = (x.TransposeThisAndMultiply(x) + (lambda * M.DenseIdentity(d))).Inverse() * x.TransposeThisAndMultiply(y);
            var cholesky = Ridge.Solve(x, y, lambda);
            var scale = explicitSolution.L2Norm();
            AssertBelow((cholesky - explicitSolution).L2Norm(), 1e-9 * scale);
            AssertBelow((fromData.Solve(lambda) - cholesky).L2Norm(), 1e-10 * scale);
            AssertBelow((fromNormal.Solve(lambda) - cholesky).L2Norm(), 1e-10 * scale);
        }

        var many = fromData.Solve([0.1, 1.0]);
        AssertBelow((many.Column(1) - Ridge.Solve(x, y, 1.0)).L2Norm(), 1e-10);
    }

    [Fact]
    public void RidgeTendsToLeastSquaresAsLambdaTendsToZero()
    {
        var rng = new RandomStream(8);
        var x = rng.NextGaussianMatrix(25, 6);
        var y = rng.NextGaussianVector(25);
        var ls = LeastSquares.Solve(x, y);
        var previous = double.PositiveInfinity;
        foreach (var lambda in new[] { 1.0, 1e-2, 1e-4, 1e-6 })
        {
            var gap = (Ridge.Solve(x, y, lambda) - ls).L2Norm();
            AssertBelow(gap, previous);
            previous = gap;
        }

        AssertBelow(previous, 1e-6 * ls.L2Norm());
    }

    [Fact]
    public void RidgePathAtZeroIsTheMinimumNormSolution()
    {
        var rng = new RandomStream(9);
        var x = rng.NextGaussianMatrix(6, 15);
        var y = rng.NextGaussianVector(6);
        var minimumNorm = LeastSquares.MinimumNorm(x, y);
        AssertBelow((RidgePath.FromData(x, y).Solve(0.0) - minimumNorm).InfinityNorm(), 1e-12);
        AssertBelow((RidgePath.FromNormalEquations(x.TransposeThisAndMultiply(x), x.TransposeThisAndMultiply(y)).Solve(0.0) - minimumNorm).InfinityNorm(), 1e-9);
    }

    [Fact]
    public void SymmetricEigendecompositionIsSortedDescendingAndReconstructs()
    {
        // [[2, 1], [1, 2]] has eigenvalues 3 and 1 with eigenvectors (1, 1)/√2 and (1, −1)/√2.
        var eigen = SymmetricEigendecomposition.Of(M.DenseOfArray(new[,] { { 2.0, 1.0 }, { 1.0, 2.0 } }));
        Assert.Equal(3.0, eigen.Eigenvalues[0], 14);
        Assert.Equal(1.0, eigen.Eigenvalues[1], 14);
        Assert.Equal(1 / Math.Sqrt(2), Math.Abs(eigen.Eigenvectors[0, 0]), 14);
        Assert.Equal(eigen.Eigenvectors[0, 0], eigen.Eigenvectors[1, 0], 14);

        var a = new RandomStream(10).NextGaussianMatrix(9, 9);
        var symmetric = a + a.Transpose();
        var big = SymmetricEigendecomposition.Of(symmetric);
        for (var k = 1; k < 9; k++)
        {
            Assert.True(big.Eigenvalues[k - 1] >= big.Eigenvalues[k]);
        }

        AssertBelow((big.Reconstruct() - symmetric).InfinityNorm(), 1e-12);
        var square = big.Apply(v => v * v);
        AssertBelow((square - (symmetric * symmetric)).InfinityNorm(), 1e-11);
    }

    [Fact]
    public void EigendecompositionRejectsNonSymmetricMatrices()
    {
        var error = Assert.Throws<ArgumentException>(() => SymmetricEigendecomposition.Of(M.DenseOfArray(new[,] { { 1.0, 2.0 }, { 0.0, 1.0 } })));
        Assert.Equal("matrix", error.ParamName);
        Assert.Contains("not symmetric", error.Message);
    }
}
