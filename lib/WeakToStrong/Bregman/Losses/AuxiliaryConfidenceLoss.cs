using MathNet.Numerics.Statistics;
using WeakToStrong.Validation;
using static WeakToStrong.ElementaryFunctions;

namespace WeakToStrong.Bregman;

/// <summary>
/// The binary auxiliary-confidence loss of Burns et al. 2023 (arXiv:2312.09390), as in aux_conf_loss of the authors'
/// code for Xu et al. 2025 (arXiv:2505.24313): forward
/// BCE of the student against the mixed target t_i = (1 − coef)·q_i + coef·1[p_i ≥ τ], where p_i = σ(z_i),
/// τ is the (1 − mean_i q_i) quantile of the batch's p_i (linear interpolation, torch.quantile's default), and
/// coef = min(1, stepFraction / warmupFraction)·auxCoefficient (1 in evaluation mode). The hardened targets are
/// held fixed (detached) when differentiating: ∂(mean)/∂z_i = (p_i − t_i)/n.
/// </summary>
/// <remarks>
/// The threshold is a batch statistic: with a minibatch of one (the authors' default) the quantile is p itself, so
/// the hardened prediction is always 1. The BCE is evaluated in logit space without PyTorch's −100 clamp.
/// </remarks>
public sealed class AuxiliaryConfidenceLoss
{
    /// <summary>Creates the loss.</summary>
    /// <param name="auxCoefficient">The maximal mixing coefficient, in [0, 1] (default 0.5).</param>
    /// <param name="warmupFraction">The fraction of training over which coef ramps up linearly, in (0, 1] (default 0.2).</param>
    public AuxiliaryConfidenceLoss(double auxCoefficient = 0.5, double warmupFraction = 0.2)
    {
        Guard.Probability(auxCoefficient);
        Guard.InRange(warmupFraction, double.Epsilon, 1);
        AuxCoefficient = auxCoefficient;
        WarmupFraction = warmupFraction;
    }

    /// <summary>The maximal mixing coefficient.</summary>
    public double AuxCoefficient { get; }

    /// <summary>The warm-up fraction of training.</summary>
    public double WarmupFraction { get; }

    /// <summary>coef = min(1, stepFraction / warmupFraction)·auxCoefficient. (Evaluation mode uses coef = 1.)</summary>
    /// <param name="stepFraction">The fraction of training steps done, in [0, 1].</param>
    public double CoefficientAt(double stepFraction)
    {
        Guard.Probability(stepFraction);
        return Math.Min(1, stepFraction / WarmupFraction) * AuxCoefficient;
    }

    /// <summary>The mixed targets t_i = (1 − coef)·q_i + coef·1[σ(z_i) ≥ τ] of a batch.</summary>
    /// <param name="logits">Student logits z_i (finite), n ≥ 1.</param>
    /// <param name="teacherProbabilities">Teacher labels q_i ∈ [0, 1], length n.</param>
    /// <param name="coefficient">coef ∈ [0, 1], e.g. from <see cref="CoefficientAt"/>.</param>
    public double[] Targets(ReadOnlySpan<double> logits, ReadOnlySpan<double> teacherProbabilities, double coefficient)
    {
        SoftLabelLoss.ValidateBatch(logits, teacherProbabilities, new double[logits.Length]);
        Guard.Probability(coefficient);
        var n = logits.Length;
        var p = new double[n];
        double meanLabel = 0;
        for (var i = 0; i < n; i++)
        {
            p[i] = Sigmoid(logits[i]);
            meanLabel += teacherProbabilities[i];
        }

        meanLabel /= n;
        var sorted = (double[])p.Clone();
        Array.Sort(sorted);
        var threshold = SortedArrayStatistics.QuantileCustom(sorted, Math.Clamp(1 - meanLabel, 0, 1), QuantileDefinition.R7);
        var targets = new double[n];
        for (var i = 0; i < n; i++)
        {
            targets[i] = teacherProbabilities[i] * (1 - coefficient) + (p[i] >= threshold ? coefficient : 0);
        }

        return targets;
    }

    /// <summary>
    /// The batch mean (1/n) Σ_i BCE(p_i; t_i) with the mixed targets of <see cref="Targets"/>; writes
    /// ∂(mean)/∂z_i = (σ(z_i) − t_i)/n (targets detached) into <paramref name="gradient"/>.
    /// </summary>
    /// <param name="logits">Student logits z_i (finite), n ≥ 1.</param>
    /// <param name="teacherProbabilities">Teacher labels q_i ∈ [0, 1], length n.</param>
    /// <param name="coefficient">coef ∈ [0, 1].</param>
    /// <param name="gradient">Receives the gradient, length n.</param>
    public double Mean(ReadOnlySpan<double> logits, ReadOnlySpan<double> teacherProbabilities, double coefficient, Span<double> gradient)
    {
        Guard.SameLength(gradient.Length, logits.Length, nameof(logits), nameof(gradient));
        var targets = Targets(logits, teacherProbabilities, coefficient);
        double sum = 0;
        for (var i = 0; i < logits.Length; i++)
        {
            var l = SoftLabelLoss.Forward(logits[i], targets[i]);
            sum += l.Value;
            gradient[i] = l.Gradient / logits.Length;
        }

        return sum / logits.Length;
    }
}
