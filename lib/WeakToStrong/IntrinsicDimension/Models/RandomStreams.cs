namespace WeakToStrong.IntrinsicDimension;

/// <summary>
/// The stream indices of <see cref="Randomness.RandomStream"/> used by this namespace, one per purpose, so that the
/// draws of different purposes never share a stream for the same (seed, index).
/// </summary>
internal static class RandomStreams
{
    /// <summary>Per-trial data draws (inputs and label noise, <see cref="TrialSampling.DesignMatrices"/>).</summary>
    public const long TrialData = 1;

    /// <summary>Ground-truth Rademacher signs of θ*.</summary>
    public const long GroundTruth = 2;

    /// <summary>Random bases and random projections.</summary>
    public const long Projection = 3;

    /// <summary>Per-trial sufficient statistics (<see cref="TrialSampling.SufficientStatistics"/>).</summary>
    public const long SufficientStatistics = 4;
}
