using WeakToStrong.Validation;

namespace WeakToStrong.IntrinsicDimension;

/// <summary>
/// The asymptotic excess-risk forms of Dong et al. 2025 (arXiv:2502.05075) exactly as the authors plot them (the dotted
/// "bound" curves of the paper's synthetic excess-risk figures):
/// <list type="bullet">
/// <item><description>weak: ER_w ≈ σ²·d_w/n + ρ_w;</description></item>
/// <item><description>strong baseline: ER_s ≈ σ²·d_s/n + ρ_s;</description></item>
/// <item><description>strong ceiling: ER_c ≈ σ²·d_s/(n + N) + ρ_s;</description></item>
/// <item><description>W2S: ER_w2s ≈ σ²·[d_{s∧w} + (d_w − d_{s∧w})·d_s/N]/(n − d_w − 1) + ρ_w + ρ_s;</description></item>
/// </list>
/// and the main variance formula of the abstract, Var(f_w2s) ≈ (σ²/n)·[d_{s∧w} + (d_s/N)(d_w − d_{s∧w})].
/// The σ² parts are reported as variance and the ρ parts as bias.
/// </summary>
public sealed class AsymptoticRisk : IFourModelTheory
{
    /// <summary>Builds the closed form (only d_s, d_w, d_{s∧w}, σ², ρ_s, ρ_w are used).</summary>
    /// <param name="quantities">The dimensions, noise level and approximation errors.</param>
    /// <exception cref="ArgumentNullException"><paramref name="quantities"/> is null.</exception>
    public AsymptoticRisk(RiskQuantities quantities)
    {
        Guard.NotNull(quantities);
        Quantities = quantities;
    }

    /// <inheritdoc />
    public RiskQuantities Quantities { get; }

    /// <summary>ER_w ≈ σ²·d_w/n + ρ_w.</summary>
    /// <param name="labelledCount">n ≥ 1.</param>
    /// <returns>Bias ρ_w, variance σ²·d_w/n.</returns>
    /// <exception cref="ArgumentOutOfRangeException">n &lt; 1.</exception>
    public RiskDecomposition Weak(int labelledCount)
    {
        Guard.Positive(labelledCount);
        var q = Quantities;
        return RiskDecomposition.Expected(q.WeakApproximationError, q.NoiseVariance * q.WeakDimension / labelledCount);
    }

    /// <summary>ER_s ≈ σ²·d_s/n + ρ_s.</summary>
    /// <param name="labelledCount">n ≥ 1.</param>
    /// <returns>Bias ρ_s, variance σ²·d_s/n.</returns>
    /// <exception cref="ArgumentOutOfRangeException">n &lt; 1.</exception>
    public RiskDecomposition StrongBaseline(int labelledCount)
    {
        Guard.Positive(labelledCount);
        var q = Quantities;
        return RiskDecomposition.Expected(q.StrongApproximationError, q.NoiseVariance * q.StrongDimension / labelledCount);
    }

    /// <summary>ER_c ≈ σ²·d_s/(n + N) + ρ_s.</summary>
    /// <param name="labelledCount">n ≥ 1.</param>
    /// <param name="unlabelledCount">N ≥ 0.</param>
    /// <returns>Bias ρ_s, variance σ²·d_s/(n + N).</returns>
    /// <exception cref="ArgumentOutOfRangeException">n &lt; 1 or N &lt; 0.</exception>
    public RiskDecomposition StrongCeiling(int labelledCount, int unlabelledCount)
    {
        Guard.Positive(labelledCount);
        Guard.NonNegative(unlabelledCount);
        var q = Quantities;
        return RiskDecomposition.Expected(
            q.StrongApproximationError, q.NoiseVariance * q.StrongDimension / ((double)labelledCount + unlabelledCount));
    }

