namespace WeakToStrong.RandomFeatures;

/// <summary>The deterministic-equivalent (Gaussian-universality) prediction of a teacher's loss, L_TE ≈ κ/(λ_target +
/// κ) (see <see cref="DeterministicEquivalent"/>).</summary>
/// <param name="Width">M_TE, the teacher width.</param>
/// <param name="EffectiveRegularization">κ &gt; 0, the root of Σ_k N_k λ_k/(λ_k + κ) = M_TE.</param>
/// <param name="TargetEigenvalue">λ_target, the kernel eigenvalue of the target's eigenspace.</param>
/// <param name="TeacherLoss">The predicted L_TE ≈ κ/(λ_target + κ).</param>
public sealed record DeterministicEquivalentPrediction(
    double Width,
    double EffectiveRegularization,
    double TargetEigenvalue,
    double TeacherLoss);
