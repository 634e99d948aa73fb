using WeakToStrong.Validation;

namespace WeakToStrong.IntrinsicDimension;

/// <summary>
/// The exact finite-sample expected excess risks of the four models for the Gaussian model (derived in this library and
/// checked by Monte Carlo; not a formula of Dong et al. 2025, arXiv:2502.05075, whose asymptotic forms it refines):
/// inputs z ~ N(0, I), OLS on each model's feature subspace (coordinate or general), independent n- and N-samples.
/// The omitted part of f* acts on a model as extra independent noise of variance ρ, and E[(XᵀX)⁻¹] = I/(m − k − 1)
/// for an m×k standard Gaussian design, which gives, with a_σ = σ²/(n − d_w − 1), a_ρ = ρ_w/(n − d_w − 1) and
/// κ = d_s/(N − d_s − 1):
/// <list type="bullet">
/// <item><description>weak: bias ρ_w + ρ_w·d_w/(n − d_w − 1), variance σ²·d_w/(n − d_w − 1);</description></item>
/// <item><description>strong baseline: bias ρ_s + ρ_s·d_s/(n − d_s − 1), variance σ²·d_s/(n − d_s − 1); the ceiling
/// likewise with n + N;</description></item>
/// <item><description>W2S: variance a_σ·[d_{s∧w} + (d_w − d_{s∧w})·κ]; bias ρ_s + ‖P_S(I−P_W)c‖² + a_ρ·d_{s∧w}
/// + (‖(I−P_S)P_W c‖² + a_ρ·(d_w − d_{s∧w}))·κ.</description></item>
/// </list>
/// The W2S sum is E[ER_w2s] = ρ_s + ‖c_{S\W}‖² + a_w·d_{s∧w} + (‖c_{W\S}‖² + a_w·(d_w − d_{s∧w}))·d_s/(N − d_s − 1)
/// with a_w = a_σ + a_ρ; for general subspaces d_{s∧w} = Σcos²θ_i and the energies are the projections of c.
/// Every term is a sum of non-negative parts. Built once from the quantities, evaluated cheaply at any (n, N).
/// </summary>
/// <remarks>
/// Derivation. Teacher: y = (P_W c)ᵀz + r with r = ((I−P_W)c)ᵀz + ε independent of U_wᵀz and of variance σ² + ρ_w,
/// so β_w = P_W c + δ_w with E[δ_w] = 0 and E[δ_wδ_wᵀ] = a_w·P_W, a_w = (σ² + ρ_w)/(n − d_w − 1).
/// Student, given the teacher: the pseudo-label residual ((I−P_S)β_w)ᵀz is independent of U_sᵀz, so
/// β_w2s = P_Sβ_w + δ_s with E[δ_s | β_w] = 0 and E‖δ_s‖² = ‖(I−P_S)β_w‖²·d_s/(N − d_s − 1); hence
/// E[ER_w2s | β_w] = ρ_s + ‖P_S(β_w − c)‖² + ‖(I−P_S)β_w‖²·d_s/(N − d_s − 1). Substituting β_w and using
/// tr(P_S P_W) = ‖U_sᵀU_w‖_F² = d_{s∧w}: E‖P_S(β_w − c)‖² = ‖P_S(I−P_W)c‖² + a_w·d_{s∧w} and
/// E‖(I−P_S)β_w‖² = ‖(I−P_S)P_W c‖² + a_w·(d_w − d_{s∧w}). The variance part keeps only the σ² share of a_w
/// (the fits are linear in the labels and the noise is independent of everything else).
/// </remarks>
public sealed class ExactGaussianRisk : IFourModelTheory
{
    /// <summary>Builds the closed form.</summary>
    /// <param name="quantities">d_s, d_w, d_{s∧w}, σ², ρ_s, ρ_w and the two energies.</param>
    /// <exception cref="ArgumentNullException"><paramref name="quantities"/> is null.</exception>
    public ExactGaussianRisk(RiskQuantities quantities)
    {
        Guard.NotNull(quantities);
        Quantities = quantities;
    }

    /// <inheritdoc />
    public RiskQuantities Quantities { get; }

