using WeakToStrong.Validation;

namespace WeakToStrong.Statistics;

/// <summary>A two-sided confidence interval [Lower, Upper] for a mean, at confidence <see cref="Level"/>.</summary>
/// <param name="Lower">Lower end.</param>
/// <param name="Upper">Upper end.</param>
/// <param name="Level">Confidence level in (0, 1), e.g. 0.95.</param>
public sealed record ConfidenceInterval(double Lower, double Upper, double Level)
{
    /// <summary>(Lower + Upper)/2.</summary>
    public double Centre => (Lower + Upper) / 2;

    /// <summary>(Upper − Lower)/2.</summary>
    public double HalfWidth => (Upper - Lower) / 2;

    /// <summary>Whether Lower ≤ value ≤ Upper.</summary>
    /// <param name="value">The value.</param>
    /// <returns>True if inside.</returns>
    public bool Contains(double value) => value >= Lower && value <= Upper;

    /// <summary>The normal (z) interval mean ± z_{(1+level)/2}·se.</summary>
    /// <param name="mean">The estimate.</param>
    /// <param name="standardError">Its standard error, ≥ 0.</param>
    /// <param name="level">Confidence level in (0, 1).</param>
    /// <returns>The interval.</returns>
    public static ConfidenceInterval Normal(double mean, double standardError, double level = 0.95)
    {
        Guard.Finite(mean);
        Guard.NonNegative(standardError);
        Guard.OpenUnitInterval(level);
        var z = MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, (1 + level) / 2);
        return new ConfidenceInterval(mean - (z * standardError), mean + (z * standardError), level);
    }

    /// <summary>The Student-t interval mean ± t_{(1+level)/2, ν}·se (ν = n − 1 for a sample mean).</summary>
    /// <param name="mean">The estimate.</param>
    /// <param name="standardError">Its standard error, ≥ 0.</param>
    /// <param name="degreesOfFreedom">ν &gt; 0.</param>
    /// <param name="level">Confidence level in (0, 1).</param>
    /// <returns>The interval.</returns>
    public static ConfidenceInterval StudentT(double mean, double standardError, double degreesOfFreedom, double level = 0.95)
    {
        Guard.Finite(mean);
        Guard.NonNegative(standardError);
        Guard.Positive(degreesOfFreedom);
        Guard.OpenUnitInterval(level);
        var t = MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, degreesOfFreedom, (1 + level) / 2);
        return new ConfidenceInterval(mean - (t * standardError), mean + (t * standardError), level);
    }
}
