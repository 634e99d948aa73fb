using WeakToStrong.Validation;

namespace WeakToStrong.Bregman;

/// <summary>
/// The training objective of a binary student on soft teacher labels (the losses compared by Xu et al. 2025,
/// arXiv:2505.24313): the batch mean
/// L(z) = (1/n) Σ_i ℓ(z_i; q_i) of one of the per-sample losses (forward CE, reverse CE, CACE_c, Quan_CACE_k,
/// SL_α_β), or the auxiliary-confidence loss of Burns et al., whose targets depend on the training progress.
/// </summary>
public sealed class StudentLoss
{
    private readonly Func<IReadOnlyList<double>, SoftLabelLoss>? _perSample;
    private readonly AuxiliaryConfidenceLoss? _auxiliary;

    private StudentLoss(string name, Func<IReadOnlyList<double>, SoftLabelLoss>? perSample, AuxiliaryConfidenceLoss? auxiliary)
    {
        Name = name;
        _perSample = perSample;
        _auxiliary = auxiliary;
    }

    /// <summary>The label used in tables and legends (e.g. "CE", "RCE", "CACE", "SL").</summary>
    public string Name { get; }

    /// <summary>Forward binary cross-entropy, ℓ = −[q log p + (1 − q) log(1 − p)] ("CE").</summary>
    public static StudentLoss ForwardCrossEntropy { get; } = new("CE", _ => ForwardCrossEntropyLoss.Instance, null);

    /// <summary>Reverse binary cross-entropy, ℓ = −[p log q' + (1 − p) log(1 − q')], q' = q(1 − ε) + ε/2 ("RCE").</summary>
    /// <param name="smoothing">ε ∈ [0, 1).</param>
    public static StudentLoss ReverseCrossEntropy(double smoothing = 0)
    {
        var loss = new ReverseCrossEntropyLoss(smoothing);
        return new("RCE", _ => loss, null);
    }

    /// <summary>CACE_c: forward CE where |q − 0.5| ≥ c, reverse CE elsewhere ("CACE"; default c = 0.1, the value of the
    /// authors' README example).</summary>
    /// <param name="threshold">c ∈ [0, 0.5].</param>
    public static StudentLoss ConfidenceAdaptive(double threshold = 0.1)
    {
        var loss = new ConfidenceAdaptiveCrossEntropyLoss(threshold);
        return new("CACE", _ => loss, null);
    }

    /// <summary>Quan_CACE_k: CACE with c the k/10 quantile of |q − 0.5| over the training labels ("QCACE").</summary>
    /// <param name="decile">k ∈ {0, …, 10}; 5 is the median.</param>
    public static StudentLoss QuantileConfidenceAdaptive(int decile = 5)
    {
        Guard.InRange(decile, 0, 10);
        return new("QCACE", labels => ConfidenceAdaptiveCrossEntropyLoss.FromQuantile(labels, decile), null);
    }

    /// <summary>SL_α_β = α·CE + β·RCE ("SL"; default α = 1, β = 0.1, the values of the authors' README
    /// example).</summary>
    /// <param name="forwardWeight">α ≥ 0.</param>
    /// <param name="reverseWeight">β ≥ 0.</param>
    public static StudentLoss Symmetric(double forwardWeight = 1, double reverseWeight = 0.1)
    {
        var loss = new SymmetricCrossEntropyLoss(forwardWeight, reverseWeight);
        return new("SL", _ => loss, null);
    }

    /// <summary>The auxiliary-confidence loss of Burns et al. ("AUX"), coefficient ramped over the training steps.</summary>
    /// <param name="auxCoefficient">Maximal mixing coefficient in [0, 1].</param>
    /// <param name="warmupFraction">Ramp-up fraction of training in (0, 1].</param>
    public static StudentLoss AuxiliaryConfidence(double auxCoefficient = 0.5, double warmupFraction = 0.2) =>
        new("AUX", null, new AuxiliaryConfidenceLoss(auxCoefficient, warmupFraction));

    /// <summary>Any loss wrapped under a name of your choice.</summary>
    /// <param name="name">Table label, non-empty.</param>
    /// <param name="loss">The per-sample loss.</param>
    public static StudentLoss Custom(string name, SoftLabelLoss loss)
    {
        Guard.NotEmpty(name);
        Guard.NotNull(loss);
        return new(name, _ => loss, null);
    }

    /// <summary>
    /// The loss with the given name and the default settings: "CE", "RCE", "CACE" (c = 0.1), "QCACE" (median),
    /// "SL" (α = 1, β = 0.1) or "AUX".
    /// </summary>
    /// <param name="name">One of the names above (case-sensitive).</param>
    public static StudentLoss ByName(string name) => name switch
    {
        "CE" => ForwardCrossEntropy,
        "RCE" => ReverseCrossEntropy(),
        "CACE" => ConfidenceAdaptive(),
        "QCACE" => QuantileConfidenceAdaptive(),
        "SL" => Symmetric(),
        "AUX" => AuxiliaryConfidence(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, $"name = \"{name}\" is not a known loss; expected one of CE, RCE, CACE, QCACE, SL, AUX."),
    };

