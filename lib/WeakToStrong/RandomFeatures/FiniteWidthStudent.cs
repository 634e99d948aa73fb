using MathNet.Numerics.LinearAlgebra;
using WeakToStrong.Dynamics;
using WeakToStrong.Randomness;
using WeakToStrong.Validation;

namespace WeakToStrong.RandomFeatures;

/// <summary>
/// A student of finite width M_S trained by gradient flow (or gradient descent) from θ = 0 on the population loss
/// against a <see cref="ReluTeacher"/>'s labels (spec 01, §3.2 "Finite student"). The student is
/// f_θ(x) = M_S^(−1/2) Σ_j θ_j relu(u_j·x) with unit weights u_j and x uniform on S^(d−1), so with the exact population
/// matrices G_S = k1(UUᵀ)/d, C = k1(UWᵀ)/d, c = C a and b_S = U e_1/(2√d):
/// <list type="bullet">
/// <item>training objective ½E[(f_θ − f_TE)²] = ½θᵀAθ − βᵀθ + const, A = G_S/M_S, β = c/√M_S; it is solved by the core
/// <see cref="GradientFlow"/> from one eigendecomposition A = Σ γ_j v_j v_jᵀ, so
/// θ(t) = Σ_j (1 − e^(−tγ_j))/γ_j ⟨v_j, β⟩ v_j (spec 01, §3.2);</item>
/// <item>the loss against the true target, L_ST(θ) = θᵀG_Sθ/M_S − 2θᵀb_S/√M_S + 1, is the core <see cref="QuadraticRisk"/>
/// (θ − θ°)ᵀA(θ − θ°) + L_S with θ° = √M_S G_S⁻¹b_S and L_S = 1 − b_Sᵀ G_S⁻¹ b_S (the student's own best loss, the
/// "ceiling" of a student trained on true labels). Along the flow it is evaluated as the non-negative sum
/// Σ_j γ_j (v_jᵀ(θ(t) − θ°))² + L_S, O(M_S) per time.</item>
/// </list>
/// As M_S grows, A's spectrum tends to the kernel's (λ_k on N_k-dimensional blocks) and L_ST(t) tends to the
/// infinite-width curve of <see cref="InfiniteWidthStudent"/> (about like 1/M_S, spec 01 §3.2). Times are reported as
/// t·λ_1, λ_1 = 1/(4d²), the same unit as the infinite-width student. Cost: O(M_S³) once (eigendecomposition and
/// Cholesky); M_S = 4096 takes tens of seconds on two cores (spec 01, §7).
/// </summary>
public sealed class FiniteWidthStudent
{
    private readonly Matrix<double> weights;
    private readonly QuadraticRisk risk;

    /// <summary>The student with the given unit weight rows, trained on <paramref name="teacher"/>'s labels.</summary>
    /// <param name="weights">M_S × d matrix of unit rows u_j (|‖u‖² − 1| ≤ 1e-10), distinct, same d as the teacher.</param>
    /// <param name="teacher">The population-trained teacher whose function f_TE = Σ a_i relu(w_i·x) is the label.</param>
    public FiniteWidthStudent(Matrix<double> weights, ReluTeacher teacher)
    {
        Guard.NotNull(weights, nameof(weights));
        Guard.NotNull(teacher, nameof(teacher));
        Guard.AtLeast(weights.RowCount, 1, "the student width M_S", nameof(weights) + ".RowCount");
        if (weights.ColumnCount != teacher.Dimension)
        {
            throw new ArgumentException(
                $"{nameof(weights)} has {weights.ColumnCount} columns; expected the teacher's input dimension d = {teacher.Dimension}.",
                nameof(weights));
        }

        Guard.UnitRows(weights, nameof(weights));
        this.weights = weights.Clone();
        Teacher = teacher;
        Width = weights.RowCount;
        Dimension = teacher.Dimension;
        var d = (double)Dimension;
        var m = (double)Width;

        var gram = ArcCosineKernel.Gram(this.weights);
        var cross = ArcCosineKernel.CrossGram(this.weights, teacher.Weights);
        var curvature = gram / m;
        var forcing = cross * teacher.OutputWeights / Math.Sqrt(m);
        Flow = new GradientFlow(curvature, forcing);

        var targetCorrelations = this.weights.Column(0) / (2.0 * Math.Sqrt(d));
        var solved = ReluTeacher.Factorize(gram, ArcCosineKernel.Cosines(this.weights)).Solve(targetCorrelations);

        OwnLoss = Math.Max(0.0, 1.0 - targetCorrelations.DotProduct(solved));
        var optimum = solved * Math.Sqrt(m);
        risk = new QuadraticRisk(curvature, optimum, OwnLoss);
        var gap = Flow.Limit() - optimum;
        LimitLoss = gap.DotProduct(curvature * gap) + OwnLoss;
    }

    /// <summary>
    /// A student of width M_S whose weight rows are drawn i.i.d. uniformly on S^(d−1) from <paramref name="random"/>
    /// (see <see cref="ReluTeacher.SampleWeights"/>).
    /// </summary>
    /// <param name="width">M_S ≥ 1.</param>
    /// <param name="teacher">The teacher (gives d).</param>
    /// <param name="random">The random stream (normally a core <see cref="RandomStream"/>).</param>
    public static FiniteWidthStudent Sample(int width, ReluTeacher teacher, Random random)
    {
        Guard.NotNull(teacher, nameof(teacher));
        return new FiniteWidthStudent(ReluTeacher.SampleWeights(teacher.Dimension, width, random), teacher);
    }

