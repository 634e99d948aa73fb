using System.Numerics;
using MathNet.Numerics;
using MathNet.Numerics.LinearAlgebra.Factorization;
using MathNet.Numerics.Providers.LinearAlgebra;

namespace WeakToStrong.LinearAlgebra.Native;

/// <summary>Element type Complex32: every operation is MathNet's managed implementation (the library computes in double precision only).</summary>
public sealed partial class NativeLinearAlgebraProvider : ILinearAlgebraProvider<Complex32>
{
    /// <inheritdoc/>
    public void AddVectorToScaledVector(Complex32[] y, Complex32 alpha, Complex32[] x, Complex32[] result) => Managed.AddVectorToScaledVector(y, alpha, x, result);

    /// <inheritdoc/>
    public void ScaleArray(Complex32 alpha, Complex32[] x, Complex32[] result) => Managed.ScaleArray(alpha, x, result);

    /// <inheritdoc/>
    public void ConjugateArray(Complex32[] x, Complex32[] result) => Managed.ConjugateArray(x, result);

    /// <inheritdoc/>
    public Complex32 DotProduct(Complex32[] x, Complex32[] y) => Managed.DotProduct(x, y);

    /// <inheritdoc/>
    public void AddArrays(Complex32[] x, Complex32[] y, Complex32[] result) => Managed.AddArrays(x, y, result);

    /// <inheritdoc/>
    public void SubtractArrays(Complex32[] x, Complex32[] y, Complex32[] result) => Managed.SubtractArrays(x, y, result);

    /// <inheritdoc/>
    public void PointWiseMultiplyArrays(Complex32[] x, Complex32[] y, Complex32[] result) => Managed.PointWiseMultiplyArrays(x, y, result);

    /// <inheritdoc/>
    public void PointWiseDivideArrays(Complex32[] x, Complex32[] y, Complex32[] result) => Managed.PointWiseDivideArrays(x, y, result);

    /// <inheritdoc/>
    public void PointWisePowerArrays(Complex32[] x, Complex32[] y, Complex32[] result) => Managed.PointWisePowerArrays(x, y, result);

    /// <inheritdoc/>
    public double MatrixNorm(Norm norm, int rows, int columns, Complex32[] matrix) => Managed.MatrixNorm(norm, rows, columns, matrix);

    /// <inheritdoc/>
    public void MatrixMultiply(Complex32[] x, int rowsX, int columnsX, Complex32[] y, int rowsY, int columnsY, Complex32[] result) => Managed.MatrixMultiply(x, rowsX, columnsX, y, rowsY, columnsY, result);

    /// <inheritdoc/>
    public void MatrixMultiplyWithUpdate(Transpose transposeA, Transpose transposeB, Complex32 alpha, Complex32[] a, int rowsA, int columnsA, Complex32[] b, int rowsB, int columnsB, Complex32 beta, Complex32[] c) => Managed.MatrixMultiplyWithUpdate(transposeA, transposeB, alpha, a, rowsA, columnsA, b, rowsB, columnsB, beta, c);

    /// <inheritdoc/>
    public void LUFactor(Complex32[] data, int order, int[] ipiv) => Managed.LUFactor(data, order, ipiv);

    /// <inheritdoc/>
    public void LUInverse(Complex32[] a, int order) => Managed.LUInverse(a, order);

    /// <inheritdoc/>
    public void LUInverseFactored(Complex32[] a, int order, int[] ipiv) => Managed.LUInverseFactored(a, order, ipiv);

    /// <inheritdoc/>
    public void LUSolve(int columnsOfB, Complex32[] a, int order, Complex32[] b) => Managed.LUSolve(columnsOfB, a, order, b);

    /// <inheritdoc/>
    public void LUSolveFactored(int columnsOfB, Complex32[] a, int order, int[] ipiv, Complex32[] b) => Managed.LUSolveFactored(columnsOfB, a, order, ipiv, b);

    /// <inheritdoc/>
    public void CholeskyFactor(Complex32[] a, int order) => Managed.CholeskyFactor(a, order);

    /// <inheritdoc/>
    public void CholeskySolve(Complex32[] a, int orderA, Complex32[] b, int columnsB) => Managed.CholeskySolve(a, orderA, b, columnsB);

    /// <inheritdoc/>
    public void CholeskySolveFactored(Complex32[] a, int orderA, Complex32[] b, int columnsB) => Managed.CholeskySolveFactored(a, orderA, b, columnsB);

    /// <inheritdoc/>
    public void QRFactor(Complex32[] a, int rowsA, int columnsA, Complex32[] q, Complex32[] tau) => Managed.QRFactor(a, rowsA, columnsA, q, tau);

    /// <inheritdoc/>
    public void ThinQRFactor(Complex32[] a, int rowsA, int columnsA, Complex32[] r, Complex32[] tau) => Managed.ThinQRFactor(a, rowsA, columnsA, r, tau);

    /// <inheritdoc/>
    public void QRSolve(Complex32[] a, int rows, int columns, Complex32[] b, int columnsB, Complex32[] x, QRMethod method) => Managed.QRSolve(a, rows, columns, b, columnsB, x, method);

    /// <inheritdoc/>
    public void QRSolveFactored(Complex32[] q, Complex32[] r, int rowsA, int columnsA, Complex32[] tau, Complex32[] b, int columnsB, Complex32[] x, QRMethod method) => Managed.QRSolveFactored(q, r, rowsA, columnsA, tau, b, columnsB, x, method);

    /// <inheritdoc/>
    public void SingularValueDecomposition(bool computeVectors, Complex32[] a, int rowsA, int columnsA, Complex32[] s, Complex32[] u, Complex32[] vt) => Managed.SingularValueDecomposition(computeVectors, a, rowsA, columnsA, s, u, vt);

    /// <inheritdoc/>
    public void SvdSolve(Complex32[] a, int rowsA, int columnsA, Complex32[] b, int columnsB, Complex32[] x) => Managed.SvdSolve(a, rowsA, columnsA, b, columnsB, x);

    /// <inheritdoc/>
    public void SvdSolveFactored(int rowsA, int columnsA, Complex32[] s, Complex32[] u, Complex32[] vt, Complex32[] b, int columnsB, Complex32[] x) => Managed.SvdSolveFactored(rowsA, columnsA, s, u, vt, b, columnsB, x);

    /// <inheritdoc/>
    public void EigenDecomp(bool isSymmetric, int order, Complex32[] matrix, Complex32[] matrixEv, Complex[] vectorEv, Complex32[] matrixD) => Managed.EigenDecomp(isSymmetric, order, matrix, matrixEv, vectorEv, matrixD);
}
