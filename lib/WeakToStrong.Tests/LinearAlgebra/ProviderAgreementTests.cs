using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;
using MathNet.Numerics.Providers.LinearAlgebra;
using WeakToStrong.LinearAlgebra;
using WeakToStrong.Randomness;
using WeakToStrong.Sweeps;
using static WeakToStrong.Tests.NumericAssert;

namespace WeakToStrong.Tests.LinearAlgebra;

/// <summary>
/// The native and managed providers compute the same quantities on the same inputs, including ill-conditioned and
/// rank-deficient ones. Every tolerance is a perturbation bound: both providers run backward-stable algorithms,
/// i.e. each result is the exact answer for an input perturbed by a relative amount η of order n·ε (asserted
/// separately where it is measurable), so two results differ by at most the sum of the two forward errors, the
/// condition number of the problem times 2η. ε = 2⁻⁵²; κ is the 2-norm condition number, known by construction.
/// </summary>
[Collection(LinearAlgebraProviderCollection.Name)]
public sealed class ProviderAgreementTests
{
    private const double Epsilon = ThinSvd.MachineEpsilon;
    private static readonly MatrixBuilder<double> M = Matrix<double>.Build;
    private static readonly VectorBuilder<double> V = Vector<double>.Build;

    [Theory]
    [InlineData(Transpose.DontTranspose, Transpose.DontTranspose)]
    [InlineData(Transpose.Transpose, Transpose.DontTranspose)]
    [InlineData(Transpose.DontTranspose, Transpose.Transpose)]
    [InlineData(Transpose.Transpose, Transpose.Transpose)]
    public void MatrixProductsWithUpdateAgreeWithinTheInnerProductRoundingBound(Transpose transposeA, Transpose transposeB)
    {
        // C = α·op(A)·op(B) + β·C₀ with entries spread over six orders of magnitude, so that rounding matters.
        const int m = 37, k = 53, n = 29;
        const double alpha = 0.7, beta = -1.3;
        var rng = new RandomStream(100);
        var a = Spread(rng, transposeA == Transpose.DontTranspose ? m : k, transposeA == Transpose.DontTranspose ? k : m);
        var b = Spread(rng, transposeB == Transpose.DontTranspose ? k : n, transposeB == Transpose.DontTranspose ? n : k);
        var c0 = Spread(rng, m, n);
        var native = c0.Clone();
        var managed = c0.Clone();
        Providers.Native.MatrixMultiplyWithUpdate(transposeA, transposeB, alpha, a.AsColumnMajorArray(), a.RowCount, a.ColumnCount, b.AsColumnMajorArray(), b.RowCount, b.ColumnCount, beta, native.AsColumnMajorArray());
        ManagedLinearAlgebraProvider.Instance.MatrixMultiplyWithUpdate(transposeA, transposeB, alpha, a.AsColumnMajorArray(), a.RowCount, a.ColumnCount, b.AsColumnMajorArray(), b.RowCount, b.ColumnCount, beta, managed.AsColumnMajorArray());

        // Each entry is a sum of k + 1 products, computed in any order: |Ĉ − C| ≤ γ_{k+2}(|α||op A||op B| + |β||C₀|)
        // (Higham 2002, §3.5), γ_j = jε/(1 − jε); the two providers differ by at most twice that.
        var opA = transposeA == Transpose.DontTranspose ? a : a.Transpose();
        var opB = transposeB == Transpose.DontTranspose ? b : b.Transpose();
        var magnitude = Under(Providers.Managed, () => (Math.Abs(alpha) * opA.PointwiseAbs() * opB.PointwiseAbs()) + (Math.Abs(beta) * c0.PointwiseAbs()));
        var gamma = (k + 2) * Epsilon / (1 - ((k + 2) * Epsilon));
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < n; j++)
            {
                Assert.True(Math.Abs(native[i, j] - managed[i, j]) <= 2 * gamma * magnitude[i, j], $"C[{i}, {j}]: native {native[i, j]:R}, managed {managed[i, j]:R}, bound {2 * gamma * magnitude[i, j]:G3}");
            }
        }
    }

    [Fact]
    public void AProductWrittenOverOneOfItsFactorsEqualsTheProductIntoAFreshArray()
    {
        var rng = new RandomStream(101);
        var a = rng.NextGaussianMatrix(20, 20);
        var b = rng.NextGaussianMatrix(20, 20);
        var fresh = a.Clone();
        var tmp = a.Clone();
        Providers.Native.MatrixMultiplyWithUpdate(Transpose.DontTranspose, Transpose.DontTranspose, 2.0, a.AsColumnMajorArray(), 20, 20, b.AsColumnMajorArray(), 20, 20, 0.5, fresh.AsColumnMajorArray());
        var overwritten = tmp.AsColumnMajorArray();
        Providers.Native.MatrixMultiplyWithUpdate(Transpose.DontTranspose, Transpose.DontTranspose, 2.0, overwritten, 20, 20, b.AsColumnMajorArray(), 20, 20, 0.5, overwritten);
        Assert.Equal(fresh.AsColumnMajorArray(), overwritten);
    }

    [Theory]
    [InlineData(1e2)]
    [InlineData(1e8)]
    [InlineData(1e12)]
    public void CholeskySolvesAgreeWithinTheConditionNumberBound(double condition)
    {
        const int n = 60;
        var rng = new RandomStream(102);
        var a = SymmetricWithSpectrum(rng, Geometric(n, 1.0, 1.0 / condition));
        var x = rng.NextGaussianVector(n);
        var b = a * x;
        var native = Under(Providers.Native, () => a.Cholesky().Solve(b));
        var managed = Under(Providers.Managed, () => a.Cholesky().Solve(b));
        AssertSolutionsAgree(a, b, native, managed, condition);

        // The factors are interchangeable: a factor from one provider solves correctly in the other.
        var nativeFactor = Under(Providers.Native, a.Cholesky);
        var crossed = Under(Providers.Managed, () => nativeFactor.Solve(b));
        AssertSolutionsAgree(a, b, crossed, managed, condition);
    }

    [Theory]
    [InlineData(1e2)]
    [InlineData(1e8)]
    [InlineData(1e12)]
    public void LuSolvesAndInversesAgreeWithinTheConditionNumberBound(double condition)
    {
        const int n = 50;
        var rng = new RandomStream(103);
        var a = WithSingularValues(rng, n, n, Geometric(n, 1.0, 1.0 / condition));
        var x = rng.NextGaussianVector(n);
        var b = a * x;
        var native = Under(Providers.Native, () => a.Solve(b));
        var managed = Under(Providers.Managed, () => a.Solve(b));
        AssertSolutionsAgree(a, b, native, managed, condition);

        // LU with partial pivoting is backward stable for these matrices (growth factor O(1)); an inverse is n solves,
        // each column within 2κ·n·ε relative to ‖A⁻¹‖ = κ/‖A‖.
        var nativeInverse = Under(Providers.Native, a.Inverse);
        var managedInverse = Under(Providers.Managed, a.Inverse);
        var inverseNorm = condition / a.L2Norm();
        AssertAtMost((nativeInverse - managedInverse).L2Norm(), 2 * condition * n * Epsilon * inverseNorm);

        var nativeFactor = Under(Providers.Native, a.LU);
        var crossed = Under(Providers.Managed, () => nativeFactor.Solve(b));
        AssertSolutionsAgree(a, b, crossed, managed, condition);
    }

    [Theory]
    [InlineData(1e2)]
    [InlineData(1e6)]
    [InlineData(1e10)]
    public void QrLeastSquaresAgreeWithinTheConditionNumberBound(double condition)
    {
        const int rows = 80, columns = 20;
        var rng = new RandomStream(104);
        var design = WithSingularValues(rng, rows, columns, Geometric(columns, 1.0, 1.0 / condition));
        var w = rng.NextGaussianVector(columns);
        var y = design * w;
        var native = Under(Providers.Native, () => LeastSquares.Solve(design, y));
        var managed = Under(Providers.Managed, () => LeastSquares.Solve(design, y));
        // Consistent system (zero residual): Householder QR is backward stable with η of order m·n·ε (Higham 2002,
        // Thm 20.3; observed O(ε)); the forward error of each solution is at most κ·η.
        Assert.True((native - managed).L2Norm() <= 2 * condition * rows * Epsilon * w.L2Norm(), $"difference {(native - managed).L2Norm():G3}");

        // Q, R from either provider are interchangeable, and they agree up to the sign of each column of Q / row of R.
        var nativeQr = Under(Providers.Native, () => design.QR(QRMethod.Thin));
        var managedQr = Under(Providers.Managed, () => design.QR(QRMethod.Thin));
        AssertAtMost(((nativeQr.Q * nativeQr.R) - design).L2Norm(), rows * Epsilon * design.L2Norm());
        AssertAtMost((nativeQr.Q.TransposeThisAndMultiply(nativeQr.Q) - M.DenseIdentity(columns)).L2Norm(), rows * Epsilon);
        for (var j = 0; j < columns; j++)
        {
            var sign = Math.Sign(nativeQr.R[j, j]) * Math.Sign(managedQr.R[j, j]);
            // Row j of R: its diagonal |R_jj| ≥ s_min, and R's rows are determined up to sign to κ·η relative accuracy.
            AssertAtMost(((nativeQr.R.Row(j) * sign) - managedQr.R.Row(j)).L2Norm(), 2 * condition * rows * Epsilon * design.L2Norm());
        }

        var crossed = Under(Providers.Managed, () => nativeQr.Solve(y));
        AssertAtMost((crossed - managed).L2Norm(), 2 * condition * rows * Epsilon * w.L2Norm());
    }

    [Theory]
    [InlineData(40, 25, 6)]
    [InlineData(25, 40, 6)]
    [InlineData(30, 30, 1)]
    public void RankDeficientMinimumNormSolutionsAgreeAndHaveTheExactRank(int rows, int columns, int rank)
    {
        // X = A·B with small integer entries: every product and sum is exact, so X has rank exactly r.
        var rng = new RandomStream(105);
        var a = M.Dense(rows, rank, (_, _) => rng.Next(-3, 4));
        var b = M.Dense(rank, columns, (_, _) => rng.Next(-3, 4));
        var x = Under(Providers.Managed, () => a * b);
        var y = rng.NextGaussianVector(rows);
        Assert.Equal(rank, Under(Providers.Native, () => LeastSquares.NumericalRank(x)));
        Assert.Equal(rank, Under(Providers.Managed, () => LeastSquares.NumericalRank(x)));

        var svd = Under(Providers.Managed, () => ThinSvd.Of(x));
        var conditionOnRange = svd.SingularValues[0] / svd.SingularValues[rank - 1];
        var native = Under(Providers.Native, () => LeastSquares.MinimumNorm(x, y));
        var managed = Under(Providers.Managed, () => LeastSquares.MinimumNorm(x, y));
        // Minimum-norm least squares restricted to the rank-r part: with κ_r = s₁/s_r and residual r,
        // ‖Δw‖/‖w‖ ≤ η(2κ_r + κ_r²‖r‖/(s₁‖w‖)) (Wedin; Higham 2002, Thm 20.1), η = max(m, n)·ε, for each provider.
        var residual = (x * managed - y).L2Norm();
        var bound = 2 * Math.Max(rows, columns) * Epsilon * ((2 * conditionOnRange * managed.L2Norm()) + (conditionOnRange * conditionOnRange * residual / svd.SingularValues[0]));
        Assert.True((native - managed).L2Norm() <= bound, $"difference {(native - managed).L2Norm():G3}, bound {bound:G3}");

        // Both are orthogonal to the null space of X: w = X⁺Xw, with X⁺X = V_r V_rᵀ.
        var rangeBasis = svd.V.SubMatrix(0, columns, 0, rank);
        AssertAtMost((native - (rangeBasis * rangeBasis.TransposeThisAndMultiply(native))).L2Norm(), bound);

        var path = Under(Providers.Native, () => RidgePath.FromData(x, y).Solve(0.0));
        AssertAtMost((path - managed).L2Norm(), bound);
    }

    [Fact]
    public void SymmetricEigendecompositionsAgreeOnEigenvaluesAndOnEigenvectorsOfSeparatedEigenvalues()
    {
        // Spectrum 1, 0.9, …: separated by gaps ≥ 0.01·‖A‖, plus an exact double eigenvalue and exact zeros (rank-deficient PSD).
        const int n = 40;
        var rng = new RandomStream(106);
        var spectrum = Enumerable.Range(0, n).Select(i => i < 30 ? 1.0 - (i * 0.03) : 0.0).ToArray();
        spectrum[29] = spectrum[28];
        var a = SymmetricWithSpectrum(rng, spectrum);
        var native = Under(Providers.Native, () => SymmetricEigendecomposition.Of(a));
        var managed = Under(Providers.Managed, () => SymmetricEigendecomposition.Of(a));
        var norm = 1.0;
        // Weyl: each computed eigenvalue is within ‖E‖₂ ≤ n·ε·‖A‖ of the exact one (backward stability, checked next).
        for (var i = 0; i < n; i++)
        {
            Assert.True(Math.Abs(native.Eigenvalues[i] - managed.Eigenvalues[i]) <= 2 * n * Epsilon * norm, $"λ{i}: {native.Eigenvalues[i]:R} vs {managed.Eigenvalues[i]:R}");
        }

        AssertAtMost((native.Reconstruct() - a).L2Norm(), n * Epsilon * norm);
        AssertAtMost((native.Eigenvectors.TransposeThisAndMultiply(native.Eigenvectors) - M.DenseIdentity(n)).L2Norm(), n * Epsilon);

        // Davis–Kahan: the eigenvector of a simple eigenvalue with gap g moves by an angle ≤ ‖E‖/g; the two
        // providers' vectors are within 2·n·ε·‖A‖/g of each other (up to sign).
        for (var i = 0; i < 28; i++)
        {
            var gap = Enumerable.Range(0, n).Where(j => j != i).Min(j => Math.Abs(spectrum[i] - spectrum[j]));
            // sin θ as the norm of the component of u orthogonal to v (√(1 − cos²θ) would lose half the digits).
            var u = native.Eigenvectors.Column(i);
            var v = managed.Eigenvectors.Column(i);
            var sine = (u - (v * u.DotProduct(v))).L2Norm();
            Assert.True(sine <= 2 * n * Epsilon * norm / gap, $"eigenvector {i}: sin θ = {sine:G3}");
        }

        // The double eigenvalue's eigenspace (gap 0.03 to the rest) agrees as a subspace: ‖P_native − P_managed‖.
        var nativePair = native.Eigenvectors.SubMatrix(0, n, 28, 2);
        var managedPair = managed.Eigenvectors.SubMatrix(0, n, 28, 2);
        var projectorGap = (nativePair.TransposeAndMultiply(nativePair) - managedPair.TransposeAndMultiply(managedPair)).L2Norm();
        AssertAtMost(projectorGap, 2 * n * Epsilon * norm / 0.03);
    }

    [Theory]
    [InlineData(50, 30, 1e3)]
    [InlineData(30, 50, 1e12)]
    public void SingularValuesAgreeWithinWeylsBoundAndBothFactorisationsReconstruct(int rows, int columns, double condition)
    {
        var rng = new RandomStream(107);
        var k = Math.Min(rows, columns);
        var x = WithSingularValues(rng, rows, columns, Geometric(k, 1.0, 1.0 / condition));
        var native = Under(Providers.Native, () => ThinSvd.Of(x));
        var managed = Under(Providers.Managed, () => ThinSvd.Of(x));
        var full = Under(Providers.Native, () => x.Svd(computeVectors: true));
        var fullManaged = Under(Providers.Managed, () => x.Svd(computeVectors: true));
        // Weyl for singular values: each computed s_i is within ‖E‖₂ ≤ max(m, n)·ε·s₁ of the exact one (s₁ = 1 here),
        // so the providers differ by at most twice that, for the small singular values (down to 1/κ) as well.
        var tolerance = 2 * Math.Max(rows, columns) * Epsilon * 1.0;
        for (var i = 0; i < k; i++)
        {
            AssertAtMost(Math.Abs(native.SingularValues[i] - managed.SingularValues[i]), tolerance);
            AssertAtMost(Math.Abs(full.S[i] - fullManaged.S[i]), tolerance);
        }

        // Backward stability: the factors reproduce X and are orthonormal to max(m, n)·ε (‖X‖₂ = 1).
        AssertAtMost(((native.U * M.DenseOfDiagonalVector(native.SingularValues) * native.V.Transpose()) - x).L2Norm(), Math.Max(rows, columns) * Epsilon);
        AssertAtMost(((full.U * full.W * full.VT) - x).L2Norm(), Math.Max(rows, columns) * Epsilon);
        AssertAtMost((full.U.TransposeThisAndMultiply(full.U) - M.DenseIdentity(rows)).L2Norm(), Math.Max(rows, columns) * Epsilon);
        AssertAtMost((full.VT.TransposeAndMultiply(full.VT) - M.DenseIdentity(columns)).L2Norm(), Math.Max(rows, columns) * Epsilon);
    }

    [Fact]
    public void SingularValuesOnlyEqualThoseComputedWithVectors()
    {
        var x = new RandomStream(108).NextGaussianMatrix(30, 20);
        // dgesdd with and without vectors runs different code paths; both are within max(m, n)·ε·s₁ of the exact values.
        var withVectors = Under(Providers.Native, () => x.Svd(computeVectors: true).S);
        var valuesOnly = Under(Providers.Native, () => x.Svd(computeVectors: false).S);
        AssertAtMost((withVectors - valuesOnly).InfinityNorm(), 2 * 30 * Epsilon * withVectors[0]);
    }

    [Fact]
    public void FailuresBecomeClearExceptions()
    {
        // Indefinite: eigenvalues 3 and −1. MathNet's managed provider rejects it with the same exception type.
        var indefinite = M.DenseOfArray(new[,] { { 1.0, 2.0 }, { 2.0, 1.0 } });
        var native = Assert.Throws<ArgumentException>(() => Under(Providers.Native, indefinite.Cholesky));
        Assert.Contains("positive definite", native.Message, StringComparison.Ordinal);
        Assert.Contains("order 2", native.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Under(Providers.Managed, indefinite.Cholesky));

        // Exactly singular: the LU factor has U[1, 1] = 0.
        var singular = M.DenseOfArray(new[,] { { 1.0, 2.0 }, { 2.0, 4.0 } });
        var inverse = Assert.Throws<ArgumentException>(() => Under(Providers.Native, singular.Inverse));
        Assert.Contains("singular", inverse.Message, StringComparison.Ordinal);
        var solve = Assert.Throws<ArgumentException>(() => Under(Providers.Native, () => singular.Solve(V.Dense([1.0, 2.0]))));
        Assert.Contains("U[1, 1]", solve.Message, StringComparison.Ordinal);
        Assert.Equal(0.0, Under(Providers.Native, () => singular.LU().Determinant));
    }

    [Fact]
    public void NonSymmetricEigenproblemsAndSinglePrecisionFallBackToTheManagedProvider()
    {
        var a = M.DenseOfArray(new[,] { { 0.0, 1.0 }, { -2.0, -3.0 } });
        var values = Under(Providers.Native, () => a.Evd().EigenValues).Select(c => c.Real).OrderBy(v => v).ToArray();
        Assert.Equal([-2.0, -1.0], values.Select(v => Math.Round(v, 12)));
        var single = Matrix<float>.Build.DenseOfArray(new[,] { { 1f, 2f }, { 3f, 4f } });
        Assert.Equal(Under(Providers.Managed, () => single * single), Under(Providers.Native, () => single * single));
    }

    [Fact]
    public void NativeResultsInsideASweepAreIdenticalForOneAndTwoSweepThreads()
    {
        // Jobs large enough for OpenBLAS to use its own threads (200³ multiply-adds), run by one and by two sweep
        // workers: every job must give the same bits, as the sweep convention promises for any thread count.
        var grid = ParameterGrid.Create().Vary("n", 150, 200);
        SweepResult Run(int threads) => Under(Providers.Native, () => Sweep.Run(grid, [1, 2, 3], job =>
        {
            var n = job.Integer("n");
            var a = job.Random.NextGaussianMatrix(n, n);
            var eigen = SymmetricEigendecomposition.Of(a.TransposeThisAndMultiply(a));
            var w = LeastSquares.Solve(a, job.Random.NextGaussianVector(n));
            return new { Top = eigen.Eigenvalues[0], Bottom = eigen.Eigenvalues[n - 1], Weight = w[0], Norm = (a * a).FrobeniusNorm() };
        }, new SweepOptions { MaxDegreeOfParallelism = threads }));

        var one = Run(1);
        var two = Run(2);
        foreach (var column in new[] { "Top", "Bottom", "Weight", "Norm" })
        {
            Assert.Equal(one.TrialValues(column), two.TrialValues(column));
        }
    }

    private static void AssertSolutionsAgree(Matrix<double> a, Vector<double> b, Vector<double> first, Vector<double> second, double condition)
    {
        var n = a.RowCount;
        var norm = a.L2Norm();
        foreach (var solution in new[] { first, second })
        {
            // Normwise backward error ‖b − Ax̂‖/(‖A‖‖x̂‖) (Rigal–Gaches): at most n·ε for a backward-stable solve.
            var backward = (b - (a * solution)).L2Norm() / (norm * solution.L2Norm());
            Assert.True(backward <= n * Epsilon, $"backward error {backward:G3}");
        }

        // Forward error of each ≤ κ·(backward error) to first order, so the two differ by at most 2κ·n·ε.
        var difference = (first - second).L2Norm() / second.L2Norm();
        Assert.True(difference <= 2 * condition * n * Epsilon, $"relative difference {difference:G3}, bound {2 * condition * n * Epsilon:G3}");
    }

    private static T Under<T>(ILinearAlgebraProvider provider, Func<T> computation) => Providers.Under(provider, computation);

    private static double[] Geometric(int count, double first, double last) =>
        Enumerable.Range(0, count).Select(i => count == 1 ? first : first * Math.Pow(last / first, i / (double)(count - 1))).ToArray();

    private static Matrix<double> Spread(Random rng, int rows, int columns) =>
        M.Dense(rows, columns, (_, _) => rng.NextGaussian() * Math.Pow(10, (6 * rng.NextDouble()) - 3));

    private static Matrix<double> SymmetricWithSpectrum(Random rng, double[] spectrum) => Under(Providers.Managed, () =>
    {
        var q = rng.NextOrthogonalMatrix(spectrum.Length);
        var a = q * M.DenseOfDiagonalArray(spectrum) * q.Transpose();
        return (a + a.Transpose()) * 0.5;
    });

    private static Matrix<double> WithSingularValues(Random rng, int rows, int columns, double[] singularValues) => Under(Providers.Managed, () =>
    {
        var k = singularValues.Length;
        var u = rng.NextOrthonormalFrame(rows, k);
        var v = rng.NextOrthonormalFrame(columns, k);
        return u * M.DenseOfDiagonalArray(singularValues) * v.Transpose();
    });
}
