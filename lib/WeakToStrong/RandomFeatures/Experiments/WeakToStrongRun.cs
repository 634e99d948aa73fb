using WeakToStrong.Metrics;
using WeakToStrong.Validation;

namespace WeakToStrong.RandomFeatures;

/// <summary>
/// The headline numbers of one teacher–student run with oracle early stopping (the quantities plotted in Fig. 2(a)/(b)
/// of Medvedev et al. 2025, arXiv:2503.02877): one row of the
/// <see cref="TeacherWidthSweep"/> tables (every property becomes a metric column).
/// </summary>
/// <param name="TeacherLoss">L_TE.</param>
/// <param name="StudentLoss">L_ST* = min_t L_ST(t).</param>
/// <param name="LossRatio">L_ST*/L_TE (below 1: weak-to-strong gain).</param>
/// <param name="Pgr">PGR = (L_TE − L_ST*)/(L_TE − L_ceiling) (Burns et al. 2023, arXiv:2312.09390) with ceiling loss 0
/// (a student trained on the true labels reaches f*), i.e. 1 − L_ST*/L_TE.</param>
/// <param name="OptimalScaledTime">t*·λ_1, the oracle stopping time in units of the target's eigenvalue.</param>
/// <param name="LowerBound">LB(L_TE) of <see cref="QuadraticLowerBound"/> (≈ L_TE²): no student can go below
/// it.</param>
/// <param name="LossOverTeacherLossSquared">L_ST*/L_TE²: at least 1 for an eigenfunction target
/// (<see cref="QuadraticLowerBound"/>); its trend with L_TE is the deviation of the log–log slope from 2.</param>
/// <param name="InteriorOptimum">1 when the optimum is strictly inside the searched time range, 0 at an end.</param>
public sealed record WeakToStrongRun(
    double TeacherLoss,
    double StudentLoss,
    double LossRatio,
    double Pgr,
    double OptimalScaledTime,
    double LowerBound,
    double LossOverTeacherLossSquared,
    int InteriorOptimum)
{
    /// <summary>The row for an oracle-stopped student.</summary>
    /// <param name="stop">The early-stopping result.</param>
    public static WeakToStrongRun From(EarlyStoppingResult stop)
    {
        Guard.NotNull(stop);
        var teacher = stop.TeacherLoss;
        return new WeakToStrongRun(
            teacher,
            stop.StudentLoss,
            stop.StudentLoss / teacher,
            WeakToStrongMetrics.PerformanceGapRecovered(teacher, stop.StudentLoss, 0.0),
            stop.OptimalScaledTime,
            QuadraticLowerBound.Value(teacher),
            stop.StudentLoss / (teacher * teacher),
            stop.IsInteriorOptimum ? 1 : 0);
    }
}
