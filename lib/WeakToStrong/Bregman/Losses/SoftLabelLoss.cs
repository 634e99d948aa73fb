using WeakToStrong.Validation;

namespace WeakToStrong.Bregman;

/// <summary>
/// A per-sample loss for training a binary student on a soft teacher label (the losses of Xu et al. 2025,
/// arXiv:2505.24313, as implemented in the authors' code release (github.com/Gengze/W2SG-Bregman,
/// weak_to_strong/loss.py)): ℓ(z; q) with z the student's logit, p = σ(z) its probability of class 1 and q ∈ [0, 1] the
/// teacher's. Batches are averaged, as in the authors' code (loss.mean()).
/// </summary>
public abstract class SoftLabelLoss
{
    /// <summary>PyTorch's binary_cross_entropy clamps each log at −100; the reverse losses mirror it.</summary>
    internal const double LogFloor = -100;

    /// <summary>Short name of the loss as in the authors' code (e.g. "bce", "reverse_bce", "CACE_0.1").</summary>
    public abstract string Name { get; }

    /// <summary>The loss ℓ(z; q) and ∂ℓ/∂z for one sample.</summary>
    /// <param name="logit">The student's logit z (finite).</param>
    /// <param name="teacherProbability">The teacher's soft label q ∈ [0, 1].</param>
    public LossWithGradient Evaluate(double logit, double teacherProbability)
    {
        Guard.Finite(logit);
        Guard.Probability(teacherProbability);
        return EvaluateValid(logit, teacherProbability);
    }

    /// <summary>
    /// The batch mean (1/n) Σ_i ℓ(z_i; q_i); writes ∂(mean)/∂z_i = (1/n) ∂ℓ/∂z_i into <paramref name="gradient"/>.
    /// </summary>
    /// <param name="logits">The student's logits z_i (finite), n ≥ 1.</param>
    /// <param name="teacherProbabilities">The teacher's labels q_i ∈ [0, 1], length n.</param>
    /// <param name="gradient">Receives the gradient of the mean, length n.</param>
    public double Mean(ReadOnlySpan<double> logits, ReadOnlySpan<double> teacherProbabilities, Span<double> gradient)
    {
        ValidateBatch(logits, teacherProbabilities, gradient);
        return MeanValid(logits, teacherProbabilities, gradient);
    }

    /// <summary>The batch mean and its gradient for input already validated (finite logits, labels in [0, 1], equal lengths).</summary>
    internal double MeanValid(ReadOnlySpan<double> logits, ReadOnlySpan<double> teacherProbabilities, Span<double> gradient)
    {
        double sum = 0;
        for (var i = 0; i < logits.Length; i++)
        {
            var l = EvaluateValid(logits[i], teacherProbabilities[i]);
            sum += l.Value;
            gradient[i] = l.Gradient / logits.Length;
        }

        return sum / logits.Length;
    }

    /// <summary>The label smoothing ε of the reverse branch (0 for losses without one).</summary>
    internal virtual double ReverseSmoothing => 0;

    /// <summary>
    /// ℓ and ∂ℓ/∂z for validated input, given the label's clamped logs (clog q', clog(1 − q')) with
    /// q' = q(1 − <see cref="ReverseSmoothing"/>) + <see cref="ReverseSmoothing"/>/2, computed once per training
    /// set; bit-identical to <see cref="EvaluateValid"/>.
    /// </summary>
    internal virtual LossWithGradient EvaluateWithLogs(double logit, double teacherProbability, double logQ, double logOneMinusQ) =>
        EvaluateValid(logit, teacherProbability);

    /// <summary>
    /// ∂ℓ/∂z alone, given the label's clamped logs: bit-identical to <see cref="EvaluateWithLogs"/>'s gradient, without
    /// the logarithm that only the value needs (used by training steps that do not record the loss).
    /// </summary>
    internal virtual double GradientWithLogs(double logit, double teacherProbability, double logQ, double logOneMinusQ) =>
        EvaluateWithLogs(logit, teacherProbability, logQ, logOneMinusQ).Gradient;

    /// <summary>The gradient of the batch mean of <see cref="EvaluateWithLogs"/>, for validated input (no value).</summary>
    internal void MeanGradientWithLogs(ReadOnlySpan<double> logits, ReadOnlySpan<double> teacherProbabilities, double[] logQ, double[] logOneMinusQ, Span<double> gradient)
    {
        for (var i = 0; i < logits.Length; i++)
        {
            gradient[i] = GradientWithLogs(logits[i], teacherProbabilities[i], logQ[i], logOneMinusQ[i]) / logits.Length;
        }
    }

