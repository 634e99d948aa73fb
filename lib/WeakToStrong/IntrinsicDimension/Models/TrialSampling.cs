namespace WeakToStrong.IntrinsicDimension;

/// <summary>How a four-model trial (<see cref="GaussianFeatureModel"/>) draws its randomness; both give the same joint
/// law of the four fitted models.</summary>
public enum TrialSampling
{
    /// <summary>
    /// Draw the design matrices Z_n (n×R), Z_N (N×R) and the label noise, then fit each model by a thin QR of its
    /// design (the authors' simulator). Cost grows like (n + N)·R·d.
    /// </summary>
    DesignMatrices,

    /// <summary>
    /// Draw only the sufficient statistics of each sample: G = ZᵀZ ~ Wishart_R(m, I) by the Bartlett decomposition
    /// G = AAᵀ (A lower triangular, A_ii² ~ χ²_{m−i}, A_ij ~ N(0, 1) below the diagonal) and Zᵀε = σ·A·g with
    /// g ~ N(0, I_R), which has the conditional law N(0, σ²G) given G; then fit each model from its normal equations
    /// (Cholesky). Every OLS fit of the trial depends on the data only through these statistics, so the four models
    /// have exactly the same joint law as with <see cref="DesignMatrices"/> (not the same draws). Cost ~R³ per trial,
    /// independent of n and N; needs n ≥ R and N ≥ R.
    /// </summary>
    SufficientStatistics,
}
