namespace WeakToStrong.IntrinsicDimension;

/// <summary>
/// A closed form for the excess risks of the four models of §1.3 at sample sizes (n, N): the paper's asymptotic
/// forms (<see cref="AsymptoticRisk"/>, §2.2) or the exact Gaussian expectations (<see cref="ExactGaussianRisk"/>, §2.3).
/// </summary>
public interface IFourModelTheory
{
    /// <summary>The §2 quantities the closed form is built from.</summary>
    RiskQuantities Quantities { get; }

    /// <summary>The four risks at (n, N); PGR and OPR of the result are ratios of these expectations.</summary>
    /// <param name="labelledCount">n, the number of labelled samples.</param>
    /// <param name="unlabelledCount">N, the number of samples pseudo-labelled by the teacher.</param>
    /// <returns>The risks with their bias/variance split (cross term 0).</returns>
    FourModelRisks Predict(int labelledCount, int unlabelledCount);
}
