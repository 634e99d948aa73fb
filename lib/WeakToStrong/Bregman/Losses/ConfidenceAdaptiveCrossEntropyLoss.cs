using MathNet.Numerics.Statistics;
using WeakToStrong.Validation;

namespace WeakToStrong.Bregman;

/// <summary>
/// Confidence-adaptive cross-entropy CACE_c, one of the losses compared by Xu et al. 2025, arXiv:2505.24313
/// (CACE_loss in the authors' code release (github.com/Gengze/W2SG-Bregman, weak_to_strong/loss.py)): per sample,
/// forward BCE on the raw
/// label q when the teacher is confident, |q − 0.5| ≥ c, otherwise reverse BCE on the smoothed label q'.
/// The routing test is done in double precision exactly as written, so labels on the boundary in decimal are
/// decided by rounding.
/// </summary>
public sealed class ConfidenceAdaptiveCrossEntropyLoss : SoftLabelLoss
{
    /// <summary>Creates CACE_c.</summary>
    /// <param name="threshold">c ∈ [0, 0.5]; the authors' default is 0.01, their README example uses 0.1.</param>
    /// <param name="smoothing">ε ∈ [0, 1] for the reverse branch (0 by default).</param>
    public ConfidenceAdaptiveCrossEntropyLoss(double threshold, double smoothing = 0)
    {
        Guard.InRange(threshold, 0, 0.5);
        Guard.Probability(smoothing);
        Threshold = threshold;
        Smoothing = smoothing;
    }

    /// <summary>
    /// Quan_CACE_k (the authors' quantile variant): c is the k/10 quantile of the confidences |q_i − 0.5| over the
    /// student's training labels, with linear interpolation (numpy's default, R type 7) at position k·0.1 as
    /// np.linspace(0, 1, 11)[k]. k = 5 (the median) routes about half of the samples to each loss.
    /// </summary>
    /// <param name="teacherProbabilities">The training labels q_i ∈ [0, 1]; at least one.</param>
    /// <param name="decile">k ∈ {0, …, 10}.</param>
    /// <param name="smoothing">ε ∈ [0, 1] for the reverse branch.</param>
    public static ConfidenceAdaptiveCrossEntropyLoss FromQuantile(
        IReadOnlyList<double> teacherProbabilities, int decile, double smoothing = 0)
    {
        Guard.NotNull(teacherProbabilities);
        Guard.NotEmpty(teacherProbabilities.Count, nameof(teacherProbabilities));
        if (decile is < 0 or > 10)
        {
            throw new ArgumentOutOfRangeException(nameof(decile), decile, $"decile must be in {{0, …, 10}}; got {decile}.");
        }

        var confidence = new double[teacherProbabilities.Count];
        for (var i = 0; i < confidence.Length; i++)
        {
            Guard.Probability(teacherProbabilities[i], $"{nameof(teacherProbabilities)}[{i}]");
            confidence[i] = Math.Abs(teacherProbabilities[i] - 0.5);
        }

        Array.Sort(confidence);
        var c = SortedArrayStatistics.QuantileCustom(confidence, Math.Min(decile * 0.1, 1.0), QuantileDefinition.R7);
        return new ConfidenceAdaptiveCrossEntropyLoss(Math.Clamp(c, 0, 0.5), smoothing);
    }

    /// <summary>The confidence threshold c.</summary>
    public double Threshold { get; }

    /// <summary>The label-smoothing ε of the reverse branch.</summary>
    public double Smoothing { get; }

    /// <inheritdoc/>
    public override string Name => "CACE_" + Guard.Show(Threshold);

    /// <summary>True when the sample goes to forward BCE: |q − 0.5| ≥ c.</summary>
    /// <param name="teacherProbability">q ∈ [0, 1].</param>
    public bool UsesForward(double teacherProbability)
    {
        Guard.Probability(teacherProbability);
        return Math.Abs(teacherProbability - 0.5) >= Threshold;
    }

    internal override LossWithGradient EvaluateValid(double logit, double teacherProbability) =>
        Math.Abs(teacherProbability - 0.5) >= Threshold
            ? Forward(logit, teacherProbability)
            : Reverse(logit, teacherProbability, Smoothing);

    internal override double ReverseSmoothing => Smoothing;

    internal override double GradientWithLogs(double logit, double teacherProbability, double logQ, double logOneMinusQ) =>
        Math.Abs(teacherProbability - 0.5) >= Threshold
            ? ForwardGradient(logit, teacherProbability)
            : ReverseFromLogs(logit, logQ, logOneMinusQ).Gradient;

    internal override LossWithGradient EvaluateWithLogs(double logit, double teacherProbability, double logQ, double logOneMinusQ) =>
        Math.Abs(teacherProbability - 0.5) >= Threshold
            ? Forward(logit, teacherProbability)
            : ReverseFromLogs(logit, logQ, logOneMinusQ);
}
