namespace WeakToStrong.RandomFeatures;

/// <summary>
/// A student's population loss along a grid of gradient-flow times (the U-shaped curve L_ST(t)/L_TE against t·λ_1 that
/// shows why early stopping is needed): one row per time.
/// </summary>
/// <param name="Times">The gradient-flow times t.</param>
/// <param name="ScaledTimes">The same times as t·λ_ref (λ_ref = λ_1, the target's eigenvalue).</param>
/// <param name="StudentLosses">L_ST(t) at each time.</param>
/// <param name="TeacherLoss">L_TE, the teacher's loss (the curve's limit as t → ∞).</param>
public sealed record StudentLossCurve(
    IReadOnlyList<double> Times,
    IReadOnlyList<double> ScaledTimes,
    IReadOnlyList<double> StudentLosses,
    double TeacherLoss)
{
    /// <summary>L_ST(t)/L_TE at each time (the y axis of the U-curve plot).</summary>
    public IReadOnlyList<double> LossRatios => StudentLosses.Select(loss => loss / TeacherLoss).ToArray();
}
