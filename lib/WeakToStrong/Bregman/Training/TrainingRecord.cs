namespace WeakToStrong.Bregman;

/// <summary>One point of a training curve.</summary>
/// <param name="Step">Adam steps taken (0 = initialisation).</param>
/// <param name="Loss">The training objective (1/n) Σ ℓ(z_i; q_i) at this step.</param>
/// <param name="MeanEntropy">Mean predictive entropy of the student on the training inputs, in nats.</param>
/// <param name="Misfit">(1/n) Σ KL(f_s(x_i) ‖ q_i) on the training inputs (student in the target slot); +∞ when some q_i is 0 or 1.</param>
/// <param name="Accuracy">Accuracy against the ground-truth labels passed to training, if any.</param>
public sealed record TrainingRecord(int Step, double Loss, double MeanEntropy, double Misfit, double? Accuracy);
