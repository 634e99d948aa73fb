using System.Collections.Concurrent;
using MathNet.Numerics.LinearAlgebra;
using WeakToStrong.Datasets;
using WeakToStrong.Randomness;
using WeakToStrong.Validation;
using static WeakToStrong.ElementaryFunctions;

namespace WeakToStrong.Bregman;

/// <summary>
/// Weak-to-strong on a small real data set (notebook 03's real-data section; a small analogue of the reward-model
/// experiments of Xu et al. 2025, arXiv:2505.24313, with linear models in place of language models), for two classes
/// or K. One run shuffles the rows (seeded) into three parts: the teacher's ground-truth part, the student's part
/// (inputs only, labelled by the teacher) and a test part. Features are standardised with the mean and standard
/// deviation of the non-test rows. The weak teacher is a linear model on a few features trained with forward CE on
/// the true labels; the student is the same kind of model on its own features (default: all) trained on the teacher's
/// soft labels with the given loss; the strong ceiling is the student's model trained on the true labels of its part.
/// Accuracies are on the test part.
/// <list type="bullet">
/// <item><description><see cref="Run(long, StudentLoss)"/>: two classes (labels 0/1), logistic models, the teacher's
/// labels σ(z_teacher), any binary soft-label loss (CE, RCE, CACE, SL, AUX, …).</description></item>
/// <item><description><see cref="Run(long, MulticlassStudentLoss)"/>: K ≥ 2 classes, softmax models, the teacher's
/// predicted distributions, α·CE + β·RCE.</description></item>
/// </list>
/// The split, the teacher and the ceiling depend only on the seed and the model family: they are fitted once per
/// (seed, family) and shared by every loss, so losses are compared on the same data (paired).
/// </summary>
public sealed class RealDataWeakToStrong
{
    private readonly ClassificationDataset _data;
    private readonly int[] _teacherFeatures;
    private readonly int[] _studentFeatures;
    private readonly ConcurrentDictionary<long, Lazy<Baselines<LogisticStudent, double[]>>> _binary = new();
    private readonly ConcurrentDictionary<long, Lazy<Baselines<SoftmaxStudent, Matrix<double>>>> _multiclass = new();

    /// <summary>Creates the protocol.</summary>
    /// <param name="data">A data set with at least two classes (labels 0 … K − 1) and 10 rows.</param>
    /// <param name="teacherFeatures">Distinct feature indices the weak teacher sees (at least one).</param>
    /// <param name="teacherFraction">Fraction of rows for the teacher, in (0, 1).</param>
    /// <param name="studentFraction">Fraction of rows for the student, in (0, 1); teacherFraction + studentFraction &lt; 1.</param>
    /// <param name="settings">Adam settings of every fit (default: step 0.05, 500 steps).</param>
    /// <param name="studentFeatures">Distinct feature indices the student sees (null: all features).</param>
    /// <exception cref="ArgumentException">Fewer than two classes, or repeated feature indices.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A feature index or fraction is out of range.</exception>
    public RealDataWeakToStrong(ClassificationDataset data, IReadOnlyList<int> teacherFeatures, double teacherFraction = 0.3, double studentFraction = 0.4, AdamSettings? settings = null, IReadOnlyList<int>? studentFeatures = null)
    {
        Guard.NotNull(data);
        Guard.AtLeast(data.Count, 10, "enough rows for three parts");
        for (var i = 0; i < data.Count; i++)
        {
            if (data.Labels[i] < 0)
            {
                throw new ArgumentException($"data.Labels[{i}] = {data.Labels[i]}; expected class indices 0 … K − 1.", nameof(data));
            }
        }

        ClassCount = data.Labels.Max() + 1;
        Guard.AtLeast(ClassCount, 2, "a classification task", "number of classes");
        _teacherFeatures = CheckFeatures(teacherFeatures, data.FeatureCount, nameof(teacherFeatures));
        _studentFeatures = CheckFeatures(studentFeatures ?? Enumerable.Range(0, data.FeatureCount).ToArray(), data.FeatureCount, nameof(studentFeatures));
        Guard.OpenUnitInterval(teacherFraction);
        Guard.OpenUnitInterval(studentFraction);
        Guard.Less(teacherFraction + studentFraction, 1, "1", "teacherFraction + studentFraction");
        _data = data;
        TeacherFraction = teacherFraction;
        StudentFraction = studentFraction;
        Settings = settings ?? new AdamSettings(LearningRate: 0.05, Steps: 500);
        Settings.Validate();
    }