    /// <summary>
    /// The student that has exactly the teacher's features (U = W, M_S = M_TE). It lives in the teacher's span, so by
    /// spec 01 §6 its loss never drops below L_TE: there is no weak-to-strong gain.
    /// </summary>
    /// <param name="teacher">The teacher.</param>
    public static FiniteWidthStudent WithTeacherFeatures(ReluTeacher teacher)
    {
        Guard.NotNull(teacher, nameof(teacher));
        return new FiniteWidthStudent(teacher.Weights, teacher);
    }

    /// <summary>The teacher whose labels the student is trained on.</summary>
    public ReluTeacher Teacher { get; }

    /// <summary>The student width M_S.</summary>
    public int Width { get; }

    /// <summary>The input dimension d.</summary>
    public int Dimension { get; }

    /// <summary>A copy of the student's unit weight rows U (M_S × d).</summary>
    public Matrix<double> Weights => weights.Clone();

    /// <summary>The core gradient flow on ½θᵀAθ − βᵀθ with A = G_S/M_S and β = Ca/√M_S (one eigendecomposition).</summary>
    public GradientFlow Flow { get; }

    /// <summary>L_TE, the teacher's loss.</summary>
    public double TeacherLoss => Teacher.Loss;

    /// <summary>L_S = 1 − b_Sᵀ G_S⁻¹ b_S: the loss of the best function in the student's span (its floor on true labels).</summary>
    public double OwnLoss { get; }

    /// <summary>L_ST(∞): the loss of the converged student, the projection of f_TE onto the student's span.</summary>
    public double LimitLoss { get; }

    /// <summary>The time unit λ_1 = 1/(4d²) of the infinite-width kernel (times are reported as t·λ_1).</summary>
    public double ReferenceEigenvalue => 1.0 / (4.0 * Dimension * Dimension);

    /// <summary>2/γ_max: discrete gradient descent with step η is stable iff η &lt; this.</summary>
    public double MaximumStableStepSize => Flow.MaximumStableStepSize;

    /// <summary>L_ST as a function of the top-layer weights θ, as a core <see cref="QuadraticRisk"/> (see the type summary).</summary>
    public QuadraticRisk Risk => risk;

    /// <summary>L_ST(t) under gradient flow (spec 01, §3.2).</summary>
    /// <param name="time">t ≥ 0; +∞ gives <see cref="LimitLoss"/>.</param>
    public double Loss(double time) => Losses([time])[0];

    /// <summary>L_ST at each gradient-flow time, from the one eigendecomposition (O(M_S) per time).</summary>
    /// <param name="times">Times t ≥ 0 (+∞ allowed).</param>
    public double[] Losses(IReadOnlyList<double> times)
    {
        Guard.NotNull(times, nameof(times));
        foreach (var time in times)
        {
            Guard.Time(time, nameof(times));
        }

        var finite = times.Where(double.IsFinite).ToArray();
        var values = Flow.Losses(risk, finite);
        var result = new double[times.Count];
        var next = 0;
        for (var i = 0; i < times.Count; i++)
        {
            result[i] = double.IsFinite(times[i]) ? values[next++] : LimitLoss;
        }

        return result;
    }

    /// <summary>
    /// L_ST after n steps of full-batch gradient descent θ ← θ − η(Aθ − β) from 0, for each n (spec 01, §3.1: the flow
    /// factor 1 − e^(−γt) becomes 1 − (1 − ηγ)^n, t = nη).
    /// </summary>
    /// <param name="steps">Step counts n ≥ 0.</param>
    /// <param name="stepSize">η, 0 &lt; η &lt; <see cref="MaximumStableStepSize"/>.</param>
    public double[] LossesAfterSteps(IReadOnlyList<int> steps, double stepSize) => Flow.LossesAfterSteps(risk, steps, stepSize);

    /// <summary>The loss curve on a log-spaced grid of t·λ_1 (figure F3 of spec 01, §4.2).</summary>
    /// <param name="minScaledTime">Smallest t·λ_1, &gt; 0 (default 1e-2).</param>
    /// <param name="maxScaledTime">Largest t·λ_1, &gt; <paramref name="minScaledTime"/> (default 1e4).</param>
    /// <param name="points">Number of grid points, ≥ 2 (default 400).</param>
    public StudentLossCurve LossCurve(double minScaledTime = 1e-2, double maxScaledTime = 1e4, int points = 400)
    {
        var scaled = InfiniteWidthStudent.LogGrid(minScaledTime, maxScaledTime, points);
        var times = scaled.Select(s => s / ReferenceEigenvalue).ToArray();
        return new StudentLossCurve(times, scaled, Flow.Losses(risk, times), TeacherLoss);
    }

    /// <summary>
    /// Oracle early stopping: the time minimising L_ST(t) by the core's <see cref="GradientFlow.OptimalStoppingTime"/>
    /// (log-spaced grid of t·λ_1, then golden-section refinement in log t; spec 01, §4.2).
    /// </summary>
    /// <param name="minScaledTime">Smallest t·λ_1, &gt; 0 (default 1e-2).</param>
    /// <param name="maxScaledTime">Largest t·λ_1, &gt; <paramref name="minScaledTime"/> (default 1e4).</param>
    /// <param name="gridPoints">Grid size, ≥ 3 (default 4000).</param>
    public EarlyStoppingResult OracleStop(double minScaledTime = 1e-2, double maxScaledTime = 1e4, int gridPoints = 4000)
    {
        InfiniteWidthStudent.ValidateScaledRange(minScaledTime, maxScaledTime);
        Guard.AtLeast(gridPoints, 3, "the number of grid points of the search", nameof(gridPoints));
        var stop = Flow.OptimalStoppingTime(risk, minScaledTime / ReferenceEigenvalue, maxScaledTime / ReferenceEigenvalue, gridPoints);
        return new EarlyStoppingResult(stop.Time, stop.Time * ReferenceEigenvalue, stop.Loss, TeacherLoss, !stop.AtBoundary);
    }
}
