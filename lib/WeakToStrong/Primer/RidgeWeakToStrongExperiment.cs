using MathNet.Numerics.LinearAlgebra;
using WeakToStrong.Dynamics;
using WeakToStrong.LinearAlgebra;
using WeakToStrong.Metrics;
using WeakToStrong.Randomness;
using WeakToStrong.Validation;

namespace WeakToStrong.Primer;

/// <summary>
/// The primer's weak-to-strong experiment (notebook 00): the Burns et al. (2023, arXiv:2312.09390) protocol with
/// ridge regression on Gaussian data, in a coordinate-subspace model like the synthetic one of Dong et al. 2025
/// (arXiv:2502.05075), small enough to run in
/// milliseconds and simple enough to have exact expected risks.
/// <para>
/// Data: latent z ~ N(0, I_D), label y = θ*ᵀz + ε with ε ~ N(0, σ²). The target θ* has equal entries
/// 1/√d_{s∧w} on the first d_{s∧w} coordinates (‖θ*‖² = 1) and is 0 elsewhere. The weak teacher sees the coordinates
/// W = [0, d_w); the strong student sees S = [0, d_{s∧w}) ∪ [d_w, d_w + d_s − d_{s∧w}): the d_{s∧w} task-relevant
/// coordinates it shares with the teacher plus d_s − d_{s∧w} of its own, so D = d_w + d_s − d_{s∧w}. Every model is
/// ridge regression on its own coordinates, min ‖Xθ − y‖² + λ‖θ‖² (<see cref="Ridge"/>; λ small, i.e. nearly
/// least squares), and every risk is the exact population excess risk ‖θ − θ*‖² (z is isotropic).
/// </para>
/// <list type="number">
/// <item>Weak teacher: fitted on n labelled samples.</item>
/// <item>Weak-to-strong student: fitted on N fresh inputs labelled by the teacher (noiseless pseudo-labels).</item>
/// <item>Strong ceiling: the student's features fitted on all n + N samples with their true labels (the S-Ceiling of
/// arXiv:2502.05075: the strong model given every ground-truth label of the run).</item>
/// <item>Strong baseline: the student's features fitted on the teacher's n labelled samples (the S-Baseline of
/// arXiv:2502.05075, for OPR).</item>
/// </list>
/// Why the student wins: the teacher's estimation error is spread over its d_w coordinates; on the d_w − d_{s∧w}
/// coordinates the student cannot see, that error is independent of the student's features and acts like label
/// noise, which N ≫ d_s samples average away (the variance result of arXiv:2502.05075). Only the error on the shared
/// d_{s∧w} coordinates is inherited.
/// </summary>
public sealed class RidgeWeakToStrongExperiment
{
    /// <summary>Configures the experiment. All sizes are counts; the defaults give expected risks with PGR ≈ 0.76 and OPR ≈ 1.4.</summary>
    /// <param name="teacherDimension">d_w, the teacher's number of features, ≥ 1.</param>
    /// <param name="studentDimension">d_s, the student's number of features, ≥ 1.</param>
    /// <param name="overlap">d_{s∧w}, the shared (task-relevant) features, 1 ≤ d_{s∧w} ≤ min(d_w, d_s).</param>
    /// <param name="labelledSamples">n, ground-truth samples for the teacher and the strong baseline, ≥ max(d_w, d_s) + 2.</param>
    /// <param name="pseudoLabelledSamples">N, teacher-labelled samples for the student (the ceiling also gets their true labels), ≥ d_s + 2.</param>
    /// <param name="noiseVariance">σ², label-noise variance, &gt; 0.</param>
    /// <param name="regularization">λ ≥ 0 of every ridge fit (unnormalised: ‖Xθ − y‖² + λ‖θ‖²); 0 is least squares (minimum norm).</param>
    public RidgeWeakToStrongExperiment(
        int teacherDimension = 80,
        int studentDimension = 40,
        int overlap = 20,
        int labelledSamples = 200,
        int pseudoLabelledSamples = 2000,
        double noiseVariance = 1.0,
        double regularization = 1e-6)
    {
        Guard.Positive(teacherDimension);
        Guard.Positive(studentDimension);
        Guard.InRange(overlap, 1, Math.Min(teacherDimension, studentDimension));
        Guard.AtLeast(labelledSamples, Math.Max(teacherDimension, studentDimension) + 2, "n > d + 1 keeps the teacher's and the baseline's expected risks finite");
        Guard.AtLeast(pseudoLabelledSamples, studentDimension + 2, "N > d_s + 1 keeps the student's expected risk finite");
        Guard.Positive(noiseVariance);
        Guard.NonNegative(regularization);
        TeacherDimension = teacherDimension;
        StudentDimension = studentDimension;
        Overlap = overlap;
        LabelledSamples = labelledSamples;
        PseudoLabelledSamples = pseudoLabelledSamples;
        NoiseVariance = noiseVariance;
        Regularization = regularization;
    }

