namespace WeakToStrong.Bregman;

/// <summary>
/// The terms of the exact risk-gap identity (★), an equality derived in this library (conditional Bregman bias–variance
/// decomposition plus the three-point identity) that underlies the risk-gap bound of Xu et al. 2025, arXiv:2505.24313
/// (Theorem 3.1 in the ICLR 2026 version: the student's expected risk is at most the teacher's minus the expected
/// misfit, up to residual terms): E R(f_s) = E R(f_w) − E M(f_s, f_w) + E ⟨∇φ(f̄) − ∇φ(f_s), g − f_s⟩,
/// with R(f) = E D_φ(g, f) (target in the first slot), M(f_s, f_w) = E D_φ(f_s, f_w) (student in the first slot)
/// and f̄ = (∇φ)⁻¹(E[∇φ(f_w) | G]) the posterior-mean teacher. All expectations are over inputs and model draws.
/// </summary>
/// <param name="TeacherRisk">E R(f_w) = E D(g, f_w).</param>
/// <param name="StudentRisk">E R(f_s) = E D(g, f_s), computed directly.</param>
/// <param name="Misfit">E M(f_s, f_w) = E D(f_s, f_w).</param>
/// <param name="Residual">E ⟨∇φ(f̄) − ∇φ(f_s), g − f_s⟩; zero when the student is its posterior-mean teacher.</param>
public sealed record RiskGapDecomposition(double TeacherRisk, double StudentRisk, double Misfit, double Residual)
{
    /// <summary>The weak-to-strong gain E R(f_w) − E R(f_s) (positive: the student beats its teacher).</summary>
    public double Gain => TeacherRisk - StudentRisk;

    /// <summary>StudentRisk − (TeacherRisk − Misfit + Residual): zero to rounding, by (★).</summary>
    public double IdentityDefect => StudentRisk - (TeacherRisk - Misfit + Residual);
}
