using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;
using WeakToStrong.Validation;

namespace WeakToStrong.LinearAlgebra;

/// <summary>
/// Ordinary least squares min_w ‖Xw − y‖² for a design X (n samples × d features) and targets y.
/// <see cref="Solve"/> is the unique solution of a full-column-rank problem (Householder QR);
/// <see cref="MinimumNorm"/> is the minimum-norm solution X⁺y of any problem (ridgeless regression, the
/// t → ∞ limit of gradient flow from zero; the models of Dong et al. 2025, arXiv:2502.05075, are
/// all fitted this way).
/// </summary>
public static class LeastSquares
{
    /// <summary>
    /// The least-squares solution w = argmin ‖Xw − y‖² by thin Householder QR (X = QR, w = R⁻¹Qᵀy).
    /// Requires n ≥ d and full column rank: a diagonal entry of R with |R_kk| ≤ max(n, d)·ε·max|R_jj| is
    /// rejected (use <see cref="MinimumNorm"/> for rank-deficient or under-determined problems).
    /// </summary>
    /// <param name="design">X, n×d, finite, n ≥ d ≥ 1.</param>
    /// <param name="targets">y, length n, finite.</param>
    /// <returns>w, length d.</returns>
    public static Vector<double> Solve(Matrix<double> design, Vector<double> targets)
    {
        CheckProblem(design, targets);
        var rows = design.RowCount;
        Guard.AtLeast(rows, design.ColumnCount, "a least-squares fit needs at least as many samples as features; use LeastSquares.MinimumNorm otherwise", "design.RowCount");
        var qr = design.QR(QRMethod.Thin);
        var r = qr.R;
        var largest = Enumerable.Range(0, r.RowCount).Max(k => Math.Abs(r[k, k]));
        var tolerance = Math.Max(rows, design.ColumnCount) * ThinSvd.MachineEpsilon * largest;
        for (var k = 0; k < r.RowCount; k++)
        {
            if (!(Math.Abs(r[k, k]) > tolerance))
            {
                throw new ArgumentException(
                    $"design is rank-deficient: |R[{k}, {k}]| = {Math.Abs(r[k, k]).ToString("G3", CultureInfo.InvariantCulture)} ≤ tolerance {tolerance.ToString("G3", CultureInfo.InvariantCulture)} in its QR factor; expected full column rank (use LeastSquares.MinimumNorm for the minimum-norm solution).",
                    nameof(design));
            }
        }

        return qr.Solve(targets);
    }

    /// <summary>
    /// The minimum-norm least-squares solution w = X⁺y = V diag(1/s_k) Uᵀy over the singular values above the
    /// rank tolerance max(n, d)·ε·s₁ (numpy's convention; see <see cref="ThinSvd.RankTolerance"/>). Among all
    /// minimisers of ‖Xw − y‖² it is the one orthogonal to the null space of X. Works for n &lt; d and for
    /// rank-deficient X.
    /// </summary>
    /// <param name="design">X, n×d, finite.</param>
    /// <param name="targets">y, length n, finite.</param>
    /// <returns>w, length d.</returns>
    public static Vector<double> MinimumNorm(Matrix<double> design, Vector<double> targets)
    {
        CheckProblem(design, targets);
        return ThinSvd.Of(design).PseudoInverseTimes(targets);
    }

    /// <summary>The numerical rank of X with the tolerance max(n, d)·ε·s₁.</summary>
    /// <param name="matrix">X, finite.</param>
    /// <returns>The rank.</returns>
    public static int NumericalRank(Matrix<double> matrix) => ThinSvd.Of(matrix).Rank;

    private static void CheckProblem(Matrix<double> design, Vector<double> targets)
    {
        Guard.DesignWithTargets(design, targets);
    }
}
