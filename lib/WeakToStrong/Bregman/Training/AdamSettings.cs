using WeakToStrong.Validation;

namespace WeakToStrong.Bregman;

/// <summary>
/// Hyper-parameters of full-batch Adam (the synthetic classification of <see cref="NoisyTeacherClassification"/> uses
/// step 0.05, β = (0.9, 0.999), 3000 steps).
/// </summary>
/// <param name="LearningRate">Step size η &gt; 0.</param>
/// <param name="Steps">Number of full-batch steps, ≥ 1.</param>
/// <param name="Beta1">First-moment decay β₁ ∈ [0, 1).</param>
/// <param name="Beta2">Second-moment decay β₂ ∈ [0, 1).</param>
/// <param name="Epsilon">Denominator guard ε &gt; 0 (PyTorch's default 1e-8).</param>
public sealed record AdamSettings(double LearningRate = 0.05, int Steps = 3000, double Beta1 = 0.9, double Beta2 = 0.999, double Epsilon = 1e-8)
{
    /// <summary>Throws if a hyper-parameter is out of range.</summary>
    public void Validate()
    {
        Guard.Positive(LearningRate);
        Guard.Positive(Steps);
        Guard.InRange(Beta1, 0, 1 - 1e-15);
        Guard.InRange(Beta2, 0, 1 - 1e-15);
        Guard.Positive(Epsilon);
    }
}
