using MathNet.Numerics.LinearAlgebra;
using WeakToStrong.Validation;

namespace WeakToStrong.Metrics;

/// <summary>
/// Population excess risks of linear predictors x ↦ wᵀx against a linear target x ↦ w*ᵀx:
/// E_x[(wᵀx − w*ᵀx)²] = (w − w*)ᵀ Σ (w − w*) for inputs with second moment Σ = E[xxᵀ] (the synthetic experiments of
/// Dong et al. 2025, arXiv:2502.05075, compute ER this way in whitened coordinates). The isotropic and diagonal forms
/// are sums of non-negative terms; for
/// repeated evaluation along a trajectory use <see cref="WeakToStrong.Dynamics.QuadraticRisk"/>, which factors Σ once.
/// </summary>
public static class ExcessRisk
{
    /// <summary>(w − w*)ᵀ Σ (w − w*) for a general input covariance Σ (symmetric PSD).</summary>
    /// <param name="weights">w.</param>
    /// <param name="target">w* (same length).</param>
    /// <param name="covariance">Σ, d×d symmetric PSD.</param>
    /// <returns>The excess risk (≥ 0 up to rounding).</returns>
    public static double Linear(Vector<double> weights, Vector<double> target, Matrix<double> covariance)
    {
        Guard.Symmetric(covariance);
        var delta = Difference(weights, target);
        Guard.Length(delta, covariance.RowCount, "covariance.RowCount");
        return Math.Max(0.0, delta.DotProduct(covariance * delta));
    }

    /// <summary>‖w − w*‖², the excess risk under isotropic inputs (Σ = I).</summary>
    /// <param name="weights">w.</param>
    /// <param name="target">w* (same length).</param>
    /// <returns>The excess risk.</returns>
    public static double Isotropic(Vector<double> weights, Vector<double> target)
    {
        var delta = Difference(weights, target);
        return delta.DotProduct(delta);
    }

    /// <summary>Σ_i v_i (w_i − w*_i)², the excess risk under a diagonal covariance diag(v).</summary>
    /// <param name="weights">w.</param>
    /// <param name="target">w* (same length).</param>
    /// <param name="variances">v_i ≥ 0 (same length).</param>
    /// <returns>The excess risk.</returns>
    public static double Diagonal(Vector<double> weights, Vector<double> target, IReadOnlyList<double> variances)
    {
        var delta = Difference(weights, target);
        Guard.AllNonNegative(variances);
        Guard.SameLength(variances.Count, delta.Count, "weights.Count", "variances.Count");
        var sum = 0.0;
        for (var i = 0; i < delta.Count; i++)
        {
            sum += variances[i] * delta[i] * delta[i];
        }

        return sum;
    }

    /// <summary>(1/n) Σ_i (p_i − y_i)², the mean squared error of predictions p against targets y.</summary>
    /// <param name="predictions">p.</param>
    /// <param name="targets">y (same length, ≥ 1).</param>
    /// <returns>The mean squared error.</returns>
    public static double MeanSquaredError(Vector<double> predictions, Vector<double> targets)
    {
        var delta = Difference(predictions, targets);
        Guard.Positive(delta.Count, "predictions.Count");
        return delta.DotProduct(delta) / delta.Count;
    }

    private static Vector<double> Difference(Vector<double> first, Vector<double> second)
    {
        Guard.NotNull(first);
        Guard.AllFinite(first);
        Guard.Length(second, first.Count, "the length of the first vector");
        Guard.AllFinite(second);
        return first - second;
    }
}
