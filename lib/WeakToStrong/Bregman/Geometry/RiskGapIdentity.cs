using WeakToStrong.Validation;
namespace WeakToStrong.Bregman;

/// <summary>
/// Risk, misfit, posterior-mean teacher and the exact risk-gap identity (★) of <see cref="RiskGapDecomposition"/> on
/// discrete joint laws (exact enumeration) or on samples (empirical laws, <see cref="DiscreteLaw{T}.Empirical"/>).
/// </summary>
public static class RiskGapIdentity
{
    /// <summary>
    /// Evaluates every term of (★) under the joint law of (g, f_w, f_s, cell). The posterior-mean teacher of each
    /// cell is f̄ = (∇φ)⁻¹(E[∇φ(f_w) | cell]) (<see cref="PosteriorMeanTeachers{TPoint}"/>).
    /// </summary>
    /// <param name="generator">The Bregman generator φ.</param>
    /// <param name="law">The joint law; draws in one cell must share target and student.</param>
    /// <exception cref="ArgumentException">A cell whose draws disagree on the target or the student.</exception>
    public static RiskGapDecomposition Evaluate<TPoint>(
        BregmanGenerator<TPoint> generator, DiscreteLaw<TeacherStudentDraw<TPoint>> law)
        where TPoint : notnull
    {
        var posteriorMean = PosteriorMeanTeachers(generator, law);
        var teacherRisk = law.Expectation(d => generator.Divergence(d.Target, d.Teacher));
        var studentRisk = law.Expectation(d => generator.Divergence(d.Target, d.Student));
        var misfit = law.Expectation(d => generator.Divergence(d.Student, d.Teacher));
        // ⟨∇φ(f̄) − ∇φ(f_s), g − f_s⟩ = −ThreePointRemainder(g, f_s, f̄).
        var residual = law.Expectation(d => -generator.ThreePointRemainder(d.Target, d.Student, posteriorMean[d.Cell]));
        return new RiskGapDecomposition(teacherRisk, studentRisk, misfit, residual);
    }

    /// <summary>
    /// The posterior-mean teacher of every cell of G: f̄(cell) = (∇φ)⁻¹(E[∇φ(f_w) | cell]), the dual mean of the
    /// teacher's conditional law given the cell (squared loss: E[f_w | G]; cross-entropy: sigmoid/softmax of the
    /// conditional mean logit). Cells of probability zero are omitted.
    /// </summary>
    /// <param name="generator">The Bregman generator φ.</param>
    /// <param name="law">The joint law; draws in one cell must share target and student.</param>
    public static IReadOnlyDictionary<int, TPoint> PosteriorMeanTeachers<TPoint>(
        BregmanGenerator<TPoint> generator, DiscreteLaw<TeacherStudentDraw<TPoint>> law)
        where TPoint : notnull
    {
        Guard.NotNull(generator);
        Guard.NotNull(law);
        var members = new Dictionary<int, (List<TPoint> Teachers, List<double> Weights, TeacherStudentDraw<TPoint> First)>();
        for (var i = 0; i < law.Count; i++)
        {
            var d = law.Outcomes[i];
            var at = $"{nameof(law)}.Outcomes[{i}]";
            generator.ValidateClosed(d.Target, at + ".Target");
            generator.ValidateInterior(d.Teacher, at + ".Teacher");
            generator.ValidateInterior(d.Student, at + ".Student");
            if (!members.TryGetValue(d.Cell, out var cell))
            {
                cell = (new List<TPoint>(), new List<double>(), d);
                members.Add(d.Cell, cell);
            }
            else if (!generator.SamePoint(cell.First.Student, d.Student) || !generator.SamePoint(cell.First.Target, d.Target))
            {
                throw new ArgumentException(
                    $"{at} lies in cell {d.Cell} but its target or student differs from the cell's first draw; the conditioning σ-field must fix the target and the student (cell = the student's information, including x).",
                    nameof(law));
            }

            if (law.Probabilities[i] > 0)
            {
                cell.Teachers.Add(d.Teacher);
                cell.Weights.Add(law.Probabilities[i]);
            }
        }

        var result = new Dictionary<int, TPoint>();
        foreach (var (key, cell) in members)
        {
            var total = cell.Weights.Sum();
            if (total > 0)
            {
                result.Add(key, generator.DualAverage(cell.Teachers, cell.Weights.Select(w => w / total).ToArray()));
            }
        }

        return result;
    }