    /// <summary>E[ER(f_w)] = ρ_w + (σ² + ρ_w)·d_w/(n − d_w − 1), split into bias (ρ parts) and variance (σ² part).</summary>
    /// <param name="labelledCount">n &gt; d_w + 1.</param>
    /// <returns>The expected risk.</returns>
    /// <exception cref="ArgumentOutOfRangeException">n ≤ d_w + 1 (the expectation is infinite).</exception>
    public RiskDecomposition Weak(int labelledCount)
    {
        var q = Quantities;
        RequireAbove(labelledCount, q.WeakDimension + 1, nameof(labelledCount), "n > d_w + 1");
        return Ols(q.WeakDimension, labelledCount, q.WeakApproximationError);
    }

    /// <summary>E[ER(f_s)] = ρ_s + (σ² + ρ_s)·d_s/(n − d_s − 1).</summary>
    /// <param name="labelledCount">n &gt; d_s + 1.</param>
    /// <returns>The expected risk.</returns>
    /// <exception cref="ArgumentOutOfRangeException">n ≤ d_s + 1.</exception>
    public RiskDecomposition StrongBaseline(int labelledCount)
    {
        var q = Quantities;
        RequireAbove(labelledCount, q.StrongDimension + 1, nameof(labelledCount), "n > d_s + 1");
        return Ols(q.StrongDimension, labelledCount, q.StrongApproximationError);
    }

    /// <summary>E[ER(f_c)] = ρ_s + (σ² + ρ_s)·d_s/(n + N − d_s − 1).</summary>
    /// <param name="labelledCount">n ≥ 0.</param>
    /// <param name="unlabelledCount">N ≥ 0, with n + N &gt; d_s + 1.</param>
    /// <returns>The expected risk.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative or n + N ≤ d_s + 1.</exception>
    public RiskDecomposition StrongCeiling(int labelledCount, int unlabelledCount)
    {
        var q = Quantities;
        Guard.NonNegative(labelledCount);
        Guard.NonNegative(unlabelledCount);
        var total = (long)labelledCount + unlabelledCount;
        if (total <= q.StrongDimension + 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(unlabelledCount), unlabelledCount,
                $"n + N = {total} is out of range; valid range: n + N > d_s + 1 = {q.StrongDimension + 1}.");
        }

