using WeakToStrong.Datasets;
using WeakToStrong.Randomness;
using WeakToStrong.Validation;
using static WeakToStrong.ElementaryFunctions;

namespace WeakToStrong.Bregman;

/// <summary>
/// Weak-to-strong on a small binary real data set (notebook 03's real-data section; a small analogue of
/// the reward-model experiments of Xu et al. 2025, arXiv:2505.24313, with logistic regressions in place of language
/// models). One run shuffles the rows (seeded) into three parts: the teacher's ground-truth part, the student's
/// part (inputs only, labelled by the teacher) and a test part. Features are standardised with the mean and
/// standard deviation of the non-test rows. The weak teacher is a logistic regression on a few features, trained
/// with forward CE on hard labels; the student is a logistic regression on its own features (default: all) trained on the teacher's
/// soft labels σ(z_teacher) with the given loss; the strong ceiling is the same student trained on the true labels
/// of its part. Accuracies are on the test part.
/// </summary>
public sealed class RealDataWeakToStrong
{
    private readonly ClassificationDataset _data;
    private readonly int[] _teacherFeatures;
    private readonly int[] _studentFeatures;

    /// <summary>Creates the protocol.</summary>
    /// <param name="data">A binary data set (labels 0/1), at least 10 rows.</param>
    /// <param name="teacherFeatures">Distinct feature indices the weak teacher sees (at least one).</param>
    /// <param name="teacherFraction">Fraction of rows for the teacher, in (0, 1).</param>
    /// <param name="studentFraction">Fraction of rows for the student, in (0, 1); teacherFraction + studentFraction &lt; 1.</param>
    /// <param name="settings">Adam settings of every fit.</param>
    /// <param name="studentFeatures">Feature indices the student sees (null: all features).</param>
    public RealDataWeakToStrong(ClassificationDataset data, IReadOnlyList<int> teacherFeatures, double teacherFraction = 0.3, double studentFraction = 0.4, AdamSettings? settings = null, IReadOnlyList<int>? studentFeatures = null)
    {
        Guard.NotNull(data);
        Guard.AtLeast(data.Count, 10, "enough rows for three parts");
        for (var i = 0; i < data.Count; i++)
        {
            if (data.Labels[i] is not (0 or 1))
            {
                throw new ArgumentException($"data.Labels[{i}] = {data.Labels[i]}; expected a binary data set with labels 0 and 1.", nameof(data));
            }
        }

        Guard.NotNull(teacherFeatures);
        Guard.NotEmpty(teacherFeatures.Count, nameof(teacherFeatures));
        foreach (var j in teacherFeatures)
        {
            Guard.InRange(j, 0, data.FeatureCount - 1, nameof(teacherFeatures));
        }

        if (teacherFeatures.Distinct().Count() != teacherFeatures.Count)
        {
            throw new ArgumentException($"teacherFeatures = [{string.Join(", ", teacherFeatures)}] has repeated indices; expected distinct feature indices.", nameof(teacherFeatures));
        }

        studentFeatures ??= Enumerable.Range(0, data.FeatureCount).ToArray();
        Guard.NotEmpty(studentFeatures.Count, nameof(studentFeatures));
        foreach (var j in studentFeatures)
        {
            Guard.InRange(j, 0, data.FeatureCount - 1, nameof(studentFeatures));
        }

        if (studentFeatures.Distinct().Count() != studentFeatures.Count)
        {
            throw new ArgumentException($"studentFeatures = [{string.Join(", ", studentFeatures)}] has repeated indices; expected distinct feature indices.", nameof(studentFeatures));
        }

        _studentFeatures = studentFeatures.ToArray();
        Guard.OpenUnitInterval(teacherFraction);
        Guard.OpenUnitInterval(studentFraction);
        Guard.Less(teacherFraction + studentFraction, 1, "1", "teacherFraction + studentFraction");
        _data = data;
        _teacherFeatures = teacherFeatures.ToArray();
        TeacherFraction = teacherFraction;
        StudentFraction = studentFraction;
        Settings = settings ?? new AdamSettings(LearningRate: 0.05, Steps: 500);
        Settings.Validate();
    }