    /// <summary>
    /// The joint law of a discrete (teacher, student) pair at one input, from a weight matrix J (e.g. a
    /// dependent student that is not its posterior-mean teacher, for which the residual of (★) can be large): P(f_w =
    /// teachers[i], f_s = students[j]) = J_ij / Σ J. The cell is the student's column j,
    /// so the posterior-mean teacher of column j is (∇φ)⁻¹(Σ_i J_ij ∇φ(teachers[i]) / Σ_i J_ij).
    /// </summary>
    /// <param name="target">The fixed target g.</param>
    /// <param name="teachers">The teacher's values (rows of J).</param>
    /// <param name="students">The student's values (columns of J).</param>
    /// <param name="weights">J: finite, non-negative, positive total, teachers.Count × students.Count.</param>
    public static DiscreteLaw<TeacherStudentDraw<TPoint>> FromJointWeights<TPoint>(
        TPoint target, IReadOnlyList<TPoint> teachers, IReadOnlyList<TPoint> students, double[,] weights)
        where TPoint : notnull
    {
        Guard.NotNull(target);
        Guard.NotNull(teachers);
        Guard.NotNull(students);
        Guard.NotNull(weights);
        Guard.NotEmpty(teachers.Count, nameof(teachers));
        Guard.NotEmpty(students.Count, nameof(students));
        Guard.SameLength(weights.GetLength(0), teachers.Count, nameof(teachers), "weights rows");
        Guard.SameLength(weights.GetLength(1), students.Count, nameof(students), "weights columns");
        var draws = new List<TeacherStudentDraw<TPoint>>();
        var w = new List<double>();
        for (var i = 0; i < teachers.Count; i++)
        {
            for (var j = 0; j < students.Count; j++)
            {
                Guard.NonNegative(weights[i, j], $"weights[{i}, {j}]");
                draws.Add(new TeacherStudentDraw<TPoint>(target, teachers[i], students[j], j));
                w.Add(weights[i, j]);
            }
        }

        return DiscreteLaw<TeacherStudentDraw<TPoint>>.FromWeights(draws, w);
    }

    /// <summary>
    /// Imitation: the student copies its teacher, f_s = f_w, each teacher atom its own cell. Then
    /// the misfit is 0, the residual is 0 and E R(f_s) = E R(f_w): no gain.
    /// </summary>
    /// <param name="target">The fixed target g.</param>
    /// <param name="teacher">The teacher's law.</param>
    public static DiscreteLaw<TeacherStudentDraw<TPoint>> Imitation<TPoint>(TPoint target, DiscreteLaw<TPoint> teacher)
        where TPoint : notnull
    {
        Guard.NotNull(target);
        Guard.NotNull(teacher);
        return DiscreteLaw<TeacherStudentDraw<TPoint>>.FromWeights(
            teacher.Outcomes.Select((t, i) => new TeacherStudentDraw<TPoint>(target, t, t, i)),
            teacher.Probabilities);
    }

    /// <summary>
    /// Empirical population risk (1/n) Σ_i D_φ(g(x_i), f(x_i)): target in the first slot.
    /// </summary>
    /// <param name="generator">The Bregman generator φ.</param>
    /// <param name="targets">g(x_i), i = 1..n.</param>
    /// <param name="predictions">f(x_i), same length.</param>
    public static double Risk<TPoint>(
        BregmanGenerator<TPoint> generator, IReadOnlyList<TPoint> targets, IReadOnlyList<TPoint> predictions)
        where TPoint : notnull => MeanDivergence(generator, targets, predictions, nameof(targets), nameof(predictions));

    /// <summary>
    /// Empirical misfit (1/n) Σ_i D_φ(f_s(x_i), f_w(x_i)): the student in the first (target) slot.
    /// </summary>
    /// <param name="generator">The Bregman generator φ.</param>
    /// <param name="students">f_s(x_i), i = 1..n.</param>
    /// <param name="teachers">f_w(x_i), same length.</param>
    public static double Misfit<TPoint>(
        BregmanGenerator<TPoint> generator, IReadOnlyList<TPoint> students, IReadOnlyList<TPoint> teachers)
        where TPoint : notnull => MeanDivergence(generator, students, teachers, nameof(students), nameof(teachers));

    private static double MeanDivergence<TPoint>(
        BregmanGenerator<TPoint> generator, IReadOnlyList<TPoint> first, IReadOnlyList<TPoint> second,
        string firstName, string secondName)
        where TPoint : notnull
    {
        Guard.NotNull(generator);
        Guard.NotNull(first, firstName);
        Guard.NotNull(second, secondName);
        Guard.NotEmpty(first.Count, firstName);
        Guard.SameLength(second.Count, first.Count, firstName, secondName);
        double sum = 0;
        for (var i = 0; i < first.Count; i++)
        {
            sum += generator.Divergence(first[i], second[i]);
        }

        return sum / first.Count;
    }
}
