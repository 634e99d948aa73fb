using MathNet.Numerics.LinearAlgebra;
using WeakToStrong.Randomness;
using WeakToStrong.Validation;

namespace WeakToStrong.IntrinsicDimension;

/// <summary>
/// The correlation dimension of two subspaces (Dong et al. 2025, arXiv:2502.05075): d_{s∧w} = ‖V_sᵀV_w‖_F² = Σ_i
/// cos²θ_i, where V_s (D×d_s)
/// and V_w (D×d_w) are orthonormal bases and θ_1 ≤ … ≤ θ_m, m = min(d_s, d_w), are the canonical (principal) angles
/// between the subspaces, cos θ_i = σ_i(V_sᵀV_w). It equals dim(V_s ∩ V_w) for coordinate subspaces and is a soft
/// intersection dimension in general; d_w − d_{s∧w} is the discrepancy dimension. It does not depend on the choice
/// of orthonormal basis inside either subspace.
/// </summary>
public sealed class CorrelationDimension
{
    private readonly double[] _cosines;

    private CorrelationDimension(double value, double[] cosines, int strongDimension, int weakDimension)
    {
        Value = value;
        _cosines = cosines;
        StrongDimension = strongDimension;
        WeakDimension = weakDimension;
    }

    /// <summary>d_{s∧w} = ‖V_sᵀV_w‖_F², summed entry by entry (non-negative terms).</summary>
    public double Value { get; }

    /// <summary>d_s, the dimension of the first (strong) subspace.</summary>
    public int StrongDimension { get; }

    /// <summary>d_w, the dimension of the second (weak) subspace.</summary>
    public int WeakDimension { get; }

    /// <summary>cos θ_i = σ_i(V_sᵀV_w), descending, clamped to [0, 1]; min(d_s, d_w) values.</summary>
    public IReadOnlyList<double> Cosines => _cosines;

    /// <summary>The canonical angles θ_i = arccos σ_i(V_sᵀV_w) in radians, ascending, in [0, π/2].</summary>
    public IReadOnlyList<double> CanonicalAngles => _cosines.Select(Math.Acos).ToArray();

    /// <summary>
    /// The correlation dimension between the column spans of two orthonormal bases.
    /// </summary>
    /// <param name="strongBasis">V_s, D×d_s with orthonormal columns (max |V_sᵀV_s − I| ≤ 1e-9).</param>
    /// <param name="weakBasis">V_w, D×d_w with orthonormal columns, same D.</param>
    /// <returns>d_{s∧w} with the canonical angles (SVD of V_sᵀV_w).</returns>
    /// <exception cref="ArgumentException">A basis is not orthonormal, has non-finite entries, or the row counts differ.</exception>
    public static CorrelationDimension Between(Matrix<double> strongBasis, Matrix<double> weakBasis)
    {
        Guard.OrthonormalColumns(strongBasis);
        Guard.OrthonormalColumns(weakBasis);
        if (strongBasis.RowCount != weakBasis.RowCount)
        {
            throw new ArgumentException(
                $"weakBasis has {weakBasis.RowCount} rows but strongBasis has {strongBasis.RowCount}; both bases must live in the same space.",
                nameof(weakBasis));
        }

        var cross = strongBasis.TransposeThisAndMultiply(weakBasis);
        var value = 0.0;
        for (var j = 0; j < cross.ColumnCount; j++)
        {
            for (var i = 0; i < cross.RowCount; i++)
            {
                value += cross[i, j] * cross[i, j];
            }
        }

        var singular = cross.Svd(computeVectors: false).S;
        var cos = new double[Math.Min(cross.RowCount, cross.ColumnCount)];
        for (var i = 0; i < cos.Length; i++)
        {
            cos[i] = Math.Clamp(singular[i], 0.0, 1.0);
        }

        Array.Sort(cos, (a, b) => b.CompareTo(a));
        return new CorrelationDimension(value, cos, strongBasis.ColumnCount, weakBasis.ColumnCount);
    }

    /// <summary>
    /// The correlation dimension between the function spaces spanned by two feature maps on the same inputs (a
    /// function-space variant of the estimator below): the intrinsic subspaces of each map (top-d eigenvectors v_i of
    /// the uncentred second moment
    /// FᵀF/m with eigenvalues λ_i, trace share <paramref name="traceShare"/>) give the functions x ↦ φ(x)ᵀv_i, which
    /// are orthogonal in the empirical L² inner product ⟨f, g⟩ = (1/m)Σ_k f(x_k)g(x_k); normalised, their values on the
    /// inputs are the orthonormal columns Q = F V Λ^{−1/2}/√m of R^m. Then d_{s∧w} = ‖Q_sᵀQ_w‖_F² = Σcos²θ_i with θ_i
    /// the canonical angles between the two function subspaces (the canonical correlations of the principal features).
    /// This is the quantity the theory uses (the overlap of V_s and V_w as spaces of predictors) and needs no random
    /// projection, unlike <see cref="BetweenFeatureMaps"/>.
    /// </summary>
    /// <param name="strongFeatures">F_s, m×p_s: the strong features of m inputs (one row per input).</param>
    /// <param name="weakFeatures">F_w, m×p_w: the weak features of the same inputs.</param>
    /// <param name="traceShare">Share of the trace each intrinsic dimension must capture, in (0, 1); 0.99 as in the
    /// paper's real-data experiment.</param>
    /// <returns>d_{s∧w} with the canonical angles; <see cref="StrongDimension"/>, <see cref="WeakDimension"/> are the intrinsic dimensions.</returns>
    /// <exception cref="ArgumentException">Row counts differ, entries are not finite, or a feature matrix is zero.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="traceShare"/> is outside (0, 1).</exception>
    public static CorrelationDimension BetweenFunctionSpaces(
        Matrix<double> strongFeatures, Matrix<double> weakFeatures, double traceShare = 0.99)
    {
        ValidateFeaturePair(strongFeatures, weakFeatures, traceShare);

        return Between(
            IntrinsicSubspace.Of(strongFeatures, traceShare).OrthonormalFunctionValues(strongFeatures),
            IntrinsicSubspace.Of(weakFeatures, traceShare).OrthonormalFunctionValues(weakFeatures));
    }

