using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;
using WeakToStrong.LinearAlgebra;
using WeakToStrong.Validation;

namespace WeakToStrong.Bregman;

/// <summary>
/// A squared-loss example (notebook 03's random-feature least-squares example) built for this library to show the mechanism of the squared-loss
/// result of Xu et al. 2025, arXiv:2505.24313 (Theorem 4.1 in the ICLR 2026 version: with a large enough student, the
/// student converges in expectation to its posterior-mean teacher while the misfit stays positive). It is not the
/// paper's own example, which is a random-features model with a ridge-regression head. Inputs x ~ N(0, I_d), so R(f) =
/// ‖β_f − β*‖². Teacher β_w = β* + ξ, ξ ~ N(0, τ²I_d). The student sees
/// N teacher-labelled Gaussian inputs X (N×d) and is the random-feature model β_s = β* + Sᵀθ, S ∈ ℝ^{p×d} with
/// i.i.d. N(0, 1/p) entries, θ = (XSᵀ)⁺Xξ (minimum-norm least squares, fine-tuned from β*: the student starts at the
/// truth, an idealisation that makes narrow students, p &lt; N, look artificially good). Given
/// G = (X, S, labels), the posterior-mean teacher is β* + P_Xξ with P_X = Xᵀ(XXᵀ)⁻¹X, computed exactly.
/// As p → ∞ (N ≤ d) the student tends to it: E R(f_w) = dτ², E R(f_s) → Nτ², E M → (d − N)τ².
/// </summary>
public sealed class RandomFeatureStudentExample
{
    /// <summary>Creates the example (defaults d = 100, N = 50, τ² = 1).</summary>
    /// <param name="dimension">d ≥ 1.</param>
    /// <param name="labelledSamples">N, 1 ≤ N ≤ d.</param>
    /// <param name="teacherNoiseVariance">τ² &gt; 0.</param>
    public RandomFeatureStudentExample(int dimension = 100, int labelledSamples = 50, double teacherNoiseVariance = 1)
    {
        Guard.Positive(dimension);
        Guard.InRange(labelledSamples, 1, dimension);
        Guard.Positive(teacherNoiseVariance);
        Dimension = dimension;
        LabelledSamples = labelledSamples;
        TeacherNoiseVariance = teacherNoiseVariance;
    }

    /// <summary>d.</summary>
    public int Dimension { get; }

    /// <summary>N.</summary>
    public int LabelledSamples { get; }

    /// <summary>τ².</summary>
    public double TeacherNoiseVariance { get; }

    /// <summary>E R(f_w) = dτ² (every width).</summary>
    public double ExpectedTeacherRisk => Dimension * TeacherNoiseVariance;

    /// <summary>The p → ∞ limit of E R(f_s): Nτ², the risk of the posterior-mean teacher.</summary>
    public double LimitStudentRisk => LabelledSamples * TeacherNoiseVariance;

    /// <summary>The p → ∞ limit of E M(f_s, f_w): (d − N)τ².</summary>
    public double LimitMisfit => (Dimension - LabelledSamples) * TeacherNoiseVariance;

    /// <summary>
    /// One draw at student width p. With δ = β_s − β* and ξ_P = P_Xξ, every term from its own formula: realised teacher
    /// risk ‖ξ‖², student risk ‖δ‖², misfit ‖δ − ξ‖², residual of (★) 2(ξ_P − δ)ᵀ(−δ) (the cross term
    /// 2⟨f̄ − f_s, g − f_s⟩ with the posterior-mean teacher), distance to the posterior mean ‖δ − ξ_P‖², the posterior
    /// mean's own risk ‖ξ_P‖², and the conditional terms E[R(f_w)|G] = ‖ξ_P‖² + τ²(d − N) and
    /// E[M|G] = ‖δ − ξ_P‖² + τ²(d − N). See <see cref="RandomFeatureStudentDraw"/> for the two defects.
    /// </summary>
    /// <param name="width">p ≥ 1.</param>
    /// <param name="random">The random stream (draws ξ, X, S in this order).</param>
    public RandomFeatureStudentDraw Draw(int width, Random random)
    {
        Guard.Positive(width);
        Guard.NotNull(random);
        var (xi, x, delta) = Solve(width, random);
        return Terms(width, xi, delta, PosteriorMeanShift(x, xi), UnseenVariance);
    }

