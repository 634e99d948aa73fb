using WeakToStrong.Validation;

namespace WeakToStrong.IntrinsicDimension;

/// <summary>
/// The metrics of one four-model trial as a flat record (one column each in a sweep's tables): the four excess
/// risks, the per-trial PGR and OPR, and the student's variance with its split.
/// </summary>
/// <param name="Weak">ER(f_w).</param>
/// <param name="WeakToStrong">ER(f_w2s).</param>
/// <param name="StrongBaseline">ER(f_s).</param>
/// <param name="StrongCeiling">ER(f_c).</param>
/// <param name="PerformanceGapRecovered">PGR = (ER(f_w) − ER(f_w2s))/(ER(f_w) − ER(f_c)) of this trial.</param>
/// <param name="OutperformingRatio">OPR = ER(f_s)/ER(f_w2s) of this trial.</param>
/// <param name="WeakToStrongVariance">The student's noise-driven part ‖β_noise‖².</param>
/// <param name="InheritedVariance">The part inherited on the overlap, ‖P_S e_w‖².</param>
/// <param name="DiscrepancyVariance">What remains of the discrepancy part, ‖β_noise − P_S e_w‖².</param>
/// <param name="WeakVariance">The teacher's noise-driven part ‖e_w‖².</param>
/// <param name="WeakToStrongBias">The student's noise-free part ‖β_signal − c‖² (its fit to the noiseless pseudo-labels
/// of a teacher fitted on noiseless labels); ER(f_w2s) = bias + variance + cross term.</param>
public sealed record FourModelTrial(
    double Weak,
    double WeakToStrong,
    double StrongBaseline,
    double StrongCeiling,
    double PerformanceGapRecovered,
    double OutperformingRatio,
    double WeakToStrongVariance,
    double InheritedVariance,
    double DiscrepancyVariance,
    double WeakVariance,
    double WeakToStrongBias)
{
    /// <summary>Flattens a trial (or a closed form's expectations).</summary>
    /// <param name="risks">The four decompositions.</param>
    /// <returns>The flat record.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="risks"/> is null.</exception>
    public static FourModelTrial From(FourModelRisks risks)
    {
        Guard.NotNull(risks);
        return new FourModelTrial(
            risks.Weak.ExcessRisk,
            risks.WeakToStrong.ExcessRisk,
            risks.StrongBaseline.ExcessRisk,
            risks.StrongCeiling.ExcessRisk,
            risks.PerformanceGapRecovered,
            risks.OutperformingRatio,
            risks.WeakToStrong.Variance,
            risks.InheritedVariance,
            risks.DiscrepancyVariance,
            risks.Weak.Variance,
            risks.WeakToStrong.Bias);
    }
}
