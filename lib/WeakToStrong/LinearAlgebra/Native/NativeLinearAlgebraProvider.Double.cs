using System.Globalization;
using System.Numerics;
using MathNet.Numerics;
using MathNet.Numerics.LinearAlgebra.Factorization;
using MathNet.Numerics.Providers.LinearAlgebra;

namespace WeakToStrong.LinearAlgebra.Native;

/// <summary>
/// Element type double: products, LU, Cholesky, QR, SVD and symmetric eigendecomposition in native BLAS/LAPACK;
/// element-wise operations, norms and non-symmetric eigenproblems in MathNet's managed code. LAPACK's info codes
/// become exceptions: an illegal argument is a bug (<see cref="InvalidOperationException"/>), a matrix that is not
/// positive definite gives the <see cref="ArgumentException"/> the managed provider gives, an exactly singular LU
/// factor in an inverse or solve gives an <see cref="ArgumentException"/>, and an iteration that does not converge
/// gives MathNet's <see cref="NonConvergenceException"/>.
/// </summary>
public sealed unsafe partial class NativeLinearAlgebraProvider : ILinearAlgebraProvider<double>
{
    private const byte NoTranspose = (byte)'N';
    private const byte TransposeFlag = (byte)'T';
    private const byte Lower = (byte)'L';
    private const byte Upper = (byte)'U';

    /// <inheritdoc/>
    public void AddVectorToScaledVector(double[] y, double alpha, double[] x, double[] result) => Managed.AddVectorToScaledVector(y, alpha, x, result);

    /// <inheritdoc/>
    public void ScaleArray(double alpha, double[] x, double[] result) => Managed.ScaleArray(alpha, x, result);

    /// <inheritdoc/>
    public void ConjugateArray(double[] x, double[] result) => Managed.ConjugateArray(x, result);

    /// <inheritdoc/>
    public double DotProduct(double[] x, double[] y) => Managed.DotProduct(x, y);

    /// <inheritdoc/>
    public void AddArrays(double[] x, double[] y, double[] result) => Managed.AddArrays(x, y, result);

    /// <inheritdoc/>
    public void SubtractArrays(double[] x, double[] y, double[] result) => Managed.SubtractArrays(x, y, result);

    /// <inheritdoc/>
    public void PointWiseMultiplyArrays(double[] x, double[] y, double[] result) => Managed.PointWiseMultiplyArrays(x, y, result);

    /// <inheritdoc/>
    public void PointWiseDivideArrays(double[] x, double[] y, double[] result) => Managed.PointWiseDivideArrays(x, y, result);

    /// <inheritdoc/>
    public void PointWisePowerArrays(double[] x, double[] y, double[] result) => Managed.PointWisePowerArrays(x, y, result);

    /// <inheritdoc/>
    public double MatrixNorm(Norm norm, int rows, int columns, double[] matrix) => Managed.MatrixNorm(norm, rows, columns, matrix);

    /// <summary>result = x·y (dgemm).</summary>
    /// <inheritdoc/>
    public void MatrixMultiply(double[] x, int rowsX, int columnsX, double[] y, int rowsY, int columnsY, double[] result) =>
        MatrixMultiplyWithUpdate(Transpose.DontTranspose, Transpose.DontTranspose, 1.0, x, rowsX, columnsX, y, rowsY, columnsY, 0.0, result);

    /// <summary>c = α·op(a)·op(b) + β·c (dgemm); a c that is the same array as a or b is computed in a copy first.</summary>
    /// <inheritdoc/>
    public void MatrixMultiplyWithUpdate(Transpose transposeA, Transpose transposeB, double alpha, double[] a, int rowsA, int columnsA, double[] b, int rowsB, int columnsB, double beta, double[] c)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(c);
        var transA = transposeA != Transpose.DontTranspose;
        var transB = transposeB != Transpose.DontTranspose;
        var m = transA ? columnsA : rowsA;
        var k = transA ? rowsA : columnsA;
        var kB = transB ? columnsB : rowsB;
        var n = transB ? rowsB : columnsB;
        CheckLength(a, rowsA, columnsA, nameof(a));
        CheckLength(b, rowsB, columnsB, nameof(b));
        if (k != kB)
        {
            throw new ArgumentOutOfRangeException(nameof(b), Invariant($"op(a) is {m}×{k} but op(b) is {kB}×{n}; expected the inner dimensions to agree"));
        }