        return Ols(q.StrongDimension, total, q.StrongApproximationError);
    }

    /// <summary>E[ER(f_w2s)], split into bias and variance as in the class summary.</summary>
    /// <param name="labelledCount">n &gt; d_w + 1.</param>
    /// <param name="unlabelledCount">N &gt; d_s + 1.</param>
    /// <returns>The expected risk.</returns>
    /// <exception cref="ArgumentOutOfRangeException">n ≤ d_w + 1 or N ≤ d_s + 1.</exception>
    public RiskDecomposition WeakToStrong(int labelledCount, int unlabelledCount)
    {
        var q = Quantities;
        RequireAbove(labelledCount, q.WeakDimension + 1, nameof(labelledCount), "n > d_w + 1");
        RequireAbove(unlabelledCount, q.StrongDimension + 1, nameof(unlabelledCount), "N > d_s + 1");
        return WeakToStrongAt(labelledCount, DiscrepancyFactor(unlabelledCount));
    }

    /// <summary>
    /// The N → ∞ limit of <see cref="Predict"/>: κ = d_s/(N − d_s − 1) → 0, so the student keeps only what it inherits
    /// on the overlap, E[ER_w2s] → ρ_s + ‖c_{S\W}‖² + a_w·d_{s∧w} (variance a_σ·d_{s∧w}), and the ceiling reaches its
    /// approximation error ρ_s with no variance. Evaluated with κ = 0 exactly, not at a large N.
    /// </summary>
    /// <param name="labelledCount">n &gt; max(d_w, d_s) + 1.</param>
    /// <returns>The expected risks with their variance split (the discrepancy part is 0).</returns>
    /// <exception cref="ArgumentOutOfRangeException">n is out of range.</exception>
    public FourModelRisks PredictLimit(int labelledCount)
    {
        var q = Quantities;
        RequireAbove(labelledCount, q.WeakDimension + 1, nameof(labelledCount), "n > d_w + 1");
        return new FourModelRisks(
            Weak(labelledCount),
            WeakToStrongAt(labelledCount, 0.0),
            StrongBaseline(labelledCount),
            RiskDecomposition.Expected(q.StrongApproximationError, 0.0))
        {
            InheritedVariance = q.NoiseVariance / ((double)labelledCount - q.WeakDimension - 1) * q.CorrelationDimension,
            DiscrepancyVariance = 0.0,
        };
    }

    /// <summary>E[ER(f_w2s)] at n with the student's discrepancy factor κ (κ = d_s/(N − d_s − 1), 0 for N = ∞).</summary>
    private RiskDecomposition WeakToStrongAt(int labelledCount, double discrepancyFactor)
    {
        var q = Quantities;
        var teacherDenominator = (double)labelledCount - q.WeakDimension - 1;
        var noiseFactor = q.NoiseVariance / teacherDenominator;
        var misfitFactor = q.WeakApproximationError / teacherDenominator;
        var variance = noiseFactor * (q.CorrelationDimension + q.DiscrepancyDimension * discrepancyFactor);
        var bias = q.StrongApproximationError
            + q.StrongOnlyEnergy
            + misfitFactor * q.CorrelationDimension
            + (q.WeakOnlyEnergy + misfitFactor * q.DiscrepancyDimension) * discrepancyFactor;
        return RiskDecomposition.Expected(bias, variance);
    }

    /// <summary>All four expectations at (n, N); PGR and OPR are ratios of expectations.</summary>
    /// <param name="labelledCount">n &gt; max(d_w, d_s) + 1.</param>
    /// <param name="unlabelledCount">N &gt; d_s + 1.</param>
    /// <returns>The expected risks.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count is out of range.</exception>
    public FourModelRisks Predict(int labelledCount, int unlabelledCount)
    {
        var split = WeakToStrongVarianceSplit(labelledCount, unlabelledCount);
        return new FourModelRisks(
            Weak(labelledCount),
            WeakToStrong(labelledCount, unlabelledCount),
            StrongBaseline(labelledCount),
            StrongCeiling(labelledCount, unlabelledCount))
        {
            InheritedVariance = split.Inherited,
            DiscrepancyVariance = split.Discrepancy,
        };
    }

    /// <summary>
    /// The exact split of E[Var(f_w2s)]: inherited σ²·d_{s∧w}/(n − d_w − 1) (the teacher's error on the
    /// overlap, E‖P_S e_w‖² = σ²·tr(P_S P_W)/(n − d_w − 1)) and discrepancy
    /// σ²(d_w − d_{s∧w})/(n − d_w − 1)·d_s/(N − d_s − 1). Their sum is the variance of <see cref="WeakToStrong"/>.
    /// </summary>
    /// <param name="labelledCount">n &gt; d_w + 1.</param>
    /// <param name="unlabelledCount">N &gt; d_s + 1.</param>
    /// <returns>The two parts.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count is out of range.</exception>
    public StudentVarianceSplit WeakToStrongVarianceSplit(int labelledCount, int unlabelledCount)
    {
        var q = Quantities;
        RequireAbove(labelledCount, q.WeakDimension + 1, nameof(labelledCount), "n > d_w + 1");
        RequireAbove(unlabelledCount, q.StrongDimension + 1, nameof(unlabelledCount), "N > d_s + 1");
        var noiseFactor = q.NoiseVariance / ((double)labelledCount - q.WeakDimension - 1);
        var discrepancyFactor = q.StrongDimension / ((double)unlabelledCount - q.StrongDimension - 1);
        return new StudentVarianceSplit(
            noiseFactor * q.CorrelationDimension, noiseFactor * q.DiscrepancyDimension * discrepancyFactor);
    }

    private double DiscrepancyFactor(int unlabelledCount) => Quantities.StrongDimension / ((double)unlabelledCount - Quantities.StrongDimension - 1);

    private RiskDecomposition Ols(int dimension, long samples, double approximationError)
    {
        var factor = dimension / ((double)samples - dimension - 1);
        return RiskDecomposition.Expected(
            approximationError + approximationError * factor, Quantities.NoiseVariance * factor);
    }

    private static void RequireAbove(int value, int bound, string name, string range)
    {
        if (value <= bound)
        {
            throw new ArgumentOutOfRangeException(
                name, value, $"{name} = {value} is out of range; valid range: {range} = {bound} (the exact expectation is infinite otherwise).");
        }
    }
}