    /// <summary>K, the number of classes (labels 0 … K − 1).</summary>
    public int ClassCount { get; }

    /// <summary>The teacher's fraction of rows.</summary>
    public double TeacherFraction { get; }

    /// <summary>The student's fraction of rows.</summary>
    public double StudentFraction { get; }

    /// <summary>Adam settings of every fit.</summary>
    public AdamSettings Settings { get; }

    /// <summary>The feature indices of the weak teacher.</summary>
    public IReadOnlyList<int> TeacherFeatures => _teacherFeatures;

    /// <summary>The feature indices of the student and the ceiling.</summary>
    public IReadOnlyList<int> StudentFeatures => _studentFeatures;

    /// <summary>
    /// One binary run: split from stream (seed, 0, 0), logistic teacher (forward CE on true labels), logistic student
    /// trained on σ(z_teacher) with <paramref name="loss"/>, logistic ceiling; accuracies on the test rows.
    /// </summary>
    /// <param name="seed">The run's seed (same split, teacher and ceiling for every loss).</param>
    /// <param name="loss">The student's binary soft-label loss.</param>
    /// <returns>Accuracies, entropies and the student's agreement with its teacher on the test rows.</returns>
    /// <exception cref="ArgumentException">The data set has more than two classes (use a <see cref="MulticlassStudentLoss"/>).</exception>
    public RealDataOutcome Run(long seed, StudentLoss loss)
    {
        Guard.NotNull(loss);
        if (ClassCount != 2)
        {
            throw new ArgumentException(
                $"the data set has {ClassCount} classes; a StudentLoss trains a binary logistic student (labels 0/1). Pass a MulticlassStudentLoss for K-class softmax students.",
                nameof(loss));
        }

        var baselines = _binary.GetOrAdd(seed, s => new Lazy<Baselines<LogisticStudent, double[]>>(() => FitBinaryBaselines(s))).Value;
        var student = LogisticStudentTraining.Train(baselines.StudentInputs, baselines.TeacherOnStudent, loss, Settings).Student;
        var testInputs = baselines.Standardised.FeatureSubmatrix(baselines.TestRows, _studentFeatures);
        var testLabels = baselines.TestRows.Select(i => _data.Labels[i]).ToArray();
        var studentLogits = student.Logits(testInputs);
        var teacherLogits = baselines.Teacher.Logits(baselines.Standardised.FeatureSubmatrix(baselines.TestRows, _teacherFeatures));
        var agreement = studentLogits.Zip(teacherLogits, (s, t) => (s >= 0) == (t >= 0) ? 1.0 : 0.0).Average();
        return new RealDataOutcome(
            TeacherAccuracy: LogisticStudent.BinaryAccuracy(teacherLogits, testLabels),
            StudentAccuracy: LogisticStudent.BinaryAccuracy(studentLogits, testLabels),
            CeilingAccuracy: baselines.Ceiling.Accuracy(testInputs, testLabels),
            StudentEntropy: LogisticStudent.MeanEntropyOfLogits(studentLogits),
            TeacherEntropy: LogisticStudent.MeanEntropyOfLogits(teacherLogits),
            StudentTeacherAgreement: agreement);
    }