    /// <summary>d_w.</summary>
    public int TeacherDimension { get; }

    /// <summary>d_s.</summary>
    public int StudentDimension { get; }

    /// <summary>d_{s∧w}.</summary>
    public int Overlap { get; }

    /// <summary>n.</summary>
    public int LabelledSamples { get; }

    /// <summary>N.</summary>
    public int PseudoLabelledSamples { get; }

    /// <summary>σ².</summary>
    public double NoiseVariance { get; }

    /// <summary>λ.</summary>
    public double Regularization { get; }

    /// <summary>D = d_w + d_s − d_{s∧w}, the latent dimension.</summary>
    public int LatentDimension => TeacherDimension + StudentDimension - Overlap;

    /// <summary>θ* (length D): 1/√d_{s∧w} on the first d_{s∧w} coordinates, 0 elsewhere.</summary>
    public Vector<double> Target => Vector<double>.Build.Dense(LatentDimension, i => i < Overlap ? 1 / Math.Sqrt(Overlap) : 0.0);

    /// <summary>The same experiment with another N (for sweeps over the number of pseudo-labels).</summary>
    /// <param name="pseudoLabelledSamples">N ≥ d_s + 2.</param>
    /// <returns>The modified experiment.</returns>
    public RidgeWeakToStrongExperiment WithPseudoLabelledSamples(int pseudoLabelledSamples) =>
        new(TeacherDimension, StudentDimension, Overlap, LabelledSamples, pseudoLabelledSamples, NoiseVariance, Regularization);

    /// <summary>
    /// The exact expected excess risks in the least-squares limit λ → 0
    /// (<see cref="IntrinsicDimension.ExactGaussianRisk"/> with ρ_w = ρ_s = 0), with
    /// a_w = σ²/(n − d_w − 1):
    /// E R_weak = a_w d_w; E R_w2s = a_w [d_{s∧w} + (d_w − d_{s∧w}) d_s/(N − d_s − 1)];
    /// E R_ceiling = σ² d_s/(n + N − d_s − 1); E R_baseline = σ² d_s/(n − d_s − 1).
    /// The ratios of this record are PGR and OPR of the expectations (not the mean of per-trial ratios).
    /// Consequences (derived in notebook 00, for d_{s∧w} &lt; d_w, with M = N − d_s − 1): E R_w2s &lt; E R_weak exactly
    /// when N &gt; 2d_s + 1; PGR → 1 − d_{s∧w}/d_w as N → ∞, from above when n &gt; 2d_w + 1 (PGR − limit has the sign
    /// of (n − 2d_w − 1)M − d_w n) and from below otherwise; OPR → d_s(n − d_w − 1)/(d_{s∧w}(n − d_s − 1)).
    /// </summary>
    public WeakToStrongRisks ExpectedRisks
    {
        get
        {
            var n = LabelledSamples;
            var bigN = PseudoLabelledSamples;
            var teacherVariance = NoiseVariance / (n - TeacherDimension - 1);
            var studentFilter = (double)StudentDimension / (bigN - StudentDimension - 1);
            return new WeakToStrongRisks(
                Weak: teacherVariance * TeacherDimension,
                WeakToStrong: teacherVariance * (Overlap + ((TeacherDimension - Overlap) * studentFilter)),
                StrongBaseline: NoiseVariance * StudentDimension / (n - StudentDimension - 1),
                StrongCeiling: NoiseVariance * StudentDimension / (n + bigN - StudentDimension - 1));
        }
    }

    /// <summary>
    /// The limit of <see cref="ExpectedRisks"/> as N → ∞ at this n, in closed form (κ = d_s/(N − d_s − 1) = 0, not a
    /// large N): E R_weak = a_w d_w and E R_baseline as before, E R_w2s → a_w d_{s∧w}, E R_ceiling → 0. Its PGR is
    /// 1 − d_{s∧w}/d_w and its OPR d_s(n − d_w − 1)/(d_{s∧w}(n − d_s − 1)) for d_{s∧w} &gt; 0 (with
    /// d_{s∧w} = 0 the limit student is exact, E R_w2s = 0, and OPR is undefined).
    /// </summary>
    public WeakToStrongRisks LimitExpectedRisks
    {
        get
        {
            var teacherVariance = NoiseVariance / (LabelledSamples - TeacherDimension - 1);
            return new WeakToStrongRisks(
                Weak: teacherVariance * TeacherDimension,
                WeakToStrong: teacherVariance * Overlap,
                StrongBaseline: NoiseVariance * StudentDimension / (LabelledSamples - StudentDimension - 1),
                StrongCeiling: 0.0);
        }
    }

