using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;
using WeakToStrong.Validation;

namespace WeakToStrong.LinearAlgebra;

/// <summary>
/// The thin singular value decomposition X = U diag(s) Vᵀ of an m×n matrix, with r = min(m, n), U (m×r) and
/// V (n×r) having orthonormal columns and s₁ ≥ … ≥ s_r ≥ 0. Computed as a thin QR of X (or of Xᵀ when m &lt; n)
/// followed by the SVD of the small r×r triangular factor, so that the full m×m factor of a tall design matrix
/// is never formed.
/// </summary>
/// <param name="U">Left singular vectors, m×r.</param>
/// <param name="SingularValues">s, descending, length r.</param>
/// <param name="V">Right singular vectors, n×r.</param>
public sealed record ThinSvd(Matrix<double> U, Vector<double> SingularValues, Matrix<double> V)
{
    /// <summary>
    /// The rank tolerance max(m, n)·ε·s₁ (ε = 2⁻⁵² the double machine epsilon): singular values at or below it
    /// are treated as zero. This is numpy's <c>matrix_rank</c>/<c>pinv</c> default.
    /// </summary>
    public double RankTolerance { get; init; }

    /// <summary>The numerical rank: the number of singular values above <see cref="RankTolerance"/>.</summary>
    public int Rank => SingularValues.Count(s => s > RankTolerance);

    /// <summary>Decomposes X.</summary>
    /// <param name="matrix">X (m×n), finite, m, n ≥ 1.</param>
    /// <returns>The thin SVD.</returns>
    public static ThinSvd Of(Matrix<double> matrix)
    {
        Guard.AllFinite(matrix);
        Guard.Positive(matrix.RowCount, "matrix.RowCount");
        Guard.Positive(matrix.ColumnCount, "matrix.ColumnCount");
        var m = matrix.RowCount;
        var n = matrix.ColumnCount;
        ThinSvd result;
        if (m >= n)
        {
            // X = Q R, R = Ur S Vᵀ  ⇒  X = (Q Ur) S Vᵀ.
            var qr = matrix.QR(QRMethod.Thin);
            var svd = qr.R.Svd(computeVectors: true);
            result = new ThinSvd(qr.Q * svd.U, svd.S, svd.VT.Transpose());
        }
        else
        {
            // Xᵀ = Q R (Q n×m), so X = Rᵀ Qᵀ; Rᵀ = Ur S Vrᵀ  ⇒  X = Ur S (Q Vr)ᵀ.
            var qr = matrix.Transpose().QR(QRMethod.Thin);
            var svd = qr.R.Transpose().Svd(computeVectors: true);
            result = new ThinSvd(svd.U, svd.S, qr.Q * svd.VT.Transpose());
        }

        var largest = result.SingularValues.Count > 0 ? result.SingularValues[0] : 0.0;
        return result with { RankTolerance = Math.Max(m, n) * MachineEpsilon * largest };
    }

    /// <summary>ε = 2⁻⁵² ≈ 2.22e-16, the spacing of doubles at 1 (numpy's <c>finfo(float).eps</c>).</summary>
    public const double MachineEpsilon = 2.220446049250313e-16;

    /// <summary>The pseudo-inverse solution X⁺y = V diag(1/s_k for s_k &gt; tolerance, else 0) Uᵀy.</summary>
    /// <param name="targets">y, length m.</param>
    /// <returns>The minimum-norm least-squares solution, length n.</returns>
    public Vector<double> PseudoInverseTimes(Vector<double> targets)
    {
        Guard.Length(targets, U.RowCount, "the number of rows of the decomposed matrix");
        var projected = U.TransposeThisAndMultiply(targets);
        for (var k = 0; k < projected.Count; k++)
        {
            projected[k] = SingularValues[k] > RankTolerance ? projected[k] / SingularValues[k] : 0.0;
        }

        return V * projected;
    }
}
