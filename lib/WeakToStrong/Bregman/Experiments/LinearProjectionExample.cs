using MathNet.Numerics.LinearAlgebra;
using WeakToStrong.LinearAlgebra;
using WeakToStrong.Randomness;
using WeakToStrong.Validation;

namespace WeakToStrong.Bregman;

/// <summary>
/// A projection example in the style of Charikar et al. 2024 (arXiv:2405.15116), the prior squared-loss result that
/// Xu et al. 2025 (arXiv:2505.24313) extend beyond convex student classes: x ~ N(0, I_d), truth g(x) = β*ᵀx, teacher
/// f_w(x) = (β* + Δ)ᵀx + κ(x₁² − 1), student f_s(x) = β̂ᵀx = the least-squares linear fit to the teacher's labels.
/// The quadratic term is orthogonal to every linear function, so the population student is (β* + Δ)ᵀx and
/// R(f_w) = ‖Δ‖² + 2κ², R(f_s) = ‖Δ‖², M = 2κ²: R(f_s) = R(f_w) − M with equality (the class is a subspace).
/// </summary>
/// <remarks>
/// Every term of <see cref="Terms"/> is evaluated from its own closed form (squared loss φ(u) = u², Gaussian moments
/// E x = 0, E xxᵀ = I, E x_j(x₁² − 1) = 0, E(x₁² − 1)² = 2), and the residual is the cross term of (★) itself,
/// 2E[(f̄ − f_s)(g − f_s)] with f̄ = f_w (the teacher is deterministic here), never a difference of the other terms;
/// so <see cref="RiskGapDecomposition.IdentityDefect"/> is a check, not zero by construction.
/// </remarks>
public sealed class LinearProjectionExample
{
    /// <summary>Creates the example (defaults, chosen for this library: β* = (1, −1, 0.5, 0, 2), Δ = (0.3, 0.2, −0.4,
    /// 0.1, 0), κ = 0.7).</summary>
    /// <param name="truth">β*, finite, d ≥ 1.</param>
    /// <param name="teacherShift">Δ, same length.</param>
    /// <param name="curvature">κ, finite.</param>
    public LinearProjectionExample(IReadOnlyList<double>? truth = null, IReadOnlyList<double>? teacherShift = null, double curvature = 0.7)
    {
        truth ??= [1, -1, 0.5, 0, 2];
        teacherShift ??= [0.3, 0.2, -0.4, 0.1, 0];
        Guard.AllFinite(truth);
        Guard.AllFinite(teacherShift);
        Guard.NotEmpty(truth.Count, nameof(truth));
        Guard.SameLength(teacherShift.Count, truth.Count, "the length of truth", nameof(teacherShift));
        Guard.Finite(curvature);
        Truth = Vector<double>.Build.DenseOfEnumerable(truth);
        TeacherShift = Vector<double>.Build.DenseOfEnumerable(teacherShift);
        Curvature = curvature;
    }

    /// <summary>β*.</summary>
    public Vector<double> Truth { get; }

    /// <summary>Δ.</summary>
    public Vector<double> TeacherShift { get; }

    /// <summary>κ.</summary>
    public double Curvature { get; }

    /// <summary>d, the input dimension.</summary>
    public int Dimension => Truth.Count;

    /// <summary>The population values, <see cref="Terms"/> at the population projection β̂ = β* + Δ:
    /// R(f_w) = ‖Δ‖² + 2κ², R(f_s) = ‖Δ‖², M = 2κ², residual 0.</summary>
    public RiskGapDecomposition Population => Terms(Truth + TeacherShift);

    /// <summary>
    /// The four terms of (★) for the linear student β̂, each from its own closed form with e = β̂ − β*:
    /// R(f_w) = E(f_w − g)² = ‖Δ‖² + 2κ²; R(f_s) = E(f_s − g)² = ‖e‖²; M = E(f_s − f_w)² = ‖e − Δ‖² + 2κ²;
    /// residual = 2E[(f_w − f_s)(g − f_s)] = 2(Δ − e)ᵀ(−e).
    /// </summary>
    /// <param name="fitted">β̂, length d, finite.</param>
    public RiskGapDecomposition Terms(Vector<double> fitted)
    {
        Guard.Length(fitted, Dimension, "the dimension of the example");
        Guard.AllFinite(fitted);
        return new RiskGapDecomposition(TeacherRisk(), StudentRisk(fitted), Misfit(fitted), Residual(fitted));
    }

