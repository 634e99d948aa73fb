namespace WeakToStrong.Bregman;

/// <summary>A per-sample student loss and its derivative with respect to the student's logit z.</summary>
/// <param name="Value">The loss ℓ(z; q).</param>
/// <param name="Gradient">∂ℓ/∂z.</param>
public readonly record struct LossWithGradient(double Value, double Gradient);
