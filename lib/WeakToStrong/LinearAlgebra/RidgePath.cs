using MathNet.Numerics.LinearAlgebra;
using WeakToStrong.Validation;

namespace WeakToStrong.LinearAlgebra;

/// <summary>
/// The whole ridge path λ ↦ w_λ = (A + λI)⁻¹b from one decomposition, for A = XᵀX and b = Xᵀy (the
/// <see cref="Ridge"/> convention ‖Xw − y‖² + λ‖w‖²) or any PSD A and b. Writing A = Σ_k μ_k u_k u_kᵀ,
/// w_λ = Σ_k (u_kᵀb)/(μ_k + λ) u_k; each further λ costs O(d·r). At λ = 0 the path returns the minimum-norm
/// solution (directions with μ_k at or below <see cref="ZeroThreshold"/> are dropped), i.e. the ridgeless limit.
/// </summary>
public sealed class RidgePath
{
    private readonly Matrix<double> _basis;
    private readonly Vector<double> _eigenvalues;
    private readonly Vector<double> _projections;

    private RidgePath(Matrix<double> basis, Vector<double> eigenvalues, Vector<double> projections, double zeroThreshold)
    {
        _basis = basis;
        _eigenvalues = eigenvalues;
        _projections = projections;
        ZeroThreshold = zeroThreshold;
    }

    /// <summary>The eigenvalues μ_k of A (descending; for data, the squared singular values of X).</summary>
    public Vector<double> Eigenvalues => _eigenvalues.Clone();

    /// <summary>Eigenvalues μ_k ≤ this are treated as zero at λ = 0 (from data: (max(n, d)·ε·s₁)²; from A: d·ε·μ₁).</summary>
    public double ZeroThreshold { get; }

    /// <summary>The dimension d of w.</summary>
    public int Dimension => _basis.RowCount;

    /// <summary>Builds the path from data through the thin SVD X = U diag(s) Vᵀ: μ = s², u_kᵀb = s_k·(Uᵀy)_k.</summary>
    /// <param name="design">X, n×d, finite.</param>
    /// <param name="targets">y, length n, finite.</param>
    /// <returns>The path.</returns>
    public static RidgePath FromData(Matrix<double> design, Vector<double> targets)
    {
        Guard.DesignWithTargets(design, targets);
        var svd = ThinSvd.Of(design);
        var s = svd.SingularValues;
        var projections = svd.U.TransposeThisAndMultiply(targets).PointwiseMultiply(s);
        var threshold = svd.RankTolerance * svd.RankTolerance;
        return new RidgePath(svd.V, s.PointwiseMultiply(s), projections, threshold);
    }

    /// <summary>Builds the path from normal equations: a symmetric PSD A (d×d) and b (length d), by one symmetric eigendecomposition.</summary>
    /// <param name="gram">A, symmetric positive semidefinite (e.g. XᵀX).</param>
    /// <param name="moment">b (e.g. Xᵀy).</param>
    /// <returns>The path.</returns>
    public static RidgePath FromNormalEquations(Matrix<double> gram, Vector<double> moment)
    {
        var eigen = SymmetricEigendecomposition.Of(gram);
        Guard.Length(moment, gram.RowCount, "gram.RowCount");
        Guard.AllFinite(moment);
        var threshold = PositiveSemidefinite.CheckAndThreshold(eigen.Eigenvalues, nameof(gram));
        var eigenvalues = eigen.Eigenvalues.Map(v => Math.Max(v, 0.0));
        return new RidgePath(eigen.Eigenvectors, eigenvalues, eigen.Eigenvectors.TransposeThisAndMultiply(moment), threshold);
    }

    /// <summary>w_λ = Σ_k (u_kᵀb)/(μ_k + λ) u_k; at λ = 0 the sum runs over μ_k &gt; <see cref="ZeroThreshold"/> only.</summary>
    /// <param name="regularization">λ ≥ 0 (finite).</param>
    /// <returns>w_λ, length d.</returns>
    public Vector<double> Solve(double regularization)
    {
        Guard.NonNegative(regularization);
        var coefficients = Vector<double>.Build.Dense(_eigenvalues.Count, k =>
        {
            var mu = _eigenvalues[k];
            if (regularization == 0 && mu <= ZeroThreshold)
            {
                return 0.0;
            }

            return _projections[k] / (mu + regularization);
        });
        return _basis * coefficients;
    }

    /// <summary>w_λ for several λ; column j of the result is w at <paramref name="regularizations"/>[j].</summary>
    /// <param name="regularizations">The λ values, each ≥ 0.</param>
    /// <returns>A d×(number of λ) matrix.</returns>
    public Matrix<double> Solve(IReadOnlyList<double> regularizations)
    {
        Guard.AllNonNegative(regularizations);
        var result = Matrix<double>.Build.Dense(Dimension, regularizations.Count);
        for (var j = 0; j < regularizations.Count; j++)
        {
            result.SetColumn(j, Solve(regularizations[j]));
        }

        return result;
    }
}