    /// <summary>
    /// A least-squares fit β̂ on N teacher-labelled samples (inputs from <paramref name="random"/>), with the four
    /// population terms of <see cref="Terms"/> at β̂. The residual 2(β̂ − β*)ᵀ(β̂ − β* − Δ) tends to 0 as N grows
    /// (β̂ → β* + Δ).
    /// </summary>
    /// <param name="sampleCount">N ≥ d.</param>
    /// <param name="random">The random stream.</param>
    public RiskGapDecomposition Fit(int sampleCount, Random random) => Terms(FitCoefficients(sampleCount, random));

    /// <summary>The least-squares coefficients β̂ fitted to the teacher's labels f_w(x_i) on N Gaussian inputs.</summary>
    /// <param name="sampleCount">N ≥ d.</param>
    /// <param name="random">The random stream.</param>
    public Vector<double> FitCoefficients(int sampleCount, Random random)
    {
        Guard.AtLeast(sampleCount, Truth.Count, "at least d samples to fit d coefficients");
        Guard.NotNull(random);
        var x = random.NextGaussianMatrix(sampleCount, Truth.Count);
        var labels = x * (Truth + TeacherShift);
        for (var i = 0; i < sampleCount; i++)
        {
            labels[i] += Curvature * ((x[i, 0] * x[i, 0]) - 1);
        }

        return LeastSquares.Solve(x, labels);
    }

    /// <summary>
    /// The trace of the asymptotic covariance of √N(β̂ − β* − Δ), by the sandwich formula
    /// (E xxᵀ)⁻¹ E[u²xxᵀ] (E xxᵀ)⁻¹ with u = κ(x₁² − 1): E[x₁²(x₁² − 1)²] = 10 and E[x_j²(x₁² − 1)²] = 2 (j ≠ 1), so the
    /// covariance is κ²·diag(10, 2, …, 2) and its trace κ²(10 + 2(d − 1)).
    /// </summary>
    public double FitCovarianceTrace => Curvature * Curvature * (10 + (2 * (Dimension - 1)));

    /// <summary>
    /// E R(f_s) of a least-squares fit on N points, to first order in 1/N: ‖Δ‖² + <see cref="FitCovarianceTrace"/>/N.
    /// The cross term 2Δᵀ E(β̂ − β* − Δ) vanishes exactly (β̂ − β* − Δ is odd under x → −x of the whole sample);
    /// the neglected terms are O(1/N²).
    /// </summary>
    /// <param name="sampleCount">N ≥ d.</param>
    public double ExpectedFitStudentRisk(int sampleCount)
    {
        Guard.AtLeast(sampleCount, Truth.Count, "at least d samples to fit d coefficients");
        return TeacherShift.DotProduct(TeacherShift) + (FitCovarianceTrace / sampleCount);
    }

    /// <summary>E(f_w − g)² = E(Δᵀx + κ(x₁² − 1))² = ‖Δ‖² + 2κ².</summary>
    internal double TeacherRisk() => TeacherShift.DotProduct(TeacherShift) + (2 * Curvature * Curvature);

    /// <summary>E(f_s − g)² = ‖β̂ − β*‖².</summary>
    internal double StudentRisk(Vector<double> fitted)
    {
        var e = fitted - Truth;
        return e.DotProduct(e);
    }

    /// <summary>E(f_s − f_w)² = E((β̂ − β* − Δ)ᵀx − κ(x₁² − 1))² = ‖β̂ − β* − Δ‖² + 2κ².</summary>
    internal double Misfit(Vector<double> fitted)
    {
        var gap = fitted - Truth - TeacherShift;
        return gap.DotProduct(gap) + (2 * Curvature * Curvature);
    }

    /// <summary>The cross term of (★), 2E[(f_w − f_s)(g − f_s)] = 2(β* + Δ − β̂)ᵀ(β* − β̂) (E[(x₁² − 1)x] = 0).</summary>
    internal double Residual(Vector<double> fitted) => 2 * (Truth + TeacherShift - fitted).DotProduct(Truth - fitted);
}
