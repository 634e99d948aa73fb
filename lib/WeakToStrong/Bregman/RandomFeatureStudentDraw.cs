namespace WeakToStrong.Bregman;

/// <summary>One draw of <see cref="RandomFeatureStudentExample"/> (the squared-loss example S-LIN); every property is a
/// sweep column.</summary>
/// <param name="Width">Student width p.</param>
/// <param name="TeacherRisk">R(f_w) = ‖ξ‖².</param>
/// <param name="StudentRisk">R(f_s) = ‖δ‖².</param>
/// <param name="Misfit">M(f_s, f_w) = ‖δ − ξ‖².</param>
/// <param name="DistanceToPosteriorMean">‖β_s − β̄‖² = ‖δ − P_Xξ‖².</param>
/// <param name="ConditionalTeacherRisk">E[R(f_w) | G] = ‖P_Xξ‖² + τ²(d − N).</param>
/// <param name="ConditionalMisfit">E[M | G] = ‖δ − P_Xξ‖² + τ²(d − N).</param>
/// <param name="Residual">The residual of (★) given G, 2(P_Xξ − δ)ᵀ(−δ).</param>
public sealed record RandomFeatureStudentDraw(
    int Width,
    double TeacherRisk,
    double StudentRisk,
    double Misfit,
    double DistanceToPosteriorMean,
    double ConditionalTeacherRisk,
    double ConditionalMisfit,
    double Residual)
{
    /// <summary>R(f_s) − (E[R(f_w)|G] − E[M|G] + residual): zero to rounding for every p.</summary>
    public double IdentityDefect => StudentRisk - (ConditionalTeacherRisk - ConditionalMisfit + Residual);

    /// <summary>Realised gain R(f_w) − R(f_s).</summary>
    public double Gain => TeacherRisk - StudentRisk;
}
