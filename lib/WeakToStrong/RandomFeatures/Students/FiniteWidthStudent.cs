using MathNet.Numerics.LinearAlgebra;
using WeakToStrong.Dynamics;
using WeakToStrong.Randomness;
using WeakToStrong.Validation;

namespace WeakToStrong.RandomFeatures;

/// <summary>
/// A student of finite width M_S trained by gradient flow (or gradient descent) from θ = 0 on the population loss
/// against a <see cref="ReluTeacher"/>'s labels. The student is
/// f_θ(x) = M_S^(−1/2) Σ_j θ_j relu(u_j·x) with unit weights u_j and x uniform on S^(d−1), so with the exact population
/// matrices G_S = k1(UUᵀ)/d, C = k1(UWᵀ)/d, c = C a and b_S = U e_1/(2√d):
/// <list type="bullet">
/// <item>training objective ½E[(f_θ − f_TE)²] = ½θᵀAθ − βᵀθ + const, A = G_S/M_S, β = c/√M_S; from one spectral
/// decomposition A = Σ γ_j v_j v_jᵀ, θ(t) = Σ_j (1 − e^(−tγ_j))/γ_j ⟨v_j, β⟩ v_j — the core
/// <see cref="GradientFlow"/> on (A, β), available as <see cref="Flow"/>;</item>
/// <item>the loss against the true target, L_ST(θ) = θᵀG_Sθ/M_S − 2θᵀb_S/√M_S + 1, is the core <see cref="QuadraticRisk"/>
/// (θ − θ°)ᵀA(θ − θ°) + L_S with θ° = √M_S G_S⁻¹b_S and L_S = 1 − b_Sᵀ G_S⁻¹ b_S (the student's own best loss, the
/// "ceiling" of a student trained on true labels), so along the flow
/// L_ST(t) = Σ_j γ_j ((1 − e^(−tγ_j))/γ_j ⟨v_j, β⟩ − ⟨v_j, θ°⟩)² + L_S, a sum of non-negative terms, O(M_S) per time.</item>
/// </list>
/// The losses need only γ_j, ⟨v_j, β⟩ and ⟨v_j, θ°⟩ = ⟨v_j, b_S/√M_S⟩/γ_j (and L_S = 1 − Σ_j ⟨v_j, b_S/√M_S⟩²/γ_j),
/// which are computed without forming the eigenvectors (Householder tridiagonalisation and implicit QL, about (4/3)M_S³
/// flops instead of about 9M_S³ for a full eigendecomposition), so M_S = 4096 stays practical on two cores;
/// <see cref="Flow"/> (the weights themselves) and <see cref="Risk"/> are built only on request.
/// As M_S grows, A's spectrum tends to the kernel's (λ_k on N_k-dimensional blocks) and L_ST(t) tends to the
/// infinite-width curve of <see cref="InfiniteWidthStudent"/> (the gap shrinks roughly like 1/M_S). Times are reported
/// as t·λ_1, λ_1 = 1/(4d²), the same unit as the infinite-width student.
/// </summary>
public sealed class FiniteWidthStudent
{
    private readonly Matrix<double> _weights;
    private readonly Matrix<double> _curvature;
    private readonly Vector<double> _forcing;
    private readonly Vector<double> _targetCorrelations;
    private readonly double[] _eigenvalues;
    private readonly double[] _forcingCoordinates;
    private readonly double[] _optimumCoordinates;
    private readonly Lazy<GradientFlow> _flow;

