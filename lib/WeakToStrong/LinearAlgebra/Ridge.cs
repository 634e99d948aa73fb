using MathNet.Numerics.LinearAlgebra;
using WeakToStrong.Validation;

namespace WeakToStrong.LinearAlgebra;

/// <summary>
/// Ridge regression w_λ = argmin_w ‖Xw − y‖² + λ‖w‖² = (XᵀX + λI)⁻¹Xᵀy, in the unnormalised convention of
/// scikit-learn and of the authors' real-data code for Dong et al. 2025 (arXiv:2502.05075), θ = V diag(s/(s² + λ)) Uᵀy.
/// For the per-sample normalisation
/// (1/n)‖Xw − y‖² + λ'‖w‖² pass λ = nλ'. One solve per call by Cholesky; for many λ from one decomposition use
/// <see cref="RidgePath"/>.
/// </summary>
public static class Ridge
{
    /// <summary>
    /// w_λ by a Cholesky solve of the d×d system (XᵀX + λI)w = Xᵀy when n ≥ d, or of the n×n dual system
    /// (XXᵀ + λI)α = y, w = Xᵀα, when n &lt; d (identical solution, smaller matrix).
    /// </summary>
    /// <param name="design">X, n×d, finite.</param>
    /// <param name="targets">y, length n, finite.</param>
    /// <param name="regularization">λ &gt; 0 (finite).</param>
    /// <returns>w_λ, length d.</returns>
    public static Vector<double> Solve(Matrix<double> design, Vector<double> targets, double regularization)
    {
        Guard.DesignWithTargets(design, targets);
        Guard.Positive(regularization);
        var n = design.RowCount;
        var d = design.ColumnCount;
        if (n >= d)
        {
            var gram = design.TransposeThisAndMultiply(design);
            AddToDiagonal(gram, regularization);
            return gram.Cholesky().Solve(design.TransposeThisAndMultiply(targets));
        }

        var kernel = design.TransposeAndMultiply(design);
        AddToDiagonal(kernel, regularization);
        return design.TransposeThisAndMultiply(kernel.Cholesky().Solve(targets));
    }

    private static void AddToDiagonal(Matrix<double> matrix, double value)
    {
        for (var i = 0; i < matrix.RowCount; i++)
        {
            matrix[i, i] += value;
        }
    }
}
