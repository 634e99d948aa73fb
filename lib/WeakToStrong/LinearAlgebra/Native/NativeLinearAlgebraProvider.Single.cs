using System.Numerics;
using MathNet.Numerics.LinearAlgebra.Factorization;
using MathNet.Numerics.Providers.LinearAlgebra;

namespace WeakToStrong.LinearAlgebra.Native;

/// <summary>Element type float: every operation is MathNet's managed implementation (the library computes in double precision only).</summary>
public sealed partial class NativeLinearAlgebraProvider : ILinearAlgebraProvider<float>
{
    /// <inheritdoc/>
    public void AddVectorToScaledVector(float[] y, float alpha, float[] x, float[] result) => Managed.AddVectorToScaledVector(y, alpha, x, result);

    /// <inheritdoc/>
    public void ScaleArray(float alpha, float[] x, float[] result) => Managed.ScaleArray(alpha, x, result);

    /// <inheritdoc/>
    public void ConjugateArray(float[] x, float[] result) => Managed.ConjugateArray(x, result);

    /// <inheritdoc/>
    public float DotProduct(float[] x, float[] y) => Managed.DotProduct(x, y);

    /// <inheritdoc/>
    public void AddArrays(float[] x, float[] y, float[] result) => Managed.AddArrays(x, y, result);

    /// <inheritdoc/>
    public void SubtractArrays(float[] x, float[] y, float[] result) => Managed.SubtractArrays(x, y, result);

    /// <inheritdoc/>
    public void PointWiseMultiplyArrays(float[] x, float[] y, float[] result) => Managed.PointWiseMultiplyArrays(x, y, result);

    /// <inheritdoc/>
    public void PointWiseDivideArrays(float[] x, float[] y, float[] result) => Managed.PointWiseDivideArrays(x, y, result);

    /// <inheritdoc/>
    public void PointWisePowerArrays(float[] x, float[] y, float[] result) => Managed.PointWisePowerArrays(x, y, result);

    /// <inheritdoc/>
    public double MatrixNorm(Norm norm, int rows, int columns, float[] matrix) => Managed.MatrixNorm(norm, rows, columns, matrix);

    /// <inheritdoc/>
    public void MatrixMultiply(float[] x, int rowsX, int columnsX, float[] y, int rowsY, int columnsY, float[] result) => Managed.MatrixMultiply(x, rowsX, columnsX, y, rowsY, columnsY, result);

    /// <inheritdoc/>
    public void MatrixMultiplyWithUpdate(Transpose transposeA, Transpose transposeB, float alpha, float[] a, int rowsA, int columnsA, float[] b, int rowsB, int columnsB, float beta, float[] c) => Managed.MatrixMultiplyWithUpdate(transposeA, transposeB, alpha, a, rowsA, columnsA, b, rowsB, columnsB, beta, c);

    /// <inheritdoc/>
    public void LUFactor(float[] data, int order, int[] ipiv) => Managed.LUFactor(data, order, ipiv);

    /// <inheritdoc/>
    public void LUInverse(float[] a, int order) => Managed.LUInverse(a, order);

    /// <inheritdoc/>
    public void LUInverseFactored(float[] a, int order, int[] ipiv) => Managed.LUInverseFactored(a, order, ipiv);

    /// <inheritdoc/>
    public void LUSolve(int columnsOfB, float[] a, int order, float[] b) => Managed.LUSolve(columnsOfB, a, order, b);

    /// <inheritdoc/>
    public void LUSolveFactored(int columnsOfB, float[] a, int order, int[] ipiv, float[] b) => Managed.LUSolveFactored(columnsOfB, a, order, ipiv, b);

    /// <inheritdoc/>
    public void CholeskyFactor(float[] a, int order) => Managed.CholeskyFactor(a, order);

    /// <inheritdoc/>
    public void CholeskySolve(float[] a, int orderA, float[] b, int columnsB) => Managed.CholeskySolve(a, orderA, b, columnsB);

    /// <inheritdoc/>
    public void CholeskySolveFactored(float[] a, int orderA, float[] b, int columnsB) => Managed.CholeskySolveFactored(a, orderA, b, columnsB);

    /// <inheritdoc/>
    public void QRFactor(float[] a, int rowsA, int columnsA, float[] q, float[] tau) => Managed.QRFactor(a, rowsA, columnsA, q, tau);

    /// <inheritdoc/>
    public void ThinQRFactor(float[] a, int rowsA, int columnsA, float[] r, float[] tau) => Managed.ThinQRFactor(a, rowsA, columnsA, r, tau);

    /// <inheritdoc/>
    public void QRSolve(float[] a, int rows, int columns, float[] b, int columnsB, float[] x, QRMethod method) => Managed.QRSolve(a, rows, columns, b, columnsB, x, method);

    /// <inheritdoc/>
    public void QRSolveFactored(float[] q, float[] r, int rowsA, int columnsA, float[] tau, float[] b, int columnsB, float[] x, QRMethod method) => Managed.QRSolveFactored(q, r, rowsA, columnsA, tau, b, columnsB, x, method);

    /// <inheritdoc/>
    public void SingularValueDecomposition(bool computeVectors, float[] a, int rowsA, int columnsA, float[] s, float[] u, float[] vt) => Managed.SingularValueDecomposition(computeVectors, a, rowsA, columnsA, s, u, vt);

    /// <inheritdoc/>
    public void SvdSolve(float[] a, int rowsA, int columnsA, float[] b, int columnsB, float[] x) => Managed.SvdSolve(a, rowsA, columnsA, b, columnsB, x);

    /// <inheritdoc/>
    public void SvdSolveFactored(int rowsA, int columnsA, float[] s, float[] u, float[] vt, float[] b, int columnsB, float[] x) => Managed.SvdSolveFactored(rowsA, columnsA, s, u, vt, b, columnsB, x);

    /// <inheritdoc/>
    public void EigenDecomp(bool isSymmetric, int order, float[] matrix, float[] matrixEv, Complex[] vectorEv, float[] matrixD) => Managed.EigenDecomp(isSymmetric, order, matrix, matrixEv, vectorEv, matrixD);
}