    /// <summary>The student with the given unit weight rows, trained on <paramref name="teacher"/>'s labels.</summary>
    /// <param name="weights">M_S × d matrix of unit rows u_j (|‖u‖² − 1| ≤ 1e-10), distinct, same d as the teacher.</param>
    /// <param name="teacher">The population-trained teacher whose function f_TE = Σ a_i relu(w_i·x) is the label.</param>
    public FiniteWidthStudent(Matrix<double> weights, ReluTeacher teacher)
    {
        Guard.NotNull(weights);
        Guard.NotNull(teacher);
        Guard.AtLeast(weights.RowCount, 1, "the student width M_S", nameof(weights) + ".RowCount");
        if (weights.ColumnCount != teacher.Dimension)
        {
            throw new ArgumentException(
                $"{nameof(weights)} has {weights.ColumnCount} columns; expected the teacher's input dimension d = {teacher.Dimension}.",
                nameof(weights));
        }

        Guard.UnitRows(weights);
        _weights = weights.Clone();
        Teacher = teacher;
        Width = weights.RowCount;
        Dimension = teacher.Dimension;
        var d = (double)Dimension;
        var m = (double)Width;

        var gram = ArcCosineKernel.Gram(_weights);
        var cross = ArcCosineKernel.CrossGram(_weights, teacher.Weights);
        _curvature = gram / m;
        _forcing = cross * teacher.OutputWeights / Math.Sqrt(m);
        _targetCorrelations = _weights.Column(0) / (2.0 * Math.Sqrt(d));

        // One spectral pass gives γ_j, ⟨v_j, β⟩ and s_j = ⟨v_j, b_S/√M_S⟩; then θ°_j = s_j/γ_j and L_S = 1 − Σ s_j²/γ_j.
        var spectrum = SpectralCoordinates.Of(_curvature, _forcing, _targetCorrelations / Math.Sqrt(m));
        var largest = spectrum.Eigenvalues.Max();
        var smallest = spectrum.Eigenvalues.Min();
        if (!(smallest > 1e-13 * largest))
        {
            throw new ArgumentException(
                $"{nameof(weights)}: the student's Gram matrix k1(UUᵀ)/d is numerically singular (smallest/largest eigenvalue {Guard.Show(smallest / largest)} <= 1e-13): some units are duplicates or nearly parallel; use distinct units.",
                nameof(weights));
        }

        _eigenvalues = spectrum.Eigenvalues;
        _forcingCoordinates = spectrum.Coordinates[0];
        _optimumCoordinates = spectrum.Coordinates[1].Select((sj, j) => sj / _eigenvalues[j]).ToArray();
        var explained = 0.0;
        for (var j = 0; j < _eigenvalues.Length; j++)
        {
            explained += spectrum.Coordinates[1][j] * _optimumCoordinates[j];
        }

        OwnLoss = Math.Max(0.0, 1.0 - explained);
        LargestEigenvalue = largest;
        _flow = new Lazy<GradientFlow>(() => new GradientFlow(_curvature, _forcing), LazyThreadSafetyMode.ExecutionAndPublication);
        LimitLoss = Evaluate(g => 1.0 / g);
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
        Guard.NotNull(teacher);
        return new FiniteWidthStudent(ReluTeacher.SampleWeights(teacher.Dimension, width, random), teacher);
    }

    /// <summary>
    /// The student that has exactly the teacher's features (U = W, M_S = M_TE). It lives in the teacher's span, and
    /// f_TE is the best function in that span, so its loss never drops below L_TE: there is no weak-to-strong gain.
    /// </summary>
    /// <param name="teacher">The teacher.</param>
    public static FiniteWidthStudent WithTeacherFeatures(ReluTeacher teacher)
    {
        Guard.NotNull(teacher);
        return new FiniteWidthStudent(teacher.Weights, teacher);
    }

    /// <summary>The teacher whose labels the student is trained on.</summary>
    public ReluTeacher Teacher { get; }

    /// <summary>The student width M_S.</summary>
    public int Width { get; }

    /// <summary>The input dimension d.</summary>
    public int Dimension { get; }

    /// <summary>A copy of the student's unit weight rows U (M_S × d).</summary>
    public Matrix<double> Weights => _weights.Clone();

