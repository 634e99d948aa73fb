using WeakToStrong.Validation;
namespace WeakToStrong.Bregman;

/// <summary>
/// The generalized (Bregman) bias–variance decomposition of an expected divergence (Pfau 2013; the decomposition behind
/// Xu et al. 2025, arXiv:2505.24313):
/// E D(y, Ŷ) = Noise + Bias + Variance with Noise = E D(y, ȳ), Bias = D(ȳ, c), Variance = E D(c, Ŷ), where ȳ is
/// the primal mean of the target and c the centre. With the dual mean c = Ŷ° it is exact; with any other centre
/// (e.g. the arithmetic mean of probabilities under cross-entropy) <see cref="Defect"/> is non-zero.
/// </summary>
/// <typeparam name="TPoint">The point type of the generator.</typeparam>
/// <param name="Centre">The centre c used in the bias and variance terms.</param>
/// <param name="ExpectedDivergence">E D(y, Ŷ), computed directly (target and prediction independent).</param>
/// <param name="Noise">E D(y, ȳ); zero for a fixed target.</param>
/// <param name="Bias">D(ȳ, c).</param>
/// <param name="Variance">E D(c, Ŷ).</param>
public sealed record BiasVarianceDecomposition<TPoint>(
    TPoint Centre,
    double ExpectedDivergence,
    double Noise,
    double Bias,
    double Variance)
    where TPoint : notnull
{
    /// <summary>Noise + Bias + Variance − ExpectedDivergence: zero to rounding at the dual mean.</summary>
    public double Defect => Noise + Bias + Variance - ExpectedDivergence;
}

/// <summary>Evaluation of <see cref="BiasVarianceDecomposition{TPoint}"/> on discrete laws (exact small enumerations,
/// e.g. a teacher with two equally likely logits).</summary>
public static class BiasVarianceDecomposition
{
    /// <summary>
    /// E D(a, Ŷ) = D(a, Ŷ°) + E D(Ŷ°, Ŷ) for a fixed target a, centred at the dual mean Ŷ° (exact).
    /// </summary>
    /// <param name="generator">The Bregman generator φ.</param>
    /// <param name="target">The fixed target a (closed domain; hard labels allowed).</param>
    /// <param name="prediction">The law of the random prediction Ŷ (atoms in the domain interior).</param>
    public static BiasVarianceDecomposition<TPoint> AtDualMean<TPoint>(
        BregmanGenerator<TPoint> generator, TPoint target, DiscreteLaw<TPoint> prediction)
        where TPoint : notnull
    {
        Guard.NotNull(generator);
        Guard.NotNull(prediction);
        return AtCentre(generator, target, prediction, generator.DualMean(prediction));
    }

    /// <summary>
    /// The same split at an arbitrary centre c: Bias = D(a, c), Variance = E D(c, Ŷ). Equals the expected
    /// divergence only when c is the dual mean; by the three-point identity the defect is
    /// −⟨∇φ(c) − E ∇φ(Ŷ), a − c⟩.
    /// </summary>
    /// <param name="generator">The Bregman generator φ.</param>
    /// <param name="target">The fixed target a.</param>
    /// <param name="prediction">The law of Ŷ.</param>
    /// <param name="centre">The centre c (domain interior), e.g. <see cref="BregmanGenerator{TPoint}.PrimalMean"/>.</param>
    public static BiasVarianceDecomposition<TPoint> AtCentre<TPoint>(
        BregmanGenerator<TPoint> generator, TPoint target, DiscreteLaw<TPoint> prediction, TPoint centre)
        where TPoint : notnull
    {
        Guard.NotNull(generator);
        Guard.NotNull(target);
        Guard.NotNull(prediction);
        Guard.NotNull(centre);
        generator.ValidateClosed(target, nameof(target));
        generator.ValidateInterior(centre, nameof(centre));
        var expected = generator.ExpectedDivergence(target, prediction);
        var bias = generator.Divergence(target, centre);
        var variance = generator.ExpectedDivergence(centre, prediction);
        return new BiasVarianceDecomposition<TPoint>(centre, expected, 0, bias, variance);
    }

    /// <summary>
    /// Random target y independent of Ŷ: E D(y, Ŷ) = E D(y, ȳ) + D(ȳ, Ŷ°) + E D(Ŷ°, Ŷ), with ȳ the primal
    /// (arithmetic) mean of y and Ŷ° the dual mean of Ŷ (exact).
    /// </summary>
    /// <param name="generator">The Bregman generator φ.</param>
    /// <param name="target">The law of the target y (closed domain); its mean ȳ must lie in the interior.</param>
    /// <param name="prediction">The law of Ŷ, independent of y.</param>
    public static BiasVarianceDecomposition<TPoint> WithRandomTarget<TPoint>(
        BregmanGenerator<TPoint> generator, DiscreteLaw<TPoint> target, DiscreteLaw<TPoint> prediction)
        where TPoint : notnull
    {
        Guard.NotNull(generator);
        Guard.NotNull(target);
        Guard.NotNull(prediction);
        var meanTarget = generator.PrimalMean(target);
        generator.ValidateInterior(meanTarget, "mean of target");
        var centre = generator.DualMean(prediction);
        var expected = target.Expectation(y => generator.ExpectedDivergence(y, prediction));
        var noise = target.Expectation(y => generator.Divergence(y, meanTarget));
        var bias = generator.Divergence(meanTarget, centre);
        var variance = generator.ExpectedDivergence(centre, prediction);
        return new BiasVarianceDecomposition<TPoint>(centre, expected, noise, bias, variance);
    }
}