    /// <summary>ER_w2s ≈ σ²·[d_{s∧w} + (d_w − d_{s∧w})·d_s/N]/(n − d_w − 1) + ρ_w + ρ_s (the authors' bound line).</summary>
    /// <param name="labelledCount">n &gt; d_w + 1.</param>
    /// <param name="unlabelledCount">N ≥ 1.</param>
    /// <returns>Bias ρ_w + ρ_s, variance σ²·[…]/(n − d_w − 1).</returns>
    /// <exception cref="ArgumentOutOfRangeException">n ≤ d_w + 1 or N &lt; 1.</exception>
    public RiskDecomposition WeakToStrong(int labelledCount, int unlabelledCount)
    {
        var q = Quantities;
        Guard.AtLeast(labelledCount, q.WeakDimension + 2, "n > d_w + 1");
        Guard.Positive(unlabelledCount);
        var variance = q.NoiseVariance * EffectiveDimension(unlabelledCount) / ((double)labelledCount - q.WeakDimension - 1);
        return RiskDecomposition.Expected(q.WeakApproximationError + q.StrongApproximationError, variance);
    }

    /// <summary>The main variance formula (stated in the paper's abstract): Var(f_w2s) ≈ (σ²/n)·[d_{s∧w} + (d_s/N)(d_w
    /// − d_{s∧w})].</summary>
    /// <param name="labelledCount">n ≥ 1.</param>
    /// <param name="unlabelledCount">N ≥ 1.</param>
    /// <returns>The variance.</returns>
    /// <exception cref="ArgumentOutOfRangeException">n &lt; 1 or N &lt; 1.</exception>
    public double WeakToStrongVariance(int labelledCount, int unlabelledCount)
    {
        Guard.Positive(labelledCount);
        Guard.Positive(unlabelledCount);
        return Quantities.NoiseVariance * EffectiveDimension(unlabelledCount) / labelledCount;
    }

    /// <summary>
    /// The split of the paper's main variance formula: inherited σ²·d_{s∧w}/n and discrepancy
    /// σ²(d_w − d_{s∧w})/n·d_s/N; their sum is <see cref="WeakToStrongVariance"/>.
    /// </summary>
    /// <param name="labelledCount">n ≥ 1.</param>
    /// <param name="unlabelledCount">N ≥ 1.</param>
    /// <returns>The two parts.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count is out of range.</exception>
    public StudentVarianceSplit WeakToStrongVarianceSplit(int labelledCount, int unlabelledCount)
    {
        Guard.Positive(labelledCount);
        Guard.Positive(unlabelledCount);
        var q = Quantities;
        var teacher = q.NoiseVariance / labelledCount;
        return new StudentVarianceSplit(
            teacher * q.CorrelationDimension, teacher * q.DiscrepancyDimension * q.StrongDimension / unlabelledCount);
    }

    /// <summary>All four forms at (n, N); PGR_bound and OPR_bound of the result are the authors' ratios.</summary>
    /// <param name="labelledCount">n &gt; d_w + 1.</param>
    /// <param name="unlabelledCount">N ≥ 1.</param>
    /// <returns>The four forms.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count is out of range.</exception>
    public FourModelRisks Predict(int labelledCount, int unlabelledCount) => new(
        Weak(labelledCount),
        WeakToStrong(labelledCount, unlabelledCount),
        StrongBaseline(labelledCount),
        StrongCeiling(labelledCount, unlabelledCount));

    /// <summary>
    /// The N → ∞ limit of <see cref="Predict"/>, with d_s/N = 0 exactly: ER_w2s → σ²·d_{s∧w}/(n − d_w − 1) + ρ_w + ρ_s
    /// and ER_c → ρ_s; the teacher and the baseline do not depend on N.
    /// </summary>
    /// <param name="labelledCount">n &gt; d_w + 1.</param>
    /// <returns>The four forms.</returns>
    /// <exception cref="ArgumentOutOfRangeException">n is out of range.</exception>
    public FourModelRisks PredictLimit(int labelledCount)
    {
        var q = Quantities;
        Guard.AtLeast(labelledCount, q.WeakDimension + 2, "n > d_w + 1");
        return new FourModelRisks(
            Weak(labelledCount),
            RiskDecomposition.Expected(
                q.WeakApproximationError + q.StrongApproximationError,
                q.NoiseVariance * q.CorrelationDimension / ((double)labelledCount - q.WeakDimension - 1)),
            StrongBaseline(labelledCount),
            RiskDecomposition.Expected(q.StrongApproximationError, 0.0));
    }

    /// <summary>d_{s∧w} + (d_w − d_{s∧w})·d_s/N.</summary>
    private double EffectiveDimension(int unlabelledCount) =>
        Quantities.CorrelationDimension + Quantities.DiscrepancyDimension * Quantities.StrongDimension / unlabelledCount;
}
