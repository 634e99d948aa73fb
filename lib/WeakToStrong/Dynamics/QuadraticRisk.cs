using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using WeakToStrong.LinearAlgebra;
using WeakToStrong.Validation;

namespace WeakToStrong.Dynamics;

/// <summary>
/// A quadratic risk of a weight vector in centred form, R(w) = (w − w°)ᵀ M (w − w°) + R_min, with M symmetric
/// positive semidefinite. The population squared error of a linear predictor, E[(xᵀw − y)²] with
/// E[xxᵀ] = Σ and y = xᵀw* + noise of variance σ², is <c>new QuadraticRisk(Σ, w*, σ²)</c>; the excess risk is the
/// same with R_min = 0 (<see cref="ExcessRisk"/>). R is evaluated as a sum of squares, so a small risk is not lost
/// to cancellation against ‖w°‖²: R(w) = ‖F(w − w°)‖² + R_min with M = FᵀF (F = diag(√m)Wᵀ over the positive
/// eigenvalues m of M), or, along a <see cref="GradientFlow"/> whose eigenbasis diagonalises M, as
/// Σ_k m_k (u_kᵀ(w − w°))² + R_min.
/// <para>
/// The factor F needs an eigendecomposition of M, so it is computed on first use (by <see cref="Evaluate"/> or by a
/// flow whose eigenbasis does not diagonalise M) and then reused; positive semidefiniteness is checked then.
/// Symmetry, sizes and finiteness are checked at construction.
/// </para>
/// </summary>
public sealed class QuadraticRisk
{
    private readonly Matrix<double> _metric;
    private readonly Vector<double> _minimiser;
    private readonly Lazy<Matrix<double>> _factor;

    /// <summary>Builds R(w) = (w − w°)ᵀ M (w − w°) + R_min.</summary>
    /// <param name="metric">M, d×d symmetric positive semidefinite (e.g. the population covariance Σ).</param>
    /// <param name="minimiser">w°, length d (e.g. the target weights w*).</param>
    /// <param name="floor">R_min, finite (e.g. the noise variance σ²; 0 for excess risk).</param>
    public QuadraticRisk(Matrix<double> metric, Vector<double> minimiser, double floor = 0.0)
    {
        Guard.Symmetric(metric);
        Guard.Positive(metric.RowCount, "metric.RowCount");
        Guard.Length(minimiser, metric.RowCount, "metric.RowCount");
        Guard.AllFinite(minimiser);
        Guard.Finite(floor);
        _metric = metric.Clone();
        _minimiser = minimiser.Clone();
        Floor = floor;
        _factor = new Lazy<Matrix<double>>(BuildFactor, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>M (a copy).</summary>
    public Matrix<double> Metric => _metric.Clone();

    /// <summary>w° (a copy).</summary>
    public Vector<double> Minimiser => _minimiser.Clone();

    /// <summary>R_min = min_w R(w).</summary>
    public double Floor { get; }

    /// <summary>The dimension d.</summary>
    public int Dimension => _minimiser.Count;

    /// <summary>F (r×d) with M = FᵀF, r = rank of M (computed on first use).</summary>
    internal Matrix<double> Factor => _factor.Value;

    /// <summary>M without copying, for read-only use inside the library.</summary>
    internal Matrix<double> MetricView => _metric;

    /// <summary>w° without copying, for read-only use inside the library.</summary>
    internal Vector<double> MinimiserView => _minimiser;

    /// <summary>The excess risk (w − w*)ᵀ Σ (w − w*) of a linear predictor under input covariance Σ.</summary>
    /// <param name="covariance">Σ, symmetric PSD.</param>
    /// <param name="target">w*.</param>
    /// <returns>The risk.</returns>
    public static QuadraticRisk ExcessRisk(Matrix<double> covariance, Vector<double> target) => new(covariance, target);

    /// <summary>
    /// R(w) = wᵀQw − 2qᵀw + c rewritten in centred form: w° = Q⁺q and R_min = c − qᵀw°. q must lie in the range
    /// of Q (‖Qw° − q‖ ≤ 1e-8·(‖q‖ + ‖Q‖‖w°‖)); otherwise R is unbounded below and is rejected.
    /// </summary>
    /// <param name="quadratic">Q, symmetric PSD.</param>
    /// <param name="linear">q.</param>
    /// <param name="constant">c.</param>
    /// <returns>The risk.</returns>
    public static QuadraticRisk FromCoefficients(Matrix<double> quadratic, Vector<double> linear, double constant)
    {
        Guard.NotNull(quadratic);
        Guard.Length(linear, quadratic.RowCount, "quadratic.RowCount");
        Guard.AllFinite(linear);
        Guard.Finite(constant);
        var path = RidgePath.FromNormalEquations(quadratic, linear);
        var minimiser = path.Solve(0.0);
        var residual = (quadratic * minimiser - linear).L2Norm();
        var scale = linear.L2Norm() + (quadratic.L2Norm() * minimiser.L2Norm());
        if (residual > 1e-8 * scale)
        {
            throw new ArgumentException(
                $"linear is not in the range of quadratic (residual ‖Q Q⁺q − q‖ = {residual.ToString("G3", CultureInfo.InvariantCulture)}), so wᵀQw − 2qᵀw + c is unbounded below; expected q in range(Q).",
                nameof(linear));
        }

        return new QuadraticRisk(quadratic, minimiser, constant - linear.DotProduct(minimiser));
    }

    /// <summary>R(w) = ‖F(w − w°)‖² + R_min.</summary>
    /// <param name="weights">w, length d.</param>
    /// <returns>The risk.</returns>
    public double Evaluate(Vector<double> weights)
    {
        Guard.Length(weights, Dimension, "the risk's dimension");
        var residual = Factor * (weights - _minimiser);
        return residual.DotProduct(residual) + Floor;
    }

    private Matrix<double> BuildFactor()
    {
        var eigen = SymmetricEigendecomposition.Of(_metric);
        var threshold = PositiveSemidefinite.CheckAndThreshold(eigen.Eigenvalues, "metric");
        var kept = Enumerable.Range(0, eigen.Dimension).Where(k => eigen.Eigenvalues[k] > threshold).ToArray();
        var factor = Matrix<double>.Build.Dense(kept.Length, _metric.RowCount);
        for (var i = 0; i < kept.Length; i++)
        {
            factor.SetRow(i, eigen.Eigenvectors.Column(kept[i]) * Math.Sqrt(eigen.Eigenvalues[kept[i]]));
        }

        return factor;
    }
}
