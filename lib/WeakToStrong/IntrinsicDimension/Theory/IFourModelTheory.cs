namespace WeakToStrong.IntrinsicDimension;

/// <summary>
/// A closed form for the excess risks of the four models (weak teacher, W2S student, strong baseline, strong
/// ceiling) at sample sizes (n, N): the asymptotic forms of Dong et al. 2025, arXiv:2502.05075
/// (<see cref="AsymptoticRisk"/>) or this library's exact Gaussian expectations (<see cref="ExactGaussianRisk"/>).
/// </summary>
public interface IFourModelTheory
{
    /// <summary>The dimensions, noise level and target energies the closed form is built from.</summary>
    RiskQuantities Quantities { get; }

    /// <summary>The four risks at (n, N); PGR and OPR of the result are ratios of these expectations.</summary>
    /// <param name="labelledCount">n, the number of labelled samples.</param>
    /// <param name="unlabelledCount">N, the number of samples pseudo-labelled by the teacher.</param>
    /// <returns>The risks with their bias/variance split (cross term 0).</returns>
    FourModelRisks Predict(int labelledCount, int unlabelledCount);

    /// <summary>The limit of <see cref="Predict"/> as N → ∞ at fixed n, evaluated in closed form (not at a large N).</summary>
    /// <param name="labelledCount">n, the number of labelled samples.</param>
    /// <returns>The risks with their bias/variance split (cross term 0).</returns>
    FourModelRisks PredictLimit(int labelledCount);
}
