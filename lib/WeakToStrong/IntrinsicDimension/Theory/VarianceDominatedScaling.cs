using WeakToStrong.Validation;

namespace WeakToStrong.IntrinsicDimension;

/// <summary>
/// Consequences of the asymptotic variance formulas of Dong et al. 2025 (arXiv:2502.05075; see
/// <see cref="AsymptoticRisk"/>) in the variance-dominated regime σ² ≫ ρ (derived in this library), written
/// with the effective dimension D(N) = d_{s∧w} + (d_w − d_{s∧w})·d_s/N, so that Var(f_w2s) ≈ σ²·D(N)/n,
/// Var(f_w) ≈ σ²d_w/n, Var(f_s) ≈ σ²d_s/n and Var(f_c) ≈ σ²d_s/(n+N).
/// </summary>
public sealed class VarianceDominatedScaling
{
    /// <summary>Builds the scaling laws for given dimensions.</summary>
    /// <param name="strongDimension">d_s ≥ 1.</param>
    /// <param name="weakDimension">d_w ≥ 1.</param>
    /// <param name="correlationDimension">d_{s∧w} in [0, min(d_s, d_w)].</param>
    /// <exception cref="ArgumentOutOfRangeException">A dimension is out of range.</exception>
    public VarianceDominatedScaling(int strongDimension, int weakDimension, double correlationDimension)
    {
        Guard.Positive(strongDimension);
        StrongDimension = strongDimension;
        Guard.Positive(weakDimension);
        WeakDimension = weakDimension;
        Guard.InRange(correlationDimension, 0.0, Math.Min(strongDimension, weakDimension));
        CorrelationDimension = correlationDimension;
    }

    /// <summary>d_s.</summary>
    public int StrongDimension { get; }

    /// <summary>d_w.</summary>
    public int WeakDimension { get; }

    /// <summary>d_{s∧w}.</summary>
    public double CorrelationDimension { get; }

    /// <summary>D(N) = d_{s∧w} + (d_w − d_{s∧w})·d_s/N, the dimension that multiplies σ²/n in Var(f_w2s).</summary>
    /// <param name="unlabelledCount">N ≥ 1.</param>
    /// <returns>D(N).</returns>
    /// <exception cref="ArgumentOutOfRangeException">N &lt; 1.</exception>
    public double EffectiveDimension(int unlabelledCount)
    {
        Guard.Positive(unlabelledCount);
        return CorrelationDimension + (WeakDimension - CorrelationDimension) * StrongDimension / unlabelledCount;
    }

    /// <summary>Var(f_w2s)/Var(f_w) ≈ D(N)/d_w; below 1 (W2S beats the teacher) whenever d_{s∧w} &lt; d_w and N &gt; d_s.</summary>
    /// <param name="unlabelledCount">N ≥ 1.</param>
    /// <returns>The variance ratio.</returns>
    public double VarianceRatioToTeacher(int unlabelledCount) => EffectiveDimension(unlabelledCount) / WeakDimension;

    /// <summary>OPR ≈ d_s/D(N).</summary>
    /// <param name="unlabelledCount">N ≥ 1.</param>
    /// <returns>The approximate outperforming ratio.</returns>
    public double OutperformingRatio(int unlabelledCount) => StrongDimension / EffectiveDimension(unlabelledCount);

    /// <summary>lim_{N→∞} OPR = d_s/d_{s∧w} (+∞ when d_{s∧w} = 0).</summary>
    public double OutperformingRatioLimit =>
        CorrelationDimension > 0 ? StrongDimension / CorrelationDimension : double.PositiveInfinity;

    /// <summary>
    /// The N beyond which W2S beats the strong baseline: N &gt; d_s(d_w − d_{s∧w})/(d_s − d_{s∧w}), valid when
    /// d_{s∧w} &lt; d_s; +∞ when d_{s∧w} ≥ d_s (W2S never beats it).
    /// </summary>
    public double OutperformingThreshold =>
        CorrelationDimension < StrongDimension
            ? StrongDimension * (WeakDimension - CorrelationDimension) / (StrongDimension - CorrelationDimension)
            : double.PositiveInfinity;

    /// <summary>The effective labelled-sample size: strong SFT on n·d_s/D(N) labels has the variance of W2S with (n, N).</summary>
    /// <param name="labelledCount">n ≥ 1.</param>
    /// <param name="unlabelledCount">N ≥ 1.</param>
    /// <returns>n·d_s/D(N).</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count is below 1.</exception>
    public double EffectiveLabelledSampleSize(int labelledCount, int unlabelledCount)
    {
        Guard.Positive(labelledCount);
        return (double)labelledCount * StrongDimension / EffectiveDimension(unlabelledCount);
    }

    /// <summary>PGR ≈ (d_w − d_{s∧w})(1 − d_s/N) / (d_w − d_s·n/(n+N)) (variance only, ceiling on n + N).</summary>
    /// <param name="labelledCount">n ≥ 1.</param>
    /// <param name="unlabelledCount">N ≥ 1.</param>
    /// <returns>The approximate PGR.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count is below 1.</exception>
    /// <exception cref="ArgumentException">d_w = d_s·n/(n+N), where the gap Var(f_w) − Var(f_c) vanishes.</exception>
    public double PerformanceGapRecovered(int labelledCount, int unlabelledCount)
    {
        Guard.Positive(labelledCount);
        Guard.Positive(unlabelledCount);
        var gap = WeakDimension - (double)StrongDimension * labelledCount / ((double)labelledCount + unlabelledCount);
        if (gap == 0)
        {
            throw new ArgumentException(
                $"At n = {labelledCount}, N = {unlabelledCount} the teacher and ceiling variances coincide (d_w = d_s·n/(n+N)); PGR is undefined.",
                nameof(unlabelledCount));
        }

        return (WeakDimension - CorrelationDimension) * (1.0 - (double)StrongDimension / unlabelledCount) / gap;
    }

    /// <summary>The simplified PGR bound when ER_c ≪ ER_w: (1 − d_{s∧w}/d_w)(1 − d_s/N).</summary>
    /// <param name="unlabelledCount">N ≥ 1.</param>
    /// <returns>The bound.</returns>
    /// <exception cref="ArgumentOutOfRangeException">N &lt; 1.</exception>
    public double PerformanceGapRecoveredSimpleBound(int unlabelledCount)
    {
        Guard.Positive(unlabelledCount);
        return (1.0 - CorrelationDimension / WeakDimension) * (1.0 - (double)StrongDimension / unlabelledCount);
    }

    /// <summary>lim_{N→∞} PGR = 1 − d_{s∧w}/d_w: smaller overlap, larger PGR ("discrepancies are virtue").</summary>
    public double PerformanceGapRecoveredLimit => 1.0 - CorrelationDimension / WeakDimension;
}
