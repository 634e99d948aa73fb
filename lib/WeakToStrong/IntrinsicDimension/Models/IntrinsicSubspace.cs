using MathNet.Numerics.LinearAlgebra;
using WeakToStrong.Validation;

namespace WeakToStrong.IntrinsicDimension;

/// <summary>
/// The intrinsic dimension of a feature map and its top eigen-subspace, estimated as in the real-data experiment of
/// Dong et al. 2025, arXiv:2502.05075: with the uncentred
/// second moment M = FᵀF/n of a feature matrix F (n inputs × m features) and its eigenvalues λ_1 ≥ … ≥ λ_m, the
/// intrinsic dimension is the smallest k with λ_1 + … + λ_k ≥ share·tr(M) (share = 0.99 in the paper).
/// </summary>
public sealed class IntrinsicSubspace
{
    private readonly double[] _eigenvalues;

    private IntrinsicSubspace(int dimension, double[] eigenvalues, Matrix<double> basis, double traceShare, double capturedShare)
    {
        Dimension = dimension;
        _eigenvalues = eigenvalues;
        Basis = basis;
        TraceShare = traceShare;
        CapturedShare = capturedShare;
    }

    /// <summary>k, the intrinsic dimension: the smallest k whose top-k eigenvalues reach <see cref="TraceShare"/> of the trace.</summary>
    public int Dimension { get; }

    /// <summary>All eigenvalues of FᵀF/n, descending (round-off negatives clamped to 0).</summary>
    public IReadOnlyList<double> Eigenvalues => _eigenvalues;

    /// <summary>The top-k eigenvectors of FᵀF/n as orthonormal columns (m×k).</summary>
    public Matrix<double> Basis { get; }

    /// <summary>The requested share of the trace.</summary>
    public double TraceShare { get; }

    /// <summary>(λ_1 + … + λ_k) / tr(FᵀF/n), at least <see cref="TraceShare"/>.</summary>
    public double CapturedShare { get; }

    /// <summary>Estimates the intrinsic dimension and top eigen-subspace of a feature matrix.</summary>
    /// <param name="features">F, n×m: one row of m features per input; finite and not all zero.</param>
    /// <param name="traceShare">The share of the trace to capture, in (0, 1); 0.99 as in the paper.</param>
    /// <returns>k, the eigenvalues and the top-k eigenvectors of FᵀF/n.</returns>
    /// <exception cref="ArgumentException"><paramref name="features"/> has non-finite entries or is zero.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="traceShare"/> is outside (0, 1).</exception>
    public static IntrinsicSubspace Of(Matrix<double> features, double traceShare = 0.99)
    {
        Guard.AllFinite(features);
        Guard.OpenUnitInterval(traceShare);
        if (features.RowCount == 0 || features.ColumnCount == 0)
        {
            throw new ArgumentException($"features is {features.RowCount}×{features.ColumnCount}; expected at least one row (sample) and one column (feature).", nameof(features));
        }

        var (values, vectors) = DescendingEigen(features);
        var trace = values.Sum();
        if (!(trace > 0))
        {
            throw new ArgumentException("features is zero: its second moment has zero trace, so no share of it can be captured.", nameof(features));
        }

        var cumulative = 0.0;
        var k = values.Length;
        for (var i = 0; i < values.Length; i++)
        {
            cumulative += values[i];
            if (cumulative >= traceShare * trace)
            {
                k = i + 1;
                break;
            }
        }

        var captured = values.Take(k).Sum() / trace;
        return new IntrinsicSubspace(k, values, vectors.SubMatrix(0, vectors.RowCount, 0, k), traceShare, captured);
    }

    /// <summary>The top-k eigenvectors of FᵀF/n as orthonormal columns (m×k).</summary>
    /// <summary>
    /// The principal features of <paramref name="features"/> in this subspace, F·V (m×d): the coordinates the
    /// ridgeless fits of the real-data experiment use (OLS on them equals OLS on the projection of F onto V).
    /// </summary>
    /// <param name="features">F, m×p, with the p columns this subspace was estimated on.</param>
    /// <returns>F·V.</returns>
    /// <exception cref="ArgumentException">The column count differs from the basis's row count, or entries are not finite.</exception>
    public Matrix<double> Project(Matrix<double> features)
    {
        Guard.AllFinite(features);
        if (features.ColumnCount != Basis.RowCount)
        {
            throw new ArgumentException(
                $"features has {features.ColumnCount} columns but the subspace lives in R^{Basis.RowCount}; expected {Basis.RowCount} columns.",
                nameof(features));
        }

        return features * Basis;
    }

    /// <summary>F·V·Λ^{−1/2}/√m: orthonormal columns when F is the matrix the subspace was estimated on.</summary>
    internal Matrix<double> OrthonormalFunctionValues(Matrix<double> features)
    {
        var values = Project(features);
        for (var j = 0; j < Dimension; j++)
        {
            values.SetColumn(j, values.Column(j) / Math.Sqrt(_eigenvalues[j] * features.RowCount));
        }

        return values;
    }

    internal static Matrix<double> TopEigenvectors(Matrix<double> features, int k)
    {
        var (_, vectors) = DescendingEigen(features);
        return vectors.SubMatrix(0, vectors.RowCount, 0, k);
    }

    private static (double[] Values, Matrix<double> Vectors) DescendingEigen(Matrix<double> features)
    {
        var moment = features.TransposeThisAndMultiply(features) / features.RowCount;
        // Symmetrise exactly so the symmetric eigensolver is used on an exactly symmetric matrix.
        moment = (moment + moment.Transpose()) * 0.5;
        var evd = moment.Evd(Symmetricity.Symmetric);
        var m = moment.RowCount;
        var order = Enumerable.Range(0, m).OrderByDescending(i => evd.EigenValues[i].Real).ToArray();
        var values = order.Select(i => Math.Max(0.0, evd.EigenValues[i].Real)).ToArray();
        var vectors = Matrix<double>.Build.Dense(m, m, (i, j) => evd.EigenVectors[i, order[j]]);
        return (values, vectors);
    }
}