    /// <summary>τ²(d − N): the conditional variance of the teacher's unseen part, E[‖(I − P_X)ξ‖² | G].</summary>
    internal double UnseenVariance => TeacherNoiseVariance * (Dimension - LabelledSamples);

    /// <summary>The draw's ξ, X and the student's shift δ = β_s − β* (streams as in <see cref="Draw"/>).</summary>
    internal (Vector<double> TeacherNoise, Matrix<double> Inputs, Vector<double> StudentShift) Solve(int width, Random random)
    {
        int d = Dimension, n = LabelledSamples;
        var xi = Randomness.RandomDraws.NextGaussianVector(random, d, Math.Sqrt(TeacherNoiseVariance));
        var x = Randomness.RandomDraws.NextGaussianMatrix(random, n, d);
        var s = Randomness.RandomDraws.NextGaussianMatrix(random, width, d, 1 / Math.Sqrt(width));
        var labels = x * xi; // teacher labels minus the known β* part
        var theta = LeastSquares.MinimumNorm(x.TransposeAndMultiply(s), labels);
        return (xi, x, s.TransposeThisAndMultiply(theta));
    }

    /// <summary>The terms of one draw from ξ, δ, the posterior-mean shift ξ_P and the unseen variance τ²(d − N).</summary>
    internal static RandomFeatureStudentDraw Terms(int width, Vector<double> xi, Vector<double> delta, Vector<double> posteriorShift, double unseenVariance)
    {
        var distance = SquaredDistance(delta, posteriorShift);
        var posteriorRisk = posteriorShift.DotProduct(posteriorShift);
        return new RandomFeatureStudentDraw(
            Width: width,
            TeacherRisk: xi.DotProduct(xi),
            StudentRisk: delta.DotProduct(delta),
            Misfit: SquaredDistance(delta, xi),
            DistanceToPosteriorMean: distance,
            PosteriorMeanRisk: posteriorRisk,
            ConditionalTeacherRisk: posteriorRisk + unseenVariance,
            ConditionalMisfit: distance + unseenVariance,
            Residual: 2 * (posteriorShift - delta).DotProduct(-delta));
    }

    /// <summary>
    /// The posterior-mean teacher's shift β̄ − β* = P_Xξ = Xᵀ(XXᵀ)⁻¹Xξ given the labels Xξ, computed as QQᵀξ from the
    /// thin QR factorisation Xᵀ = QR (X must have full row rank, which holds almost surely for N ≤ d).
    /// </summary>
    /// <param name="inputs">X, N×d with N ≤ d.</param>
    /// <param name="teacherNoise">ξ, length d.</param>
    public static Vector<double> PosteriorMeanShift(Matrix<double> inputs, Vector<double> teacherNoise)
    {
        Guard.NotNull(inputs);
        Guard.AllFinite(inputs);
        Guard.Length(teacherNoise, inputs.ColumnCount, "the number of columns of inputs");
        if (inputs.RowCount > inputs.ColumnCount)
        {
            throw new ArgumentException($"inputs has {inputs.RowCount} rows and {inputs.ColumnCount} columns; expected N ≤ d.", nameof(inputs));
        }

        var q = inputs.Transpose().QR(QRMethod.Thin).Q;
        return q * q.TransposeThisAndMultiply(teacherNoise);
    }

    private static double SquaredDistance(Vector<double> a, Vector<double> b)
    {
        double sum = 0;
        for (var i = 0; i < a.Count; i++)
        {
            var gap = a[i] - b[i];
            sum += gap * gap;
        }

        return sum;
    }
}
