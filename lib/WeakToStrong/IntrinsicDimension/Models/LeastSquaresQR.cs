using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace WeakToStrong.IntrinsicDimension;

/// <summary>
/// Ordinary least squares min_b ‖X b − y‖² for a tall design X (m×k, m ≥ k, full column rank) through one thin
/// Householder QR, X = QR, reused for any number of right-hand sides: b = R⁻¹Qᵀy. The reduced right-hand sides
/// Qᵀy and the factor R are exposed so that two fits on stacked samples can be combined without refactoring the
/// full design (see <see cref="SolveStacked"/>). Internal: the core's solvers will take this over.
/// </summary>
internal sealed class LeastSquaresQR
{
    private readonly Matrix<double> _q;

    public LeastSquaresQR(Matrix<double> design)
    {
        if (design.RowCount < design.ColumnCount)
        {
            throw new ArgumentException(
                $"The design has {design.RowCount} rows and {design.ColumnCount} columns; ordinary least squares needs rows >= columns.",
                nameof(design));
        }

        var qr = design.QR(QRMethod.Thin);
        _q = qr.Q;
        R = qr.R;
        RequireFullRank(R);
    }

    /// <summary>The upper-triangular factor R (k×k).</summary>
    public Matrix<double> R { get; }

    /// <summary>Qᵀy for every column of <paramref name="rightHandSides"/> (k×r).</summary>
    public Matrix<double> Reduce(Matrix<double> rightHandSides) => _q.TransposeThisAndMultiply(rightHandSides);

    /// <summary>The least-squares coefficients b = R⁻¹(Qᵀy) from already reduced right-hand sides.</summary>
    public Matrix<double> SolveReduced(Matrix<double> reduced) => BackSubstitute(R, reduced);

    /// <summary>
    /// OLS on the stacked sample [X₁; X₂], [y₁; y₂] from the two factorisations: since
    /// ‖X_i b − y_i‖² = ‖R_i b − Q_iᵀy_i‖² + const, the stacked problem is the small (2k×k) least-squares
    /// problem [R₁; R₂] b ≈ [Q₁ᵀy₁; Q₂ᵀy₂].
    /// </summary>
    public static Matrix<double> SolveStacked(
        LeastSquaresQR first, Matrix<double> firstReduced, LeastSquaresQR second, Matrix<double> secondReduced)
    {
        var stacked = first.R.Stack(second.R);
        var rightHandSides = firstReduced.Stack(secondReduced);
        var qr = stacked.QR(QRMethod.Thin);
        RequireFullRank(qr.R);
        return BackSubstitute(qr.R, qr.Q.TransposeThisAndMultiply(rightHandSides));
    }

    private static void RequireFullRank(Matrix<double> r)
    {
        var largest = 0.0;
        for (var i = 0; i < r.RowCount; i++)
        {
            largest = Math.Max(largest, Math.Abs(r[i, i]));
        }

        for (var i = 0; i < r.RowCount; i++)
        {
            if (!(Math.Abs(r[i, i]) > largest * 1e-13))
            {
                throw new InvalidOperationException(
                    $"The design matrix is numerically rank deficient (|R[{i},{i}]| = {Math.Abs(r[i, i]):G3} against max {largest:G3}); ordinary least squares is not unique.");
            }
        }
    }

    private static Matrix<double> BackSubstitute(Matrix<double> r, Matrix<double> rhs)
    {
        var k = r.RowCount;
        var result = Matrix<double>.Build.Dense(k, rhs.ColumnCount);
        for (var col = 0; col < rhs.ColumnCount; col++)
        {
            for (var i = k - 1; i >= 0; i--)
            {
                var sum = rhs[i, col];
                for (var j = i + 1; j < k; j++)
                {
                    sum -= r[i, j] * result[j, col];
                }

                result[i, col] = sum / r[i, i];
            }
        }

        return result;
    }
}
