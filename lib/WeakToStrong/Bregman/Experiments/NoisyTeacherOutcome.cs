namespace WeakToStrong.Bregman;

/// <summary>The outcome of one <see cref="NoisyTeacherClassification"/> run (every property becomes a sweep
/// column).</summary>
/// <param name="StudentAccuracy">Test accuracy of the student against ground truth.</param>
/// <param name="StudentEntropy">Mean predictive entropy of the student on the test inputs (nats).</param>
/// <param name="StudentMisfit">(1/N) Σ KL(f_s(x_i) ‖ q_i) on the (shrunk) training labels.</param>
/// <param name="TeacherAccuracy">Test accuracy of the noisy teacher 1[q ≥ ½] (fresh η).</param>
/// <param name="PosteriorMeanTeacherAccuracy">Exact accuracy 1 − ∠(w_t, w*)/π of the logit-mean teacher.</param>
/// <param name="TeacherLabelEntropy">Mean entropy of the training labels the student saw (nats).</param>
/// <param name="FinalLoss">The training objective at the last step.</param>
public sealed record NoisyTeacherOutcome(
    double StudentAccuracy,
    double StudentEntropy,
    double StudentMisfit,
    double TeacherAccuracy,
    double PosteriorMeanTeacherAccuracy,
    double TeacherLabelEntropy,
    double FinalLoss)
{
    /// <summary>StudentAccuracy − TeacherAccuracy on the same test points (paired).</summary>
    public double Gain => StudentAccuracy - TeacherAccuracy;

    /// <summary>StudentAccuracy − PosteriorMeanTeacherAccuracy: how far the student is from the logit-mean teacher.</summary>
    public double GainOverPosteriorMean => StudentAccuracy - PosteriorMeanTeacherAccuracy;
}