    /// <summary>
    /// The core gradient flow on ½θᵀAθ − βᵀθ with A = G_S/M_S and β = Ca/√M_S, for the weights θ(t) themselves. Built on
    /// first use (a full eigendecomposition, about 9 M_S³ flops); the losses below do not need it.
    /// </summary>
    public GradientFlow Flow => _flow.Value;

    /// <summary>The eigenvalues γ_j of A = G_S/M_S (unsorted; values below 10·M_S·ε·γ_max set to 0).</summary>
    public IReadOnlyList<double> Eigenvalues => _eigenvalues;

    /// <summary>γ_max, the largest eigenvalue of A.</summary>
    public double LargestEigenvalue { get; }

    /// <summary>L_TE, the teacher's loss.</summary>
    public double TeacherLoss => Teacher.Loss;

    /// <summary>L_S = 1 − b_Sᵀ G_S⁻¹ b_S: the loss of the best function in the student's span (its floor on true labels).</summary>
    public double OwnLoss { get; }

    /// <summary>L_ST(∞): the loss of the converged student, the projection of f_TE onto the student's span.</summary>
    public double LimitLoss { get; }

    /// <summary>
    /// ‖Π_S e‖², the part of the teacher's error e = f_TE − f* that the student's span S can express (Π_S the L2
    /// projection onto S). The converged student is Π_S f_TE, so Π_S f_TE − f* = −(I − Π_S) f* + Π_S e, a sum of two
    /// orthogonal functions: L_ST(∞) = L_S + ‖Π_S e‖² exactly, for any teacher. Hence this is <see cref="LimitLoss"/> −
    /// <see cref="OwnLoss"/>, and the converged student beats its teacher iff ‖Π_S e‖² &lt; L_TE − L_S.
    /// </summary>
    public double CapturedTeacherError => Math.Max(0.0, LimitLoss - OwnLoss);

    /// <summary>The time unit λ_1 = 1/(4d²) of the infinite-width kernel (times are reported as t·λ_1).</summary>
    public double ReferenceEigenvalue => 1.0 / (4.0 * Dimension * Dimension);

    /// <summary>2/γ_max: discrete gradient descent with step η is stable iff η &lt; this.</summary>
    public double MaximumStableStepSize => 2.0 / LargestEigenvalue;

    /// <summary>L_ST as a function of the top-layer weights θ, as a core <see cref="QuadraticRisk"/> (see the type summary).</summary>
    public QuadraticRisk Risk => new(_curvature, ArcCosineKernel.Gram(_weights).Cholesky().Solve(_targetCorrelations) * Math.Sqrt(Width), OwnLoss);

    /// <summary>L_ST(t) under gradient flow.</summary>
    /// <param name="time">t ≥ 0; +∞ gives <see cref="LimitLoss"/>.</param>
    public double Loss(double time) => Losses([time])[0];

    /// <summary>L_ST at each gradient-flow time, from the one eigendecomposition (O(M_S) per time).</summary>
    /// <param name="times">Times t ≥ 0 (+∞ allowed).</param>
    public double[] Losses(IReadOnlyList<double> times)
    {
        Guard.NotNull(times);
        foreach (var time in times)
        {
            Guard.Time(time, nameof(times));
        }

        return times.Select(t => double.IsFinite(t) ? Evaluate(g => -ElementaryFunctions.Expm1(-g * t) / g) : LimitLoss).ToArray();
    }

    /// <summary>
    /// L_ST after n steps of full-batch gradient descent θ ← θ − η(Aθ − β) from 0, for each n (the flow
    /// factor 1 − e^(−γt) becomes 1 − (1 − ηγ)^n, t = nη).
    /// </summary>
    /// <param name="steps">Step counts n ≥ 0.</param>
    /// <param name="stepSize">η, 0 &lt; η &lt; <see cref="MaximumStableStepSize"/>.</param>
    public double[] LossesAfterSteps(IReadOnlyList<int> steps, double stepSize)
    {
        Guard.GradientDescent(steps, stepSize, MaximumStableStepSize);
        return steps.Select(n => Evaluate(g => StepFactor(g, stepSize, n))).ToArray();
    }