    /// <summary>
    /// One K-class run: split from stream (seed, 0, 0), softmax teacher (forward CE on one-hot true labels), softmax
    /// student trained on the teacher's predicted distributions with <paramref name="loss"/>, softmax ceiling;
    /// accuracies (argmax) on the test rows.
    /// </summary>
    /// <param name="seed">The run's seed (same split, teacher and ceiling for every loss).</param>
    /// <param name="loss">The student's loss α·CE + β·RCE.</param>
    /// <returns>Accuracies, entropies and the student's agreement with its teacher on the test rows.</returns>
    public RealDataOutcome Run(long seed, MulticlassStudentLoss loss)
    {
        Guard.NotNull(loss);
        var baselines = _multiclass.GetOrAdd(seed, s => new Lazy<Baselines<SoftmaxStudent, Matrix<double>>>(() => FitMulticlassBaselines(s))).Value;
        var student = SoftmaxStudentTraining.Train(baselines.StudentInputs, baselines.TeacherOnStudent, loss, Settings).Student;
        var testInputs = baselines.Standardised.FeatureSubmatrix(baselines.TestRows, _studentFeatures);
        var testLabels = baselines.TestRows.Select(i => _data.Labels[i]).ToArray();
        var studentLogits = student.Logits(testInputs);
        var teacherLogits = baselines.Teacher.Logits(baselines.Standardised.FeatureSubmatrix(baselines.TestRows, _teacherFeatures));
        var studentClass = Argmax(studentLogits);
        var teacherClass = Argmax(teacherLogits);
        return new RealDataOutcome(
            TeacherAccuracy: SoftmaxStudent.ArgmaxAccuracy(teacherLogits, testLabels),
            StudentAccuracy: SoftmaxStudent.ArgmaxAccuracy(studentLogits, testLabels),
            CeilingAccuracy: baselines.Ceiling.Accuracy(testInputs, testLabels),
            StudentEntropy: SoftmaxStudent.MeanEntropyOfLogits(studentLogits),
            TeacherEntropy: SoftmaxStudent.MeanEntropyOfLogits(teacherLogits),
            StudentTeacherAgreement: studentClass.Zip(teacherClass, (s, t) => s == t ? 1.0 : 0.0).Average());
    }

    private Baselines<LogisticStudent, double[]> FitBinaryBaselines(long seed)
    {
        var (teacherRows, studentRows, testRows, standardised) = Split(_data, seed, TeacherFraction, StudentFraction);
        var teacher = LogisticStudentTraining.Train(
            standardised.FeatureSubmatrix(teacherRows, _teacherFeatures), teacherRows.Select(i => (double)_data.Labels[i]).ToArray(), StudentLoss.ForwardCrossEntropy, Settings).Student;
        var teacherOnStudent = teacher.Logits(standardised.FeatureSubmatrix(studentRows, _teacherFeatures)).Select(Sigmoid).ToArray();
        var studentInputs = standardised.FeatureSubmatrix(studentRows, _studentFeatures);
        var ceiling = LogisticStudentTraining.Train(studentInputs, studentRows.Select(i => (double)_data.Labels[i]).ToArray(), StudentLoss.ForwardCrossEntropy, Settings).Student;
        return new Baselines<LogisticStudent, double[]>(standardised, testRows, teacher, teacherOnStudent, studentInputs, ceiling);
    }

    private Baselines<SoftmaxStudent, Matrix<double>> FitMulticlassBaselines(long seed)
    {
        var (teacherRows, studentRows, testRows, standardised) = Split(_data, seed, TeacherFraction, StudentFraction);
        var teacher = SoftmaxStudentTraining.Train(
            standardised.FeatureSubmatrix(teacherRows, _teacherFeatures), OneHot(teacherRows), MulticlassStudentLoss.Forward, Settings).Student;
        var teacherOnStudent = teacher.Probabilities(standardised.FeatureSubmatrix(studentRows, _teacherFeatures));
        var studentInputs = standardised.FeatureSubmatrix(studentRows, _studentFeatures);
        var ceiling = SoftmaxStudentTraining.Train(studentInputs, OneHot(studentRows), MulticlassStudentLoss.Forward, Settings).Student;
        return new Baselines<SoftmaxStudent, Matrix<double>>(standardised, testRows, teacher, teacherOnStudent, studentInputs, ceiling);
    }

    /// <summary>What a run shares with every other loss at its seed: the split, the teacher, its labels and the ceiling.</summary>
    private sealed record Baselines<TModel, TLabels>(ClassificationDataset Standardised, int[] TestRows, TModel Teacher, TLabels TeacherOnStudent, Matrix<double> StudentInputs, TModel Ceiling);

    private Matrix<double> OneHot(int[] rows) => Matrix<double>.Build.Dense(rows.Length, ClassCount, (i, k) => _data.Labels[rows[i]] == k ? 1 : 0);

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
