namespace WeakToStrong.Bregman;

/// <summary>
/// One draw of <see cref="RandomFeatureStudentExample"/> (the random-feature least-squares example); every property is
/// a sweep column. Notation: δ = β_s − β*, ξ the teacher's weight noise, ξ_P = P_Xξ the posterior-mean teacher's shift,
/// G = (X, S, labels) the student's information.
/// </summary>
/// <param name="Width">Student width p.</param>
/// <param name="TeacherRisk">R(f_w) = ‖ξ‖² (realised).</param>
/// <param name="StudentRisk">R(f_s) = ‖δ‖².</param>
/// <param name="Misfit">M(f_s, f_w) = ‖δ − ξ‖² (realised).</param>
/// <param name="DistanceToPosteriorMean">‖β_s − β̄‖² = ‖δ − ξ_P‖².</param>
/// <param name="PosteriorMeanRisk">R(f̄) = ‖ξ_P‖², the posterior-mean teacher's risk (mean Nτ²).</param>
/// <param name="ConditionalTeacherRisk">E[R(f_w) | G] = ‖ξ_P‖² + τ²(d − N).</param>
/// <param name="ConditionalMisfit">E[M | G] = ‖δ − ξ_P‖² + τ²(d − N).</param>
/// <param name="Residual">The residual of (★) given G, the cross term 2(ξ_P − δ)ᵀ(−δ) = 2⟨f̄ − f_s, g − f_s⟩ in weight space.</param>
public sealed record RandomFeatureStudentDraw(
    int Width,
    double TeacherRisk,
    double StudentRisk,
    double Misfit,
    double DistanceToPosteriorMean,
    double PosteriorMeanRisk,
    double ConditionalTeacherRisk,
    double ConditionalMisfit,
    double Residual)
{
    /// <summary>
    /// R(f_s) − (R(f_w) − M + residual) with the realised teacher risk and misfit: by algebra it equals
    /// 2δᵀ(ξ_P − ξ) = −2δᵀ(I − P_X)ξ, whose conditional mean given G is 0 because δ is G-measurable and the unseen part
    /// (I − P_X)ξ has mean 0 given G. So it is not zero per draw, but its mean over draws is 0 by (★) (Xu et al. 2025,
    /// arXiv:2505.24313), and only when ξ_P is the true posterior mean: this is the defect that tests the posterior-mean
    /// teacher.
    /// </summary>
    public double IdentityDefect => StudentRisk - (TeacherRisk - Misfit + Residual);

    /// <summary>
    /// R(f_s) − (E[R(f_w)|G] − E[M|G] + residual): zero to rounding for every p. It is the three-point identity
    /// ‖δ‖² = ‖v‖² − ‖δ − v‖² + 2δᵀ(δ − v), which holds for any vector v in place of ξ_P and any common unseen variance,
    /// so it checks the arithmetic of the four terms, not the posterior mean (<see cref="IdentityDefect"/> does that).
    /// </summary>
    public double ConditionalIdentityDefect => StudentRisk - (ConditionalTeacherRisk - ConditionalMisfit + Residual);

    /// <summary>Realised gain R(f_w) − R(f_s).</summary>
    public double Gain => TeacherRisk - StudentRisk;
}
