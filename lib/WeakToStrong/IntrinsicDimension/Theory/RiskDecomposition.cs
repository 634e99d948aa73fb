namespace WeakToStrong.IntrinsicDimension;

/// <summary>
/// The excess risk of one fitted predictor split by its source (bias from the approximation errors, variance from
/// the label noise, as in the bias–variance view of Dong et al. 2025, arXiv:2502.05075). In whitened coordinates a
/// predictor is
/// f(x) = βᵀz and f*(x) = cᵀz, so ER = ‖β − c‖². The fit is linear in the labels, so β = β_signal + β_noise, where
/// β_signal is the fit to the noiseless labels f*(x) and β_noise the fit to the label noise ε:
/// <list type="bullet">
/// <item><description><see cref="Bias"/> = ‖β_signal − c‖² (approximation and estimation error without noise);</description></item>
/// <item><description><see cref="Variance"/> = ‖β_noise‖² (the part driven by the label noise, proportional to σ²);</description></item>
/// <item><description><see cref="Cross"/> = 2⟨β_signal − c, β_noise⟩, zero in expectation over the noise.</description></item>
/// </list>
/// ER = Bias + Variance + Cross. For an expectation (<see cref="AsymptoticRisk"/>, <see cref="ExactGaussianRisk"/>) the
/// cross term is 0.
/// </summary>
/// <param name="ExcessRisk">ER = ‖β − c‖², computed directly from the fitted coefficients.</param>
/// <param name="Bias">‖β_signal − c‖².</param>
/// <param name="Variance">‖β_noise‖².</param>
/// <param name="Cross">2⟨β_signal − c, β_noise⟩ (0 for expectations).</param>
public sealed record RiskDecomposition(double ExcessRisk, double Bias, double Variance, double Cross)
{
    /// <summary>An expected risk: ER = Bias + Variance, no cross term.</summary>
    /// <param name="bias">Expected bias (non-negative).</param>
    /// <param name="variance">Expected variance (non-negative).</param>
    /// <returns>The decomposition with <see cref="ExcessRisk"/> = bias + variance and <see cref="Cross"/> = 0.</returns>
    public static RiskDecomposition Expected(double bias, double variance) => new(bias + variance, bias, variance, 0.0);
}