    /// <summary>The objective bound to one training set (resolves Quan_CACE's threshold from the labels).</summary>
    /// <summary>
    /// The per-sample soft-label loss ℓ(z, q) whose mean (1/N)Σ_i ℓ(z_i, q_i) this objective is, on these teacher labels
    /// (QCACE's threshold is a quantile of them, so it depends on the labels; the other losses do not), with its
    /// settings as properties (e.g. <see cref="SymmetricCrossEntropyLoss.ReverseWeight"/>); null for AUX, whose
    /// objective is not per-sample: its targets mix q with the student's own hard predictions at a coefficient that
    /// ramps up over training (<see cref="Auxiliary"/>).
    /// </summary>
    /// <param name="teacherProbabilities">The teacher's probabilities q_i in [0, 1].</param>
    /// <returns>The per-sample loss, or null for AUX.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A probability is outside [0, 1].</exception>
    public SoftLabelLoss? PerSampleLoss(IReadOnlyList<double> teacherProbabilities)
    {
        var labels = Labels(teacherProbabilities);
        return _perSample?.Invoke(labels);
    }

    /// <summary>The auxiliary-confidence loss (coefficient, warm-up) for AUX; null for every per-sample loss.</summary>
    public AuxiliaryConfidenceLoss? Auxiliary => _auxiliary;

    /// <summary>
    /// The value of the objective the student minimises, at logits z_i for teacher probabilities q_i: the mean
    /// (1/N)Σ_i ℓ(z_i, q_i) of <see cref="PerSampleLoss"/> (with the reverse branch's clamped logs log q ≥ −100), or
    /// AUX's mean at its coefficient for the training fraction <paramref name="stepFraction"/> (1 = the end of training).
    /// The same function <see cref="LogisticStudentTraining.Train"/> records as <see cref="TrainingRecord.Loss"/>.
    /// </summary>
    /// <param name="logits">z_i, finite, one per sample.</param>
    /// <param name="teacherProbabilities">q_i in [0, 1], as many as logits.</param>
    /// <param name="stepFraction">The fraction of training done, in [0, 1]; only AUX depends on it.</param>
    /// <returns>The mean loss (nats).</returns>
    /// <exception cref="ArgumentException">The lengths differ or a logit is not finite.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A probability or the step fraction is out of range.</exception>
    public double Evaluate(IReadOnlyList<double> logits, IReadOnlyList<double> teacherProbabilities, double stepFraction = 1.0)
    {
        Guard.NotNull(logits);
        var labels = Labels(teacherProbabilities);
        Guard.SameLength(logits.Count, labels.Length, "the number of teacher probabilities", nameof(logits));
        Guard.NotEmpty(labels.Length, nameof(teacherProbabilities));
        Guard.InRange(stepFraction, 0.0, 1.0);
        var z = logits.ToArray();
        Guard.AllFinite(z);
        return Bind(labels)(z, stepFraction, new double[z.Length], true);
    }

    private static double[] Labels(IReadOnlyList<double> teacherProbabilities)
    {
        Guard.NotNull(teacherProbabilities);
        var labels = teacherProbabilities.ToArray();
        for (var i = 0; i < labels.Length; i++)
        {
            Guard.Probability(labels[i], $"{nameof(teacherProbabilities)}[{i}]");
        }

        return labels;
    }

    internal BoundObjective Bind(double[] labels)
    {
        if (_auxiliary is not null)
        {
            return (logits, stepFraction, gradient, _) => _auxiliary.Mean(logits, labels, _auxiliary.CoefficientAt(stepFraction), gradient);
        }

        var loss = _perSample!(labels);
        // The reverse branch's clamped logs depend only on the labels: computed once here, not at every step.
        var logQ = new double[labels.Length];
        var logOneMinusQ = new double[labels.Length];
        for (var i = 0; i < labels.Length; i++)
        {
            (logQ[i], logOneMinusQ[i]) = SoftLabelLoss.SmoothedClampedLogs(labels[i], loss.ReverseSmoothing);
        }

        // Labels were validated by the caller; logits are finite because Adam rejects non-finite gradients.
        return (logits, _, gradient, needValue) =>
        {
            if (needValue)
            {
                return loss.MeanWithLogs(logits, labels, logQ, logOneMinusQ, gradient);
            }

            loss.MeanGradientWithLogs(logits, labels, logQ, logOneMinusQ, gradient);
            return double.NaN;
        };
    }

    /// <inheritdoc/>
    public override string ToString() => Name;

    /// <summary>The batch mean of the loss at the logits, its gradient written into <paramref name="gradient"/>.</summary>
    /// <remarks>With <c>needValue</c> false a per-sample loss writes the same gradient but skips the value (returns NaN).</remarks>
    internal delegate double BoundObjective(ReadOnlySpan<double> logits, double stepFraction, Span<double> gradient, bool needValue);
}
