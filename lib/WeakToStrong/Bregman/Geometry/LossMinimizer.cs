namespace WeakToStrong.Bregman;

/// <summary>A minimiser over the student's probability p ∈ [0, 1] of a per-sample loss, and the minimal value.</summary>
/// <param name="Probability">The minimising p.</param>
/// <param name="Value">The minimal loss.</param>
public readonly record struct LossMinimizer(double Probability, double Value);
