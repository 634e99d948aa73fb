namespace WeakToStrong.Bregman;

/// <summary>A trained student and its training curve.</summary>
/// <param name="Student">The final student.</param>
/// <param name="Curve">Records at step 0, every recordEvery steps, and at the last step.</param>
public sealed record LogisticStudentFit(LogisticStudent Student, IReadOnlyList<TrainingRecord> Curve);
