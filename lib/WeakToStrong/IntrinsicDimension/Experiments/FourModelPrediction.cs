using WeakToStrong.Sweeps;

namespace WeakToStrong.IntrinsicDimension;

/// <summary>
/// The closed forms of the four models at one grid point of <see cref="FourModelSweep.Predictions"/>: the exact
/// Gaussian expectations (<see cref="ExactGaussianRisk"/>) and the asymptotic forms of Dong et al. 2025
/// (arXiv:2502.05075; <see cref="AsymptoticRisk"/>, with the paper's variance split), each with PGR and OPR as ratios
/// of its expectations. Read a field with a selector, e.g. <c>FourModelTrial.From(p.Exact).Weak</c>, or
/// <c>p.Exact.WeakToStrong.Bias</c>.
/// </summary>
/// <param name="Point">The grid point (read it with <c>p.Point[FourModelSweep.Labelled]</c>).</param>
/// <param name="Exact">The exact expectations.</param>
/// <param name="Asymptotic">The asymptotic forms.</param>
public sealed record FourModelPrediction(GridPoint Point, FourModelRisks Exact, FourModelRisks Asymptotic);