    /// <summary>The batch mean of <see cref="EvaluateWithLogs"/> and its gradient, for validated input.</summary>
    internal double MeanWithLogs(ReadOnlySpan<double> logits, ReadOnlySpan<double> teacherProbabilities, double[] logQ, double[] logOneMinusQ, Span<double> gradient)
    {
        double sum = 0;
        for (var i = 0; i < logits.Length; i++)
        {
            var l = EvaluateWithLogs(logits[i], teacherProbabilities[i], logQ[i], logOneMinusQ[i]);
            sum += l.Value;
            gradient[i] = l.Gradient / logits.Length;
        }

        return sum / logits.Length;
    }

    /// <summary>ℓ and ∂ℓ/∂z for validated input.</summary>
    internal abstract LossWithGradient EvaluateValid(double logit, double teacherProbability);

    internal static void ValidateBatch(ReadOnlySpan<double> logits, ReadOnlySpan<double> labels, Span<double> gradient)
    {
        Guard.NotEmpty(logits.Length, nameof(logits));
        Guard.SameLength(labels.Length, logits.Length, nameof(logits), "teacherProbabilities");
        Guard.SameLength(gradient.Length, logits.Length, nameof(logits), nameof(gradient));
        for (var i = 0; i < logits.Length; i++)
        {
            Guard.Finite(logits[i], $"logits[{i}]");
            Guard.Probability(labels[i], $"teacherProbabilities[{i}]");
        }
    }

    /// <summary>Forward BCE −[q log σ(z) + (1 − q) log σ(−z)] = q·softplus(−z) + (1 − q)·softplus(z); ∂/∂z = σ(z) − q.</summary>
    internal static LossWithGradient Forward(double z, double q)
    {
        // One exponential and one logarithm: with e = e^{−|z|}, softplus(±z) = max(±z, 0) + log1p(e) and
        // σ(z) = 1/(1 + e) for z ≥ 0, e/(1 + e) otherwise.
        var e = Math.Exp(-Math.Abs(z));
        var log1pE = ElementaryFunctions.Log1p(e);
        var softplusPlus = Math.Max(z, 0) + log1pE;
        var softplusMinus = Math.Max(-z, 0) + log1pE;
        var p = z >= 0 ? 1 / (1 + e) : e / (1 + e);
        return new(q * softplusMinus + (1 - q) * softplusPlus, p - q);
    }

    /// <summary>∂ℓ_CE/∂z = σ(z) − q, computed exactly as in <see cref="Forward"/> (bit-identical), without the value.</summary>
    internal static double ForwardGradient(double z, double q)
    {
        var e = Math.Exp(-Math.Abs(z));
        var p = z >= 0 ? 1 / (1 + e) : e / (1 + e);
        return p - q;
    }

    /// <summary>
    /// Reverse BCE −[p·clog q' + (1 − p)·clog(1 − q')] with clog = max(log, −100) and q' = q(1 − ε) + ε/2;
    /// ∂/∂z = p(1 − p)·(clog(1 − q') − clog q') = −p(1 − p)·logit(q') when no clamp is active.
    /// </summary>
    internal static LossWithGradient Reverse(double z, double q, double epsilon)
    {
        (var logQ, var logOneMinusQ) = SmoothedClampedLogs(q, epsilon);
        return ReverseFromLogs(z, logQ, logOneMinusQ);
    }

    /// <summary>Reverse BCE given the label's clamped logs (clog q', clog(1 − q')) from <see cref="SmoothedClampedLogs"/>.</summary>
    internal static LossWithGradient ReverseFromLogs(double z, double logQ, double logOneMinusQ)
    {
        var e = Math.Exp(-Math.Abs(z));
        var p = z >= 0 ? 1 / (1 + e) : e / (1 + e);
        var oneMinusP = z >= 0 ? e / (1 + e) : 1 / (1 + e);
        return new(-(p * logQ + oneMinusP * logOneMinusQ), p * oneMinusP * (logOneMinusQ - logQ));
    }

    /// <summary>(clog q', clog(1 − q')) for q' = q(1 − ε) + ε/2, with clog = max(log, −100) (PyTorch's clamp).</summary>
    internal static (double LogQ, double LogOneMinusQ) SmoothedClampedLogs(double q, double epsilon)
    {
        var smoothed = q * (1 - epsilon) + epsilon / 2;
        var logQ = smoothed <= 0 ? LogFloor : Math.Max(Math.Log(smoothed), LogFloor);
        var logOneMinusQ = smoothed >= 1 ? LogFloor : Math.Max(ElementaryFunctions.Log1p(-smoothed), LogFloor);
        return (logQ, logOneMinusQ);
    }
}