    /// <summary>The loss curve on a log-spaced grid of t·λ_1 (for comparing finite widths with M_S = ∞).</summary>
    /// <param name="minScaledTime">Smallest t·λ_1, &gt; 0 (default 1e-2).</param>
    /// <param name="maxScaledTime">Largest t·λ_1, &gt; <paramref name="minScaledTime"/> (default 1e4).</param>
    /// <param name="points">Number of grid points, ≥ 2 (default 4000, as for every student).</param>
    public StudentLossCurve LossCurve(double minScaledTime = 1e-2, double maxScaledTime = 1e4, int points = 4000)
    {
        var scaled = InfiniteWidthStudent.LogGrid(minScaledTime, maxScaledTime, points);
        var times = scaled.Select(s => s / ReferenceEigenvalue).ToArray();
        return new StudentLossCurve(times, scaled, Losses(times), TeacherLoss);
    }

    /// <summary>
    /// Oracle early stopping: the time minimising L_ST(t) by the core's <see cref="StoppingTime.Search(Func{IReadOnlyList{double}, double[]}, double, double, int)"/>
    /// (log-spaced grid of t·λ_1, then golden-section refinement in log t).
    /// </summary>
    /// <param name="minScaledTime">Smallest t·λ_1, &gt; 0 (default 1e-2).</param>
    /// <param name="maxScaledTime">Largest t·λ_1, &gt; <paramref name="minScaledTime"/> (default 1e4).</param>
    /// <param name="gridPoints">Grid size, ≥ 3 (default 4000).</param>
    public EarlyStoppingResult OracleStop(double minScaledTime = 1e-2, double maxScaledTime = 1e4, int gridPoints = 4000)
    {
        InfiniteWidthStudent.ValidateScaledRange(minScaledTime, maxScaledTime);
        Guard.AtLeast(gridPoints, 3, "the number of grid points of the search");
        var stop = StoppingTime.Search(times => times.Select(t => Evaluate(g => -ElementaryFunctions.Expm1(-g * t) / g)).ToArray(),
            minScaledTime / ReferenceEigenvalue, maxScaledTime / ReferenceEigenvalue, gridPoints);
        return new EarlyStoppingResult(stop.Time, stop.Time * ReferenceEigenvalue, stop.Loss, TeacherLoss, !stop.AtBoundary);
    }

    /// <summary>
    /// L_ST at the weights θ with eigen-coordinates φ(γ_j)·β_j: Σ_j γ_j (φ(γ_j) β_j − θ°_j)² + L_S, a sum of non-negative
    /// terms (a zero eigenvalue contributes nothing).
    /// </summary>
    private double Evaluate(Func<double, double> factor)
    {
        var loss = OwnLoss;
        for (var j = 0; j < _eigenvalues.Length; j++)
        {
            var g = _eigenvalues[j];
            if (g > 0)
            {
                var gap = (factor(g) * _forcingCoordinates[j]) - _optimumCoordinates[j];
                loss += g * gap * gap;
            }
        }

        return loss;
    }

    /// <summary>(1 − (1 − ηγ)^n)/γ, the gradient-descent counterpart of (1 − e^(−γt))/γ.</summary>
    private static double StepFactor(double gamma, double stepSize, int steps)
    {
        var contraction = stepSize * gamma;
        if (steps == 0)
        {
            return 0.0;
        }

        if (contraction < 1)
        {
            return -ElementaryFunctions.Expm1(steps * ElementaryFunctions.Log1p(-contraction)) / gamma;
        }

        if (contraction == 1)
        {
            return 1.0 / gamma;
        }

        var power = Math.Exp(steps * Math.Log(contraction - 1));
        return (1 - (steps % 2 == 0 ? power : -power)) / gamma;
    }
}
