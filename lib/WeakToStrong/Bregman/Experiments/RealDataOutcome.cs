namespace WeakToStrong.Bregman;

/// <summary>The outcome of one real-data run; accuracies on the test part, entropies in nats.</summary>
/// <param name="TeacherAccuracy">Weak teacher (few features, ground truth).</param>
/// <param name="StudentAccuracy">Student (its own features, teacher's soft labels).</param>
/// <param name="CeilingAccuracy">Strong ceiling (the student's features, true labels of the student's part).</param>
/// <param name="StudentEntropy">Mean predictive entropy of the student.</param>
/// <param name="TeacherEntropy">Mean predictive entropy of the teacher.</param>
/// <param name="StudentTeacherAgreement">Fraction of test points where student and teacher predict the same class.</param>
public sealed record RealDataOutcome(
    double TeacherAccuracy,
    double StudentAccuracy,
    double CeilingAccuracy,
    double StudentEntropy,
    double TeacherEntropy,
    double StudentTeacherAgreement)
{
    /// <summary>StudentAccuracy − TeacherAccuracy on the same test rows (a paired difference: its standard error over
    /// splits is the one to compare it with).</summary>
    public double Gain => StudentAccuracy - TeacherAccuracy;

    /// <summary>CeilingAccuracy − TeacherAccuracy on the same test rows.</summary>
    public double CeilingGain => CeilingAccuracy - TeacherAccuracy;
}