        if (c.Length != m * n)
        {
            throw new ArgumentOutOfRangeException(nameof(c), Invariant($"c has length {c.Length}; expected {m}·{n} = {m * n}"));
        }

        if (m == 0 || n == 0)
        {
            return;
        }

        if (ReferenceEquals(c, a) || ReferenceEquals(c, b))
        {
            var separate = (double[])c.Clone();
            MatrixMultiplyWithUpdate(transposeA, transposeB, alpha, a, rowsA, columnsA, b, rowsB, columnsB, beta, separate);
            Array.Copy(separate, c, c.Length);
            return;
        }

        var ta = transA ? TransposeFlag : NoTranspose;
        var tb = transB ? TransposeFlag : NoTranspose;
        var lda = Math.Max(1, rowsA);
        var ldb = Math.Max(1, rowsB);
        var ldc = m;
        using var ba = AlignedBuffer.Input(a);
        using var bb = AlignedBuffer.Input(b);
        using var bc = AlignedBuffer.InputOutput(c);
        using (EnterNativeCall())
        {
            _library.Dgemm(&ta, &tb, &m, &n, &k, &alpha, ba.Pointer, &lda, bb.Pointer, &ldb, &beta, bc.Pointer, &ldc, 1, 1);
        }
    }

    /// <summary>In-place LU factorisation PA = LU (dgetrf); <paramref name="ipiv"/> is returned zero-based, as MathNet stores it. An exactly singular U is not an error here (its determinant is 0).</summary>
    /// <inheritdoc/>
    public void LUFactor(double[] data, int order, int[] ipiv)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(ipiv);
        CheckLength(data, order, order, nameof(data));
        CheckLength(ipiv, order, nameof(ipiv));
        if (order == 0)
        {
            return;
        }

        Getrf(data, order, ipiv);
        for (var i = 0; i < order; i++)
        {
            ipiv[i]--;
        }
    }

    /// <summary>In-place inverse by dgetrf + dgetri.</summary>
    /// <inheritdoc/>
    public void LUInverse(double[] a, int order)
    {
        ArgumentNullException.ThrowIfNull(a);
        CheckLength(a, order, order, nameof(a));
        if (order == 0)
        {
            return;
        }

        var ipiv = new int[order];
        ThrowIfSingular("dgetrf", Getrf(a, order, ipiv));
        Getri(a, order, ipiv);
    }

    /// <summary>In-place inverse from a MathNet LU factorisation (dgetri).</summary>
    /// <inheritdoc/>
    public void LUInverseFactored(double[] a, int order, int[] ipiv)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(ipiv);
        CheckLength(a, order, order, nameof(a));
        CheckLength(ipiv, order, nameof(ipiv));
        if (order == 0)
        {
            return;
        }

        Getri(a, order, OneBased(ipiv));
    }

    /// <summary>b ← a⁻¹b by dgetrf (on a copy of a) + dgetrs.</summary>
    /// <inheritdoc/>
    public void LUSolve(int columnsOfB, double[] a, int order, double[] b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        CheckLength(a, order, order, nameof(a));
        CheckLength(b, order, columnsOfB, nameof(b));
        if (order == 0 || columnsOfB == 0)
        {
            return;
        }

        var factor = (double[])a.Clone();
        var ipiv = new int[order];
        ThrowIfSingular("dgetrf", Getrf(factor, order, ipiv));
        Getrs(factor, order, ipiv, b, columnsOfB);
    }

    /// <summary>b ← a⁻¹b from a MathNet LU factorisation (dgetrs); an exactly zero pivot of U is rejected rather than producing infinities.</summary>
    /// <inheritdoc/>
    public void LUSolveFactored(int columnsOfB, double[] a, int order, int[] ipiv, double[] b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(ipiv);
        ArgumentNullException.ThrowIfNull(b);
        CheckLength(a, order, order, nameof(a));
        CheckLength(ipiv, order, nameof(ipiv));
        CheckLength(b, order, columnsOfB, nameof(b));
        if (order == 0 || columnsOfB == 0)
        {
            return;
        }

        for (var k = 0; k < order; k++)
        {
            if (a[(k * order) + k] == 0.0)
            {
                ThrowIfSingular("dgetrs", k + 1);
            }
        }

        Getrs(a, order, OneBased(ipiv), b, columnsOfB);
    }

    /// <summary>In-place Cholesky factor A = LLᵀ (dpotrf, lower); the strict upper triangle is zeroed, as MathNet stores L.</summary>
    /// <inheritdoc/>
    public void CholeskyFactor(double[] a, int order)
    {
        ArgumentNullException.ThrowIfNull(a);
        CheckLength(a, order, order, nameof(a));
        if (order == 0)
        {
            return;
        }

        Potrf(a, order);
        for (var j = 1; j < order; j++)
        {
            Array.Clear(a, j * order, j);
        }
    }

    /// <summary>b ← a⁻¹b by dpotrf (on a copy of a) + dpotrs.</summary>
    /// <inheritdoc/>
    public void CholeskySolve(double[] a, int orderA, double[] b, int columnsB)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        CheckLength(a, orderA, orderA, nameof(a));
        CheckLength(b, orderA, columnsB, nameof(b));
        if (orderA == 0 || columnsB == 0)
        {
            return;
        }

        var factor = (double[])a.Clone();
        Potrf(factor, orderA);
        Potrs(factor, orderA, b, columnsB);
    }

    /// <summary>b ← (LLᵀ)⁻¹b from a Cholesky factor L (dpotrs).</summary>
    /// <inheritdoc/>
    public void CholeskySolveFactored(double[] a, int orderA, double[] b, int columnsB)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        CheckLength(a, orderA, orderA, nameof(a));
        CheckLength(b, orderA, columnsB, nameof(b));
        if (orderA == 0 || columnsB == 0)
        {
            return;
        }

        Potrs(a, orderA, b, columnsB);
    }

    /// <summary>
    /// Full QR: <paramref name="r"/> (m×n) is overwritten by R (zeros below the diagonal) and <paramref name="q"/>
    /// (m×m) receives the explicit orthogonal Q (dgeqrf + dorgqr).
    /// </summary>
    /// <inheritdoc/>
    public void QRFactor(double[] r, int rowsR, int columnsR, double[] q, double[] tau)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(q);
        ArgumentNullException.ThrowIfNull(tau);
        var m = rowsR;
        var n = columnsR;
        var k = Math.Min(m, n);
        CheckLength(r, m, n, nameof(r));
        CheckLength(q, m, m, nameof(q));
        if (tau.Length < k)
        {
            throw new ArgumentOutOfRangeException(nameof(tau), Invariant($"tau has length {tau.Length}; expected at least min(m, n) = {k}"));
        }

        if (m == 0 || n == 0)
        {
            return;
        }

        Geqrf(r, m, n, tau);
        Array.Clear(q);
        for (var j = 0; j < k; j++)
        {
            Array.Copy(r, (j * m) + j + 1, q, (j * m) + j + 1, m - j - 1);
            Array.Clear(r, (j * m) + j + 1, m - j - 1);
        }

        Orgqr(q, m, m, k, tau);
    }

    /// <summary>
    /// Thin QR of an m×n matrix with m ≥ n: <paramref name="q"/> (the matrix on entry) becomes the m×n Q with
    /// orthonormal columns and <paramref name="r"/> the n×n upper-triangular R (dgeqrf + dorgqr). Wide matrices
    /// (m &lt; n) are left to the managed provider.
    /// </summary>
    /// <inheritdoc/>
    public void ThinQRFactor(double[] q, int rowsA, int columnsA, double[] r, double[] tau)
    {
        ArgumentNullException.ThrowIfNull(q);
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(tau);
        var m = rowsA;
        var n = columnsA;
        if (m < n)
        {
            Managed.ThinQRFactor(q, rowsA, columnsA, r, tau);
            return;
        }

        CheckLength(q, m, n, nameof(q));
        CheckLength(r, n, n, nameof(r));
        if (tau.Length < n)
        {
            throw new ArgumentOutOfRangeException(nameof(tau), Invariant($"tau has length {tau.Length}; expected at least min(m, n) = {n}"));
        }

        if (n == 0)
        {
            return;
        }

        Geqrf(q, m, n, tau);
        Array.Clear(r);
        for (var j = 0; j < n; j++)
        {
            Array.Copy(q, j * m, r, j * n, j + 1);
        }

        Orgqr(q, m, n, n, tau);
    }

    /// <summary>The least-squares solution x = R⁻¹Qᵀb of a full-column-rank m×n system (m ≥ n) by a thin QR of a copy of a; wide systems go to the managed provider.</summary>
    /// <inheritdoc/>
    public void QRSolve(double[] a, int rows, int columns, double[] b, int columnsB, double[] x, QRMethod method)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (rows < columns)
        {
            Managed.QRSolve(a, rows, columns, b, columnsB, x, method);
            return;
        }

        CheckLength(a, rows, columns, nameof(a));
        var q = (double[])a.Clone();
        var r = new double[columns * columns];
        var tau = new double[columns];
        ThinQRFactor(q, rows, columns, r, tau);
        QRSolveFactored(q, r, rows, columns, tau, b, columnsB, x, QRMethod.Thin);
    }

    /// <summary>
    /// x = R₁⁻¹Q₁ᵀb from the explicit factors of <see cref="QRFactor(double[], int, int, double[], double[])"/> or <see cref="ThinQRFactor(double[], int, int, double[], double[])"/>, where Q₁ is
    /// the first n columns of Q and R₁ the leading n×n block of R: one dgemm and one triangular solve (dtrsm).
    /// </summary>
    /// <inheritdoc/>
    public void QRSolveFactored(double[] q, double[] r, int rowsA, int columnsA, double[] tau, double[] b, int columnsB, double[] x, QRMethod method)
    {
        ArgumentNullException.ThrowIfNull(q);
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(x);
        var m = rowsA;
        var n = columnsA;
        if (m < n)
        {
            Managed.QRSolveFactored(q, r, rowsA, columnsA, tau, b, columnsB, x, method);
            return;
        }

        var thin = method == QRMethod.Thin;
        CheckLength(q, m, thin ? n : m, nameof(q));
        CheckLength(r, thin ? n : m, n, nameof(r));
        CheckLength(b, m, columnsB, nameof(b));
        CheckLength(x, n, columnsB, nameof(x));
        if (n == 0 || columnsB == 0)
        {
            return;
        }

        var solution = ReferenceEquals(x, b) ? new double[n * columnsB] : x;
        var ldr = thin ? n : m;
        var one = 1.0;
        var zero = 0.0;
        var t = TransposeFlag;
        var nt = NoTranspose;
        var left = (byte)'L';
        var upper = Upper;
        var nonUnit = NoTranspose;
        using (var bq = AlignedBuffer.Input(q))
        using (var br = AlignedBuffer.Input(r))
        using (var bb = AlignedBuffer.Input(b))
        using (var bx = AlignedBuffer.InputOutput(solution))
        {
            using (EnterNativeCall())
            {
                _library.Dgemm(&t, &nt, &n, &columnsB, &m, &one, bq.Pointer, &m, bb.Pointer, &m, &zero, bx.Pointer, &n, 1, 1);
            }
            using (EnterNativeCall())
            {
                _library.Dtrsm(&left, &upper, &nt, &nonUnit, &n, &columnsB, &one, br.Pointer, &ldr, bx.Pointer, &n, 1, 1, 1, 1);
            }
        }

        if (!ReferenceEquals(solution, x))
        {
            Array.Copy(solution, x, solution.Length);
        }
    }

    /// <summary>
    /// Full SVD A = U·diag(s)·Vᵀ by divide and conquer (dgesdd, as numpy's <c>svd</c>), with a retry by dgesvd if
    /// it does not converge. <paramref name="a"/> is overwritten; <paramref name="u"/> is m×m and
    /// <paramref name="vt"/> n×n when vectors are requested.
    /// </summary>
    /// <inheritdoc/>
    public void SingularValueDecomposition(bool computeVectors, double[] a, int rowsA, int columnsA, double[] s, double[] u, double[] vt)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(s);
        var m = rowsA;
        var n = columnsA;
        var k = Math.Min(m, n);
        CheckLength(a, m, n, nameof(a));
        if (s.Length < k)
        {
            throw new ArgumentOutOfRangeException(nameof(s), Invariant($"s has length {s.Length}; expected at least min(m, n) = {k}"));
        }

        if (computeVectors)
        {
            ArgumentNullException.ThrowIfNull(u);
            ArgumentNullException.ThrowIfNull(vt);
            CheckLength(u, m, m, nameof(u));
            CheckLength(vt, n, n, nameof(vt));
        }

        if (k == 0)
        {
            return;
        }

        var original = (double[])a.Clone();
        var uOut = computeVectors ? u : new double[1];
        var vtOut = computeVectors ? vt : new double[1];
        var info = Gesdd(computeVectors, a, m, n, s, uOut, vtOut);
        if (info > 0)
        {
            Array.Copy(original, a, original.Length);
            info = Gesvd(computeVectors, a, m, n, s, uOut, vtOut);
            if (info > 0)
            {
                throw new NonConvergenceException(Invariant($"The SVD of the {m}×{n} matrix did not converge: dgesdd failed, and dgesvd left {info} superdiagonals of the bidiagonal form unconverged."));
            }
        }
    }

    /// <summary>x = A⁺b through <see cref="SingularValueDecomposition(bool, double[], int, int, double[], double[], double[])"/> of a copy of a and MathNet's solve from the factors.</summary>
    /// <inheritdoc/>
    public void SvdSolve(double[] a, int rowsA, int columnsA, double[] b, int columnsB, double[] x)
    {
        ArgumentNullException.ThrowIfNull(a);
        CheckLength(a, rowsA, columnsA, nameof(a));
        var s = new double[Math.Min(rowsA, columnsA)];
        var u = new double[rowsA * rowsA];
        var vt = new double[columnsA * columnsA];
        SingularValueDecomposition(true, (double[])a.Clone(), rowsA, columnsA, s, u, vt);
        Managed.SvdSolveFactored(rowsA, columnsA, s, u, vt, b, columnsB, x);
    }

    /// <inheritdoc/>
    public void SvdSolveFactored(int rowsA, int columnsA, double[] s, double[] u, double[] vt, double[] b, int columnsB, double[] x) =>
        Managed.SvdSolveFactored(rowsA, columnsA, s, u, vt, b, columnsB, x);

    /// <summary>
    /// Symmetric input: A = V·diag(λ)·Vᵀ by divide and conquer (dsyevd on the lower triangle, as numpy's
    /// <c>eigh</c>), eigenvalues ascending, <paramref name="matrixD"/> = diag(λ). Non-symmetric input: managed.
    /// </summary>
    /// <inheritdoc/>
    public void EigenDecomp(bool isSymmetric, int order, double[] matrix, double[] matrixEv, Complex[] vectorEv, double[] matrixD)
    {
        if (!isSymmetric)
        {
            Managed.EigenDecomp(isSymmetric, order, matrix, matrixEv, vectorEv, matrixD);
            return;
        }

        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(matrixEv);
        ArgumentNullException.ThrowIfNull(vectorEv);
        ArgumentNullException.ThrowIfNull(matrixD);
        CheckLength(matrix, order, order, nameof(matrix));
        CheckLength(matrixEv, order, order, nameof(matrixEv));
        CheckLength(matrixD, order, order, nameof(matrixD));
        CheckLength(vectorEv, order, nameof(vectorEv));
        if (order == 0)
        {
            return;
        }

        Array.Copy(matrix, matrixEv, order * order);
        var w = new double[order];
        Syevd(matrixEv, order, w);
        Array.Clear(matrixD);
        for (var i = 0; i < order; i++)
        {
            vectorEv[i] = new Complex(w[i], 0.0);
            matrixD[(i * order) + i] = w[i];
        }
    }

    private int Getrf(double[] a, int n, int[] ipiv)
    {
        int info;
        using var ba = AlignedBuffer.InputOutput(a);
        fixed (int* pipiv = ipiv)
        {
            using (EnterNativeCall())
            {
                _library.Dgetrf(&n, &n, ba.Pointer, &n, pipiv, &info);
            }
        }

        ThrowIfIllegal("dgetrf", info);
        return info;
    }

    private void Getri(double[] a, int n, int[] ipiv)
    {
        int info;
        var query = 0.0;
        var lwork = -1;
        using var ba = AlignedBuffer.InputOutput(a);
        fixed (int* pipiv = ipiv)
        {
            using (EnterNativeCall())
            {
                _library.Dgetri(&n, ba.Pointer, &n, pipiv, &query, &lwork, &info);
            }
            ThrowIfIllegal("dgetri", info);
            lwork = WorkspaceSize(query, n);
            using var work = AlignedBuffer.Workspace(lwork);
            using (EnterNativeCall())
            {
                _library.Dgetri(&n, ba.Pointer, &n, pipiv, work.Pointer, &lwork, &info);
            }
        }

        ThrowIfIllegal("dgetri", info);
        ThrowIfSingular("dgetri", info);
    }

    private void Getrs(double[] a, int n, int[] ipiv, double[] b, int nrhs)
    {
        int info;
        var trans = NoTranspose;
        using var ba = AlignedBuffer.Input(a);
        using var bb = AlignedBuffer.InputOutput(b);
        fixed (int* pipiv = ipiv)
        {
            using (EnterNativeCall())
            {
                _library.Dgetrs(&trans, &n, &nrhs, ba.Pointer, &n, pipiv, bb.Pointer, &n, &info, 1);
            }
        }

        ThrowIfIllegal("dgetrs", info);
    }

    private void Potrf(double[] a, int n)
    {
        int info;
        var uplo = Lower;
        using (var ba = AlignedBuffer.InputOutput(a))
        using (EnterNativeCall())
        {
            _library.Dpotrf(&uplo, &n, ba.Pointer, &n, &info, 1);
        }

        ThrowIfIllegal("dpotrf", info);
        if (info > 0)
        {
            throw new ArgumentException(Invariant($"Matrix must be positive definite: the leading minor of order {info} is not (dpotrf info = {info})."));
        }
    }

    private void Potrs(double[] a, int n, double[] b, int nrhs)
    {
        int info;
        var uplo = Lower;
        using (var ba = AlignedBuffer.Input(a))
        using (var bb = AlignedBuffer.InputOutput(b))
        using (EnterNativeCall())
        {
            _library.Dpotrs(&uplo, &n, &nrhs, ba.Pointer, &n, bb.Pointer, &n, &info, 1);
        }

        ThrowIfIllegal("dpotrs", info);
    }

    private void Geqrf(double[] a, int m, int n, double[] tau)
    {
        int info;
        var query = 0.0;
        var lwork = -1;
        using (var ba = AlignedBuffer.InputOutput(a))
        using (var btau = AlignedBuffer.InputOutput(tau))
        {
            using (EnterNativeCall())
            {
                _library.Dgeqrf(&m, &n, ba.Pointer, &m, btau.Pointer, &query, &lwork, &info);
            }
            ThrowIfIllegal("dgeqrf", info);
            lwork = WorkspaceSize(query, n);
            using var work = AlignedBuffer.Workspace(lwork);
            using (EnterNativeCall())
            {
                _library.Dgeqrf(&m, &n, ba.Pointer, &m, btau.Pointer, work.Pointer, &lwork, &info);
            }
        }

        ThrowIfIllegal("dgeqrf", info);
    }

    private void Orgqr(double[] q, int m, int n, int k, double[] tau)
    {
        int info;
        var query = 0.0;
        var lwork = -1;
        using (var bq = AlignedBuffer.InputOutput(q))
        using (var btau = AlignedBuffer.Input(tau))
        {
            using (EnterNativeCall())
            {
                _library.Dorgqr(&m, &n, &k, bq.Pointer, &m, btau.Pointer, &query, &lwork, &info);
            }
            ThrowIfIllegal("dorgqr", info);
            lwork = WorkspaceSize(query, n);
            using var work = AlignedBuffer.Workspace(lwork);
            using (EnterNativeCall())
            {
                _library.Dorgqr(&m, &n, &k, bq.Pointer, &m, btau.Pointer, work.Pointer, &lwork, &info);
            }
        }

        ThrowIfIllegal("dorgqr", info);
    }

    private int Gesdd(bool computeVectors, double[] a, int m, int n, double[] s, double[] u, double[] vt)
    {
        int info;
        var jobz = computeVectors ? (byte)'A' : (byte)'N';
        var ldu = computeVectors ? m : 1;
        var ldvt = computeVectors ? n : 1;
        var iwork = new int[8 * Math.Min(m, n)];
        var query = 0.0;
        var lwork = -1;
        using var ba = AlignedBuffer.InputOutput(a);
        using var bs = AlignedBuffer.InputOutput(s);
        using var bu = AlignedBuffer.InputOutput(u);
        using var bvt = AlignedBuffer.InputOutput(vt);
        fixed (int* piwork = iwork)
        {
            using (EnterNativeCall())
            {
                _library.Dgesdd(&jobz, &m, &n, ba.Pointer, &m, bs.Pointer, bu.Pointer, &ldu, bvt.Pointer, &ldvt, &query, &lwork, piwork, &info, 1);
            }
            ThrowIfIllegal("dgesdd", info);
            lwork = WorkspaceSize(query, 1);
            using var work = AlignedBuffer.Workspace(lwork);
            using (EnterNativeCall())
            {
                _library.Dgesdd(&jobz, &m, &n, ba.Pointer, &m, bs.Pointer, bu.Pointer, &ldu, bvt.Pointer, &ldvt, work.Pointer, &lwork, piwork, &info, 1);
            }
        }

        ThrowIfIllegal("dgesdd", info);
        return info;
    }

    private int Gesvd(bool computeVectors, double[] a, int m, int n, double[] s, double[] u, double[] vt)
    {
        int info;
        var job = computeVectors ? (byte)'A' : (byte)'N';
        var ldu = computeVectors ? m : 1;
        var ldvt = computeVectors ? n : 1;
        var query = 0.0;
        var lwork = -1;
        using (var ba = AlignedBuffer.InputOutput(a))
        using (var bs = AlignedBuffer.InputOutput(s))
        using (var bu = AlignedBuffer.InputOutput(u))
        using (var bvt = AlignedBuffer.InputOutput(vt))
        {
            using (EnterNativeCall())
            {
                _library.Dgesvd(&job, &job, &m, &n, ba.Pointer, &m, bs.Pointer, bu.Pointer, &ldu, bvt.Pointer, &ldvt, &query, &lwork, &info, 1, 1);
            }
            ThrowIfIllegal("dgesvd", info);
            lwork = WorkspaceSize(query, 1);
            using var work = AlignedBuffer.Workspace(lwork);
            using (EnterNativeCall())
            {
                _library.Dgesvd(&job, &job, &m, &n, ba.Pointer, &m, bs.Pointer, bu.Pointer, &ldu, bvt.Pointer, &ldvt, work.Pointer, &lwork, &info, 1, 1);
            }
        }

        ThrowIfIllegal("dgesvd", info);
        return info;
    }

    private void Syevd(double[] a, int n, double[] w)
    {
        int info;
        var jobz = (byte)'V';
        var uplo = Lower;
        var query = 0.0;
        var iquery = 0;
        var lwork = -1;
        var liwork = -1;
        using (var ba = AlignedBuffer.InputOutput(a))
        using (var bw = AlignedBuffer.InputOutput(w))
        {
            using (EnterNativeCall())
            {
                _library.Dsyevd(&jobz, &uplo, &n, ba.Pointer, &n, bw.Pointer, &query, &lwork, &iquery, &liwork, &info, 1, 1);
            }
            ThrowIfIllegal("dsyevd", info);
            lwork = WorkspaceSize(query, 1);
            liwork = Math.Max(iquery, 1);
            using var work = AlignedBuffer.Workspace(lwork);
            var iwork = new int[liwork];
            fixed (int* piwork = iwork)
            {
                using (EnterNativeCall())
                {
                    _library.Dsyevd(&jobz, &uplo, &n, ba.Pointer, &n, bw.Pointer, work.Pointer, &lwork, piwork, &liwork, &info, 1, 1);
                }
            }
        }

        ThrowIfIllegal("dsyevd", info);
        if (info > 0)
        {
            throw new NonConvergenceException(Invariant($"The symmetric eigendecomposition of the {n}×{n} matrix did not converge (dsyevd info = {info})."));
        }
    }

    private static int WorkspaceSize(double query, int minimum) => Math.Max(minimum, (int)Math.Ceiling(query));

    private static int[] OneBased(int[] ipiv)
    {
        var shifted = new int[ipiv.Length];
        for (var i = 0; i < ipiv.Length; i++)
        {
            shifted[i] = ipiv[i] + 1;
        }

        return shifted;
    }

    private static void ThrowIfIllegal(string routine, int info)
    {
        if (info < 0)
        {
            throw new InvalidOperationException(Invariant($"{routine} rejected its argument {-info} (info = {info}); this is a defect in the native linear-algebra provider."));
        }
    }

    private static void ThrowIfSingular(string routine, int info)
    {
        if (info > 0)
        {
            throw new ArgumentException(Invariant($"The matrix is singular: U[{info - 1}, {info - 1}] is exactly zero in its LU factorisation ({routine}, pivot {info}); no inverse or unique solution exists."));
        }
    }

    private static void CheckLength<T>(T[] array, int rows, int columns, string parameterName)
    {
        if (rows < 0 || columns < 0 || array.Length < (long)rows * columns)
        {
            throw new ArgumentOutOfRangeException(parameterName, Invariant($"{parameterName} has length {array.Length}; expected a {rows}×{columns} column-major array (length {(long)rows * columns})"));
        }
    }

    private static void CheckLength<T>(T[] array, int length, string parameterName) => CheckLength(array, length, 1, parameterName);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