    /// <summary>The teacher's fraction of rows.</summary>
    public double TeacherFraction { get; }

    /// <summary>The student's fraction of rows.</summary>
    public double StudentFraction { get; }

    /// <summary>Adam settings of every fit.</summary>
    public AdamSettings Settings { get; }

    /// <summary>The feature indices the teacher sees.</summary>
    public IReadOnlyList<int> TeacherFeatures => _teacherFeatures;

    /// <summary>The feature indices the student (and the ceiling) sees.</summary>
    public IReadOnlyList<int> StudentFeatures => _studentFeatures;

    /// <summary>One run: split from stream (seed, 0, 0), teacher, student with <paramref name="loss"/>, ceiling.</summary>
    /// <param name="seed">The run's seed (same split for every loss).</param>
    /// <param name="loss">The student's loss.</param>
    public RealDataOutcome Run(long seed, StudentLoss loss)
    {
        Guard.NotNull(loss);
        var (teacherRows, studentRows, testRows, standardised) = Split(_data, seed, TeacherFraction, StudentFraction);
        var allColumns = _studentFeatures;

        var teacher = LogisticStudentTraining.Train(
            standardised.FeatureSubmatrix(teacherRows, _teacherFeatures), teacherRows.Select(i => (double)_data.Labels[i]).ToArray(), StudentLoss.ForwardCrossEntropy, Settings).Student;
        var teacherOnStudent = teacher.Logits(standardised.FeatureSubmatrix(studentRows, _teacherFeatures)).Select(Sigmoid).ToArray();
        var studentInputs = standardised.FeatureSubmatrix(studentRows, allColumns);
        var student = LogisticStudentTraining.Train(studentInputs, teacherOnStudent, loss, Settings).Student;
        var ceiling = LogisticStudentTraining.Train(studentInputs, studentRows.Select(i => (double)_data.Labels[i]).ToArray(), StudentLoss.ForwardCrossEntropy, Settings).Student;

        var testInputs = standardised.FeatureSubmatrix(testRows, allColumns);
        var testLabels = testRows.Select(i => _data.Labels[i]).ToArray();
        var studentLogits = student.Logits(testInputs);
        var teacherLogits = teacher.Logits(standardised.FeatureSubmatrix(testRows, _teacherFeatures));
        var agreement = studentLogits.Zip(teacherLogits, (s, t) => (s >= 0) == (t >= 0) ? 1.0 : 0.0).Average();
        return new RealDataOutcome(
            TeacherAccuracy: LogisticStudent.BinaryAccuracy(teacherLogits, testLabels),
            StudentAccuracy: LogisticStudent.BinaryAccuracy(studentLogits, testLabels),
            CeilingAccuracy: ceiling.Accuracy(testInputs, testLabels),
            StudentEntropy: LogisticStudent.MeanEntropyOfLogits(studentLogits),
            TeacherEntropy: LogisticStudent.MeanEntropyOfLogits(teacherLogits),
            StudentTeacherAgreement: agreement);
    }

    /// <summary>
    /// A seeded shuffle (Fisher–Yates on stream (seed, 0, 0)) into teacher, student and test rows, and the features
    /// standardised with the mean and standard deviation of the non-test rows
    /// (<see cref="ClassificationDataset.Standardised"/>).
    /// </summary>
    internal static (int[] Teacher, int[] Student, int[] Test, ClassificationDataset Standardised) Split(ClassificationDataset data, long seed, double teacherFraction, double studentFraction)
    {
        var n = data.Count;
        var order = Enumerable.Range(0, n).ToArray();
        var random = new RandomStream(seed, 0, 0);
        for (var i = n - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }

        var teacherCount = (int)Math.Round(n * teacherFraction);
        var studentCount = (int)Math.Round(n * studentFraction);
        return (order[..teacherCount], order[teacherCount..(teacherCount + studentCount)], order[(teacherCount + studentCount)..],
            data.Standardised(order[..(teacherCount + studentCount)]));
    }
}
