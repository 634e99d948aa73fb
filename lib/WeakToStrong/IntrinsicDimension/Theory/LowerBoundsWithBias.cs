using WeakToStrong.Validation;

namespace WeakToStrong.IntrinsicDimension;

/// <summary>
/// The PGR and OPR lower bounds with bias exactly as the authors plot them ("Bounds" section of their notebook for
/// Dong et al. 2025, arXiv:2502.05075), with ρ = ρ_s + ρ_w and D(N) = d_{s∧w} + (d_w − d_{s∧w})·d_s/N:
/// <list type="bullet">
/// <item><description>PGR ≥ 1 − [n/(n − d_w − 1)]·D(N)/d_w − n·ρ/(σ²·d_w);</description></item>
/// <item><description>OPR ≥ 1 / ( [n/(n − d_w − 1)]·D(N)/d_s + n·ρ/(σ²·d_s) ).</description></item>
/// </list>
/// They come from PGR ≥ 1 − ER_w2s/ER_w with ER_w ≈ σ²d_w/n, and OPR with ER_s ≈ σ²d_s/n. Both increase and saturate
/// in N and are non-monotone in n (the teacher is too noisy near n ≈ d_w; the bias term grows linearly in n).
/// The figure design is d_w = 100, d_s = 80, d_{s∧w} = 10, σ² = 1, ρ = 0.1.
/// </summary>
public sealed class LowerBoundsWithBias
{
    /// <summary>Builds the bounds.</summary>
    /// <param name="strongDimension">d_s ≥ 1.</param>
    /// <param name="weakDimension">d_w ≥ 1.</param>
    /// <param name="correlationDimension">d_{s∧w} in [0, min(d_s, d_w)].</param>
    /// <param name="noiseVariance">σ² &gt; 0.</param>
    /// <param name="approximationError">ρ = ρ_s + ρ_w ≥ 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public LowerBoundsWithBias(
        int strongDimension, int weakDimension, double correlationDimension, double noiseVariance, double approximationError)
    {
        Scaling = new VarianceDominatedScaling(strongDimension, weakDimension, correlationDimension);
        Guard.Positive(noiseVariance);
        NoiseVariance = noiseVariance;
        Guard.NonNegative(approximationError);
        ApproximationError = approximationError;
    }

    /// <summary>The dimensions d_s, d_w, d_{s∧w} and D(N).</summary>
    public VarianceDominatedScaling Scaling { get; }

    /// <summary>σ².</summary>
    public double NoiseVariance { get; }

    /// <summary>ρ = ρ_s + ρ_w.</summary>
    public double ApproximationError { get; }

    /// <summary>PGR ≥ 1 − [n/(n − d_w − 1)]·D(N)/d_w − n·ρ/(σ²·d_w).</summary>
    /// <param name="labelledCount">n &gt; d_w + 1.</param>
    /// <param name="unlabelledCount">N ≥ 1.</param>
    /// <returns>The lower bound (negative means vacuous).</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count is out of range.</exception>
    public double PerformanceGapRecovered(int labelledCount, int unlabelledCount)
    {
        var (fromVariance, fromBias) = Terms(labelledCount, unlabelledCount, Scaling.WeakDimension);
        return 1.0 - fromVariance - fromBias;
    }

    /// <summary>OPR ≥ 1 / ( [n/(n − d_w − 1)]·D(N)/d_s + n·ρ/(σ²·d_s) ).</summary>
    /// <param name="labelledCount">n &gt; d_w + 1.</param>
    /// <param name="unlabelledCount">N ≥ 1.</param>
    /// <returns>The lower bound (finite: D(N) ≥ d_w·d_s/N &gt; 0).</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count is out of range.</exception>
    public double OutperformingRatio(int labelledCount, int unlabelledCount)
    {
        var (fromVariance, fromBias) = Terms(labelledCount, unlabelledCount, Scaling.StrongDimension);
        return 1.0 / (fromVariance + fromBias);
    }

    /// <summary>
    /// The labelled-sample count n at which both bounds peak for this N, or null when they increase with n for ever
    /// (ρ = 0). With k = d_w + 1, a = D(N)/d_w and b = ρ/(σ²d_w), the PGR bound is 1 − a·n/(n − k) − b·n, concave for
    /// n &gt; k, stationary at n* = k + √(a·k/b) = k + √(k·D(N)·σ²/ρ); the OPR bound is the reciprocal of the same
    /// expression with d_s in place of d_w in both a and b, so it peaks at the same n*. Returned: the better of ⌊n*⌋
    /// and ⌈n*⌉ for the PGR bound, at least d_w + 2.
    /// </summary>
    /// <param name="unlabelledCount">N ≥ 1.</param>
    /// <returns>The integer maximiser of both bounds over n &gt; d_w + 1, or null for ρ = 0.</returns>
    /// <exception cref="ArgumentOutOfRangeException">N is out of range.</exception>
    public int? BestLabelledCount(int unlabelledCount)
    {
        Guard.Positive(unlabelledCount);
        if (ApproximationError == 0)
        {
            return null;
        }

        double k = Scaling.WeakDimension + 1;
        var stationary = k + Math.Sqrt(k * Scaling.EffectiveDimension(unlabelledCount) * NoiseVariance / ApproximationError);
        if (stationary >= int.MaxValue - 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(unlabelledCount), unlabelledCount, $"the bounds peak at n = {stationary:G4}, beyond the int range; ρ = {ApproximationError:G4} is too small for an integer answer.");
        }

        var below = Math.Max(Scaling.WeakDimension + 2, (int)Math.Floor(stationary));
        var above = Math.Max(Scaling.WeakDimension + 2, (int)Math.Ceiling(stationary));
        return PerformanceGapRecovered(above, unlabelledCount) > PerformanceGapRecovered(below, unlabelledCount) ? above : below;
    }

    private (double FromVariance, double FromBias) Terms(int labelledCount, int unlabelledCount, int divisor)
    {
        Guard.AtLeast(labelledCount, Scaling.WeakDimension + 2, "n > d_w + 1");
        Guard.Positive(unlabelledCount);
        double n = labelledCount;
        var fromVariance = n / (n - Scaling.WeakDimension - 1) * Scaling.EffectiveDimension(unlabelledCount) / divisor;
        var fromBias = n * ApproximationError / (NoiseVariance * divisor);
        return (fromVariance, fromBias);
    }
}
