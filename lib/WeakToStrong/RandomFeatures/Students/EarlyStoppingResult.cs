namespace WeakToStrong.RandomFeatures;

/// <summary>
/// The outcome of oracle early stopping of an infinite-width student: the stopping time that
/// minimises the student's population loss L_ST(t) against the true target, and the weak-to-strong figures there.
/// </summary>
/// <param name="OptimalTime">t*, the loss-minimising gradient-flow time (in the model's own time units).</param>
/// <param name="OptimalScaledTime">t*·λ_ref, the normalisation-free time (λ_ref = λ_1, the target's eigenvalue).</param>
/// <param name="StudentLoss">L_ST(t*), the student's loss at the optimum.</param>
/// <param name="TeacherLoss">L_TE, the teacher's loss (= L_ST(∞) when the teacher lies in the student's RKHS).</param>
/// <param name="IsInteriorOptimum">True when the minimum lies strictly inside the search grid (and was refined by
/// golden-section search in log t); false when it sits on an end of the grid, e.g. when early stopping gains nothing.</param>
public sealed record EarlyStoppingResult(
    double OptimalTime,
    double OptimalScaledTime,
    double StudentLoss,
    double TeacherLoss,
    bool IsInteriorOptimum)
{
    /// <summary>L_ST(t*)/L_TE: below 1 means weak-to-strong gain.</summary>
    public double LossRatio => StudentLoss / TeacherLoss;

    /// <summary>
    /// Performance gap recovered, PGR = (L_TE − L_ST)/(L_TE − L_ceiling) with ceiling loss 0 (an infinite-width student
    /// trained on the true target reaches f*), i.e. PGR = 1 − L_ST/L_TE (PGR as in Burns et al. 2023,
    /// arXiv:2312.09390).
    /// </summary>
    public double Pgr => 1.0 - LossRatio;
}
