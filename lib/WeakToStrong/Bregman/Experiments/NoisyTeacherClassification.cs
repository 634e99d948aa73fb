using WeakToStrong.Randomness;
using WeakToStrong.Validation;

namespace WeakToStrong.Bregman;

/// <summary>
/// A synthetic weak-to-strong classification with a noisy teacher, built for this library (notebook 03's synthetic classification) to
/// compare the student losses of Xu et al. 2025, arXiv:2505.24313 (CE, RCE, CACE, SL) in a convex setting. Inputs x ~
/// N(0, I_d), truth y = 1[w*ᵀx &gt; 0]
/// with w* a uniform unit vector. The teacher direction is w_t = normalize(w* + s·ζ/√d), ζ ~ N(0, I_d), and the
/// teacher's soft label is q = σ(a·w_tᵀx + η) with η ~ N(0, ν²) drawn afresh for every query: η is teacher
/// variance that a linear student cannot represent. The posterior-mean (logit-mean) teacher is σ(a·w_tᵀx), whose
/// accuracy is exactly 1 − ∠(w_t, w*)/π.
/// </summary>
/// <remarks>
/// Because η is redrawn per query, the teacher is a random function even for fixed weights, and most of a student's
/// gain over it is the averaging of this label noise (the student lands near the posterior-mean teacher, not above
/// it); with ν = 0 the teacher is its own posterior mean and lies in the student class, so no accuracy gain is
/// expected.
/// </remarks>
public sealed class NoisyTeacherClassification
{
    /// <summary>Creates the design (the defaults, in parentheses below, are this library's choice).</summary>
    /// <param name="dimension">d ≥ 1 (20).</param>
    /// <param name="directionNoise">s ≥ 0, the teacher direction's perturbation (0.5).</param>
    /// <param name="logitScale">a &gt; 0, the teacher's logit scale (2).</param>
    /// <param name="logitNoise">ν ≥ 0, the standard deviation of the per-sample logit noise (1.5).</param>
    public NoisyTeacherClassification(int dimension = 20, double directionNoise = 0.5, double logitScale = 2, double logitNoise = 1.5)
    {
        Guard.Positive(dimension);
        Guard.NonNegative(directionNoise);
        Guard.Positive(logitScale);
        Guard.NonNegative(logitNoise);
        Dimension = dimension;
        DirectionNoise = directionNoise;
        LogitScale = logitScale;
        LogitNoise = logitNoise;
    }

    /// <summary>d.</summary>
    public int Dimension { get; }

    /// <summary>s.</summary>
    public double DirectionNoise { get; }

    /// <summary>a.</summary>
    public double LogitScale { get; }

    /// <summary>ν.</summary>
    public double LogitNoise { get; }

    /// <summary>Draws the truth w* and the teacher direction w_t.</summary>
    /// <param name="random">The random stream.</param>
    public NoisyTeacher DrawTeacher(Random random)
    {
        Guard.NotNull(random);
        var truth = random.NextUnitVector(Dimension);
        var perturbed = truth + (random.NextGaussianVector(Dimension) * (DirectionNoise / Math.Sqrt(Dimension)));
        return new NoisyTeacher(this, truth, perturbed / perturbed.L2Norm());
    }

    /// <summary>
    /// One run of the experiment: teacher, N training inputs with teacher labels, optional shrinkage
    /// of the labels, a student trained with <paramref name="loss"/>, and evaluation on fresh test points against
    /// ground truth (the teacher scored with fresh η). Streams of <paramref name="seed"/>: 0 teacher, 1 training
    /// sample, 2 test sample, 3 shrinkage; so every loss sees the same data for one seed (paired comparison).
    /// </summary>
    /// <param name="seed">The run's seed.</param>
    /// <param name="loss">The student's loss.</param>
    /// <param name="shrinkage">The teacher-uncertainty knob (rate 0: none).</param>
    /// <param name="settings">Adam settings.</param>
    /// <param name="trainCount">N ≥ 1 (2000).</param>
    /// <param name="testCount">Test points ≥ 1 (20 000).</param>
    public NoisyTeacherOutcome Run(long seed, StudentLoss loss, TeacherLabelShrinkage shrinkage, AdamSettings settings, int trainCount = 2000, int testCount = 20000)
    {
        Guard.NotNull(loss);
        Guard.NotNull(shrinkage);
        Guard.NotNull(settings);
        Guard.Positive(trainCount);
        Guard.Positive(testCount);
        var teacher = DrawTeacher(new RandomStream(seed, 0, 0));
        var train = teacher.Sample(trainCount, new RandomStream(seed, 0, 1));
        var test = teacher.Sample(testCount, new RandomStream(seed, 0, 2));
        var (labels, _) = shrinkage.Apply(train.TeacherProbabilities, new RandomStream(seed, 0, 3));
        var fit = LogisticStudentTraining.Train(train.Inputs, labels, loss, settings);
        var student = fit.Student;
        var testLogits = student.Logits(test.Inputs);
        return new NoisyTeacherOutcome(
            StudentAccuracy: LogisticStudent.BinaryAccuracy(testLogits, test.Labels),
            StudentEntropy: LogisticStudent.MeanEntropyOfLogits(testLogits),
            StudentMisfit: student.Misfit(train.Inputs, labels),
            TeacherAccuracy: test.TeacherAccuracy,
            PosteriorMeanTeacherAccuracy: teacher.PosteriorMeanAccuracy,
            TeacherLabelEntropy: labels.Average(CrossEntropy.Entropy),
            FinalLoss: fit.Curve[^1].Loss);
    }
}