    /// <summary>Runs one trial: draws the n labelled and N unlabelled samples from <paramref name="random"/> and fits the four models.</summary>
    /// <param name="random">The trial's random stream (e.g. a sweep job's <c>Random</c>).</param>
    /// <returns>The four excess risks.</returns>
    public WeakToStrongRisks Run(Random random)
    {
        Guard.NotNull(random);
        var target = Target;
        var sigma = Math.Sqrt(NoiseVariance);

        var labelled = random.NextGaussianMatrix(LabelledSamples, LatentDimension);
        var labels = (labelled * target) + random.NextGaussianVector(LabelledSamples, sigma);
        var fresh = random.NextGaussianMatrix(PseudoLabelledSamples, LatentDimension);
        var freshLabels = (fresh * target) + random.NextGaussianVector(PseudoLabelledSamples, sigma);

        var teacher = Fit(TeacherFeatures(labelled), labels);
        var pseudoLabels = TeacherFeatures(fresh) * teacher;
        var student = Fit(StudentFeatures(fresh), pseudoLabels);
        var ceiling = Fit(StudentFeatures(labelled.Stack(fresh)), Vector<double>.Build.DenseOfEnumerable(labels.Concat(freshLabels)));
        var baseline = Fit(StudentFeatures(labelled), labels);

        return new WeakToStrongRisks(
            Weak: ExcessRisk.Isotropic(EmbedTeacher(teacher), target),
            WeakToStrong: ExcessRisk.Isotropic(EmbedStudent(student), target),
            StrongBaseline: ExcessRisk.Isotropic(EmbedStudent(baseline), target),
            StrongCeiling: ExcessRisk.Isotropic(EmbedStudent(ceiling), target));
    }

    /// <summary>
    /// Gradient flow from zero of the teacher's least-squares objective ½‖X_Wθ − y‖²/n on a fresh draw of its n
    /// labelled samples (<see cref="GradientFlow.FromLeastSquares"/>); pair it with <see cref="TeacherRisk"/> to
    /// see early stopping act as regularisation.
    /// </summary>
    /// <param name="random">The random stream for the n samples.</param>
    /// <returns>The teacher's flow (dimension d_w).</returns>
    public GradientFlow TeacherFlow(Random random)
    {
        Guard.NotNull(random);
        var labelled = random.NextGaussianMatrix(LabelledSamples, LatentDimension);
        var labels = (labelled * Target) + random.NextGaussianVector(LabelledSamples, Math.Sqrt(NoiseVariance));
        return GradientFlow.FromLeastSquares(TeacherFeatures(labelled), labels);
    }

    /// <summary>The teacher's population excess risk ‖θ − θ*_W‖² as a function of its d_w weights (θ* lies inside W).</summary>
    public QuadraticRisk TeacherRisk =>
        QuadraticRisk.ExcessRisk(Matrix<double>.Build.DenseIdentity(TeacherDimension), Target.SubVector(0, TeacherDimension));

    private Vector<double> Fit(Matrix<double> design, Vector<double> targets) =>
        Regularization > 0 ? Ridge.Solve(design, targets, Regularization) : LeastSquares.MinimumNorm(design, targets);

    private Matrix<double> TeacherFeatures(Matrix<double> latent) => latent.SubMatrix(0, latent.RowCount, 0, TeacherDimension);

    private Matrix<double> StudentFeatures(Matrix<double> latent) =>
        latent.SubMatrix(0, latent.RowCount, 0, Overlap)
            .Append(latent.SubMatrix(0, latent.RowCount, TeacherDimension, LatentDimension - TeacherDimension));

    private Vector<double> EmbedTeacher(Vector<double> weights)
    {
        var embedded = Vector<double>.Build.Dense(LatentDimension);
        embedded.SetSubVector(0, TeacherDimension, weights);
        return embedded;
    }

    private Vector<double> EmbedStudent(Vector<double> weights)
    {
        var embedded = Vector<double>.Build.Dense(LatentDimension);
        embedded.SetSubVector(0, Overlap, weights.SubVector(0, Overlap));
        embedded.SetSubVector(TeacherDimension, LatentDimension - TeacherDimension, weights.SubVector(Overlap, StudentDimension - Overlap));
        return embedded;
    }
}