    /// <summary>
    /// The correlation dimension between two feature maps evaluated on the same inputs, by the authors' estimator
    /// (the UTKFace experiment of arXiv:2502.05075): (1) d_s and d_w are the intrinsic dimensions of each feature
    /// matrix (<see cref="IntrinsicSubspace.Of"/>,
    /// trace share <paramref name="traceShare"/>); (2) the wider feature matrix is projected to the narrower width m
    /// with a Gaussian matrix divided by √m (seeded); (3) V_s, V_w are the top-d_s and top-d_w eigenvectors of the
    /// uncentred second moments FᵀF/n of the (projected) matrices; (4) d_{s∧w} = Σσ_i(V_sᵀV_w)².
    /// </summary>
    /// <param name="strongFeatures">F_s, n×m_s: the strong model's features of n inputs (one row per input).</param>
    /// <param name="weakFeatures">F_w, n×m_w: the weak model's features of the same n inputs.</param>
    /// <param name="traceShare">Share of the trace the intrinsic dimension must capture, in (0, 1); 0.99 as in the
    /// paper's real-data experiment.</param>
    /// <param name="projectionSeed">Seed of the Gaussian projection (used only when the widths differ).</param>
    /// <returns>d_{s∧w} with its canonical angles; <see cref="StrongDimension"/> and <see cref="WeakDimension"/> are the intrinsic dimensions.</returns>
    /// <exception cref="ArgumentException">Row counts differ, entries are not finite, a feature matrix is zero, or an intrinsic dimension exceeds the common width.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="traceShare"/> is outside (0, 1).</exception>
    public static CorrelationDimension BetweenFeatureMaps(
        Matrix<double> strongFeatures, Matrix<double> weakFeatures, double traceShare = 0.99, long projectionSeed = 42)
    {
        ValidateFeaturePair(strongFeatures, weakFeatures, traceShare);

        var strongSubspace = IntrinsicSubspace.Of(strongFeatures, traceShare);
        var weakSubspace = IntrinsicSubspace.Of(weakFeatures, traceShare);
        var strongDimension = strongSubspace.Dimension;
        var weakDimension = weakSubspace.Dimension;
        var width = Math.Min(strongFeatures.ColumnCount, weakFeatures.ColumnCount);
        if (Math.Max(strongDimension, weakDimension) > width)
        {
            throw new ArgumentException(
                $"The intrinsic dimensions (d_s = {strongDimension}, d_w = {weakDimension}) exceed the common width {width}; the random-projection step of the estimator cannot keep them.",
                nameof(traceShare));
        }

        // The narrower map keeps its own top eigenvectors; only a projected map needs a new eigendecomposition.
        var strongBasis = strongFeatures.ColumnCount == width
            ? strongSubspace.Basis
            : IntrinsicSubspace.TopEigenvectors(ProjectToWidth(strongFeatures, width, projectionSeed), strongDimension);
        var weakBasis = weakFeatures.ColumnCount == width
            ? weakSubspace.Basis
            : IntrinsicSubspace.TopEigenvectors(ProjectToWidth(weakFeatures, width, projectionSeed), weakDimension);
        return Between(strongBasis, weakBasis);
    }

    private static Matrix<double> ProjectToWidth(Matrix<double> features, int width, long seed)
    {
        var projection = new RandomStream(seed, features.ColumnCount, RandomStreams.Projection)
            .NextGaussianMatrix(features.ColumnCount, width, 1.0 / Math.Sqrt(width));
        return features * projection;
    }

    private static void ValidateFeaturePair(Matrix<double> strongFeatures, Matrix<double> weakFeatures, double traceShare)
    {
        Guard.AllFinite(strongFeatures);
        Guard.AllFinite(weakFeatures);
        Guard.OpenUnitInterval(traceShare);
        if (strongFeatures.RowCount != weakFeatures.RowCount)
        {
            throw new ArgumentException(
                $"weakFeatures has {weakFeatures.RowCount} rows but strongFeatures has {strongFeatures.RowCount}; both must be evaluated on the same inputs.",
                nameof(weakFeatures));
        }
    }
}
