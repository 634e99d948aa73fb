namespace WeakToStrong.IntrinsicDimension;

/// <summary>
/// One trial of the real-data experiment (the protocol of the real-data experiment of Dong et al. 2025,
/// arXiv:2502.05075): test errors of the four models against the true targets
/// (mean over test examples of the squared error summed over outputs; this includes the irreducible error, it is not
/// an excess risk) and the per-trial PGR and OPR built from them.
/// </summary>
/// <param name="Weak">Test error of the weak teacher fitted on the n labelled examples.</param>
/// <param name="WeakToStrong">Test error of the student fitted on N examples labelled by the teacher.</param>
/// <param name="StrongBaseline">Test error of the strong model fitted on the n labelled examples.</param>
/// <param name="StrongCeiling">Test error of the strong model fitted on the n + N examples with their labels.</param>
/// <param name="PerformanceGapRecovered">(Weak − WeakToStrong)/(Weak − StrongCeiling).</param>
/// <param name="OutperformingRatio">StrongBaseline/WeakToStrong.</param>
public sealed record RealDataTrial(
    double Weak,
    double WeakToStrong,
    double StrongBaseline,
    double StrongCeiling,
    double PerformanceGapRecovered,
    double OutperformingRatio);
