using System.Numerics;
using MathNet.Numerics.LinearAlgebra.Factorization;
using MathNet.Numerics.Providers.LinearAlgebra;

namespace WeakToStrong.LinearAlgebra.Native;

/// <summary>Element type Complex: every operation is MathNet's managed implementation (the library computes in double precision only).</summary>
public sealed partial class NativeLinearAlgebraProvider : ILinearAlgebraProvider<Complex>
{
    /// <inheritdoc/>
    public void AddVectorToScaledVector(Complex[] y, Complex alpha, Complex[] x, Complex[] result) => Managed.AddVectorToScaledVector(y, alpha, x, result);

    /// <inheritdoc/>
    public void ScaleArray(Complex alpha, Complex[] x, Complex[] result) => Managed.ScaleArray(alpha, x, result);

    /// <inheritdoc/>
    public void ConjugateArray(Complex[] x, Complex[] result) => Managed.ConjugateArray(x, result);

    /// <inheritdoc/>
    public Complex DotProduct(Complex[] x, Complex[] y) => Managed.DotProduct(x, y);

    /// <inheritdoc/>
    public void AddArrays(Complex[] x, Complex[] y, Complex[] result) => Managed.AddArrays(x, y, result);

    /// <inheritdoc/>
    public void SubtractArrays(Complex[] x, Complex[] y, Complex[] result) => Managed.SubtractArrays(x, y, result);

    /// <inheritdoc/>
    public void PointWiseMultiplyArrays(Complex[] x, Complex[] y, Complex[] result) => Managed.PointWiseMultiplyArrays(x, y, result);

    /// <inheritdoc/>
    public void PointWiseDivideArrays(Complex[] x, Complex[] y, Complex[] result) => Managed.PointWiseDivideArrays(x, y, result);

    /// <inheritdoc/>
    public void PointWisePowerArrays(Complex[] x, Complex[] y, Complex[] result) => Managed.PointWisePowerArrays(x, y, result);

    /// <inheritdoc/>
    public double MatrixNorm(Norm norm, int rows, int columns, Complex[] matrix) => Managed.MatrixNorm(norm, rows, columns, matrix);

    /// <inheritdoc/>
    public void MatrixMultiply(Complex[] x, int rowsX, int columnsX, Complex[] y, int rowsY, int columnsY, Complex[] result) => Managed.MatrixMultiply(x, rowsX, columnsX, y, rowsY, columnsY, result);

    /// <inheritdoc/>
    public void MatrixMultiplyWithUpdate(Transpose transposeA, Transpose transposeB, Complex alpha, Complex[] a, int rowsA, int columnsA, Complex[] b, int rowsB, int columnsB, Complex beta, Complex[] c) => Managed.MatrixMultiplyWithUpdate(transposeA, transposeB, alpha, a, rowsA, columnsA, b, rowsB, columnsB, beta, c);

    /// <inheritdoc/>
    public void LUFactor(Complex[] data, int order, int[] ipiv) => Managed.LUFactor(data, order, ipiv);

    /// <inheritdoc/>
    public void LUInverse(Complex[] a, int order) => Managed.LUInverse(a, order);

    /// <inheritdoc/>
    public void LUInverseFactored(Complex[] a, int order, int[] ipiv) => Managed.LUInverseFactored(a, order, ipiv);

    /// <inheritdoc/>
    public void LUSolve(int columnsOfB, Complex[] a, int order, Complex[] b) => Managed.LUSolve(columnsOfB, a, order, b);

    /// <inheritdoc/>
    public void LUSolveFactored(int columnsOfB, Complex[] a, int order, int[] ipiv, Complex[] b) => Managed.LUSolveFactored(columnsOfB, a, order, ipiv, b);

    /// <inheritdoc/>
    public void CholeskyFactor(Complex[] a, int order) => Managed.CholeskyFactor(a, order);

    /// <inheritdoc/>
    public void CholeskySolve(Complex[] a, int orderA, Complex[] b, int columnsB) => Managed.CholeskySolve(a, orderA, b, columnsB);

    /// <inheritdoc/>
    public void CholeskySolveFactored(Complex[] a, int orderA, Complex[] b, int columnsB) => Managed.CholeskySolveFactored(a, orderA, b, columnsB);

    /// <inheritdoc/>
    public void QRFactor(Complex[] a, int rowsA, int columnsA, Complex[] q, Complex[] tau) => Managed.QRFactor(a, rowsA, columnsA, q, tau);

    /// <inheritdoc/>
    public void ThinQRFactor(Complex[] a, int rowsA, int columnsA, Complex[] r, Complex[] tau) => Managed.ThinQRFactor(a, rowsA, columnsA, r, tau);

    /// <inheritdoc/>
    public void QRSolve(Complex[] a, int rows, int columns, Complex[] b, int columnsB, Complex[] x, QRMethod method) => Managed.QRSolve(a, rows, columns, b, columnsB, x, method);

    /// <inheritdoc/>
    public void QRSolveFactored(Complex[] q, Complex[] r, int rowsA, int columnsA, Complex[] tau, Complex[] b, int columnsB, Complex[] x, QRMethod method) => Managed.QRSolveFactored(q, r, rowsA, columnsA, tau, b, columnsB, x, method);

    /// <inheritdoc/>
    public void SingularValueDecomposition(bool computeVectors, Complex[] a, int rowsA, int columnsA, Complex[] s, Complex[] u, Complex[] vt) => Managed.SingularValueDecomposition(computeVectors, a, rowsA, columnsA, s, u, vt);

    /// <inheritdoc/>
    public void SvdSolve(Complex[] a, int rowsA, int columnsA, Complex[] b, int columnsB, Complex[] x) => Managed.SvdSolve(a, rowsA, columnsA, b, columnsB, x);

    /// <inheritdoc/>
    public void SvdSolveFactored(int rowsA, int columnsA, Complex[] s, Complex[] u, Complex[] vt, Complex[] b, int columnsB, Complex[] x) => Managed.SvdSolveFactored(rowsA, columnsA, s, u, vt, b, columnsB, x);

    /// <inheritdoc/>
    public void EigenDecomp(bool isSymmetric, int order, Complex[] matrix, Complex[] matrixEv, Complex[] vectorEv, Complex[] matrixD) => Managed.EigenDecomp(isSymmetric, order, matrix, matrixEv, vectorEv, matrixD);
}
