using System.Collections.Concurrent;
using MathNet.Numerics.LinearAlgebra;
using WeakToStrong.Datasets;
using WeakToStrong.Validation;

namespace WeakToStrong.Bregman;

/// <summary>
/// The multiclass version of <see cref="RealDataWeakToStrong"/> with softmax models (notebook 03's real-data section;
/// e.g. the UCI digits): a weak softmax teacher trained with forward CE on the true labels of a few features, a softmax
/// student on its own features trained on the teacher's predicted distributions with α·CE + β·RCE, and a ceiling
/// (the student trained on true labels). Splits and standardisation as in <see cref="RealDataWeakToStrong"/>.
/// </summary>
public sealed class MulticlassRealDataWeakToStrong
{
    private readonly ClassificationDataset _data;
    private readonly int[] _teacherFeatures;
    private readonly int[] _studentFeatures;
    private readonly int _classes;
    private readonly ConcurrentDictionary<long, Lazy<Baselines>> _baselines = new();

    /// <summary>Creates the protocol.</summary>
    /// <param name="data">A data set with at least two classes and 10 rows.</param>
    /// <param name="teacherFeatures">Distinct feature indices of the teacher.</param>
    /// <param name="studentFeatures">Distinct feature indices of the student.</param>
    /// <param name="teacherFraction">Fraction of rows for the teacher, in (0, 1).</param>
    /// <param name="studentFraction">Fraction of rows for the student, in (0, 1); the sum must be &lt; 1.</param>
    /// <param name="settings">Adam settings of every fit (default: step 0.05, 300 steps).</param>
    public MulticlassRealDataWeakToStrong(ClassificationDataset data, IReadOnlyList<int> teacherFeatures, IReadOnlyList<int> studentFeatures, double teacherFraction = 0.3, double studentFraction = 0.4, AdamSettings? settings = null)
    {
        Guard.NotNull(data);
        Guard.AtLeast(data.Count, 10, "enough rows for three parts");
        _classes = data.Labels.Max() + 1;
        Guard.AtLeast(_classes, 2, "a classification task", "number of classes");
        _teacherFeatures = CheckFeatures(teacherFeatures, data.FeatureCount, nameof(teacherFeatures));
        _studentFeatures = CheckFeatures(studentFeatures, data.FeatureCount, nameof(studentFeatures));
        Guard.OpenUnitInterval(teacherFraction);
        Guard.OpenUnitInterval(studentFraction);
        Guard.Less(teacherFraction + studentFraction, 1, "1", "teacherFraction + studentFraction");
        _data = data;
        TeacherFraction = teacherFraction;
        StudentFraction = studentFraction;
        Settings = settings ?? new AdamSettings(LearningRate: 0.05, Steps: 300);
        Settings.Validate();
    }

    /// <summary>The teacher's fraction of rows.</summary>
    public double TeacherFraction { get; }

    /// <summary>The student's fraction of rows.</summary>
    public double StudentFraction { get; }

    /// <summary>Adam settings of every fit.</summary>
    public AdamSettings Settings { get; }

    /// <summary>One run: split from stream (seed, 0, 0), teacher, student with <paramref name="loss"/>, ceiling; accuracies on the test rows.</summary>
    /// <param name="seed">The run's seed (same split for every loss).</param>
    /// <param name="loss">The student's loss.</param>
    public RealDataOutcome Run(long seed, MulticlassStudentLoss loss)
    {
        Guard.NotNull(loss);
        // The split, teacher and ceiling depend only on the seed: they are fitted once per seed and shared by every loss.
        var (standardised, testRows, teacher, teacherOnStudent, studentInputs, ceiling) = _baselines.GetOrAdd(seed, s => new Lazy<Baselines>(() => FitBaselines(s))).Value;
        var student = SoftmaxStudentTraining.Train(studentInputs, teacherOnStudent, loss, Settings).Student;

        var testInputs = standardised.FeatureSubmatrix(testRows, _studentFeatures);
        var testLabels = testRows.Select(i => _data.Labels[i]).ToArray();
        var studentLogits = student.Logits(testInputs);
        var teacherLogits = teacher.Logits(standardised.FeatureSubmatrix(testRows, _teacherFeatures));
        var studentClass = Argmax(studentLogits);
        var teacherClass = Argmax(teacherLogits);
        return new RealDataOutcome(
            TeacherAccuracy: SoftmaxStudent.ArgmaxAccuracy(teacherLogits, testLabels),
            StudentAccuracy: SoftmaxStudent.ArgmaxAccuracy(studentLogits, testLabels),
            CeilingAccuracy: ceiling.Accuracy(testInputs, testLabels),
            StudentEntropy: SoftmaxStudent.MeanEntropyOfLogits(studentLogits),
            TeacherEntropy: SoftmaxStudent.MeanEntropyOfLogits(teacherLogits),
            StudentTeacherAgreement: studentClass.Zip(teacherClass, (s, t) => s == t ? 1.0 : 0.0).Average());
    }

    private Baselines FitBaselines(long seed)
    {
        var (teacherRows, studentRows, testRows, standardised) = RealDataWeakToStrong.Split(_data, seed, TeacherFraction, StudentFraction);
        var teacher = SoftmaxStudentTraining.Train(
            standardised.FeatureSubmatrix(teacherRows, _teacherFeatures), OneHot(teacherRows), MulticlassStudentLoss.Forward, Settings).Student;
        var teacherOnStudent = teacher.Probabilities(standardised.FeatureSubmatrix(studentRows, _teacherFeatures));
        var studentInputs = standardised.FeatureSubmatrix(studentRows, _studentFeatures);
        var ceiling = SoftmaxStudentTraining.Train(studentInputs, OneHot(studentRows), MulticlassStudentLoss.Forward, Settings).Student;
        return new Baselines(standardised, testRows, teacher, teacherOnStudent, studentInputs, ceiling);
    }

    private sealed record Baselines(ClassificationDataset Standardised, int[] TestRows, SoftmaxStudent Teacher, Matrix<double> TeacherOnStudent, Matrix<double> StudentInputs, SoftmaxStudent Ceiling);

    private Matrix<double> OneHot(int[] rows) => Matrix<double>.Build.Dense(rows.Length, _classes, (i, k) => _data.Labels[rows[i]] == k ? 1 : 0);

    private static int[] Argmax(Matrix<double> logits) =>
        Enumerable.Range(0, logits.RowCount).Select(i => logits.Row(i).MaximumIndex()).ToArray();

    private static int[] CheckFeatures(IReadOnlyList<int> features, int columns, string name)
    {
        Guard.NotNull(features, name);
        Guard.NotEmpty(features.Count, name);
        foreach (var j in features)
        {
            Guard.InRange(j, 0, columns - 1, name);
        }

        if (features.Distinct().Count() != features.Count)
        {
            throw new ArgumentException($"{name} = [{string.Join(", ", features)}] has repeated indices; expected distinct feature indices.", name);
        }

        return features.ToArray();
    }
}
