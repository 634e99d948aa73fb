using MathNet.Numerics.LinearAlgebra;
using WeakToStrong.LinearAlgebra;
using WeakToStrong.Randomness;
using WeakToStrong.Validation;

namespace WeakToStrong.Bregman;

/// <summary>
/// A projection example in the style of Charikar et al. 2024 (arXiv:2405.15116), the prior squared-loss result that
/// Xu et al. 2025 (arXiv:2505.24313) extend beyond convex student classes: x ~ N(0, I_d), truth f*(x) = β*ᵀx, teacher
/// f_w(x) = (β* + Δ)ᵀx + c(x₁² − 1), student = the least-squares linear fit to the teacher. The quadratic term is
/// orthogonal to every linear function, so the population student is (β* + Δ)ᵀx and
/// R(f_w) = ‖Δ‖² + 2c², R(f_s) = ‖Δ‖², M = 2c²: R(f_s) = R(f_w) − M with equality (the class is a subspace).
/// </summary>
public sealed class LinearProjectionExample
{
    /// <summary>Creates the example (defaults, chosen for this library: β* = (1, −1, 0.5, 0, 2), Δ = (0.3, 0.2, −0.4,
    /// 0.1, 0), c = 0.7).</summary>
    /// <param name="truth">β*, finite, d ≥ 1.</param>
    /// <param name="teacherShift">Δ, same length.</param>
    /// <param name="curvature">c, finite.</param>
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

    /// <summary>c.</summary>
    public double Curvature { get; }

    /// <summary>The population values: R(f_w) = ‖Δ‖² + 2c², R(f_s) = ‖Δ‖², M = 2c², residual 0.</summary>
    public RiskGapDecomposition Population
    {
        get
        {
            var shift = TeacherShift.DotProduct(TeacherShift);
            var quadratic = 2 * Curvature * Curvature;
            return new RiskGapDecomposition(shift + quadratic, shift, quadratic, 0);
        }
    }

    /// <summary>
    /// A least-squares fit β̂ on n teacher-labelled samples, with its population risks: R(f_s) = ‖β̂ − β*‖²,
    /// M = ‖β̂ − β* − Δ‖² + 2c² (E(x₁² − 1)² = 2 and the cross terms vanish); the residual column holds
    /// R(f_s) − R(f_w) + M = 2(β̂ − β*)ᵀ(β̂ − β* − Δ), which tends to 0 as n grows (β̂ → β* + Δ).
    /// </summary>
    /// <param name="sampleCount">n ≥ d.</param>
    /// <param name="random">The random stream.</param>
    public RiskGapDecomposition Fit(int sampleCount, Random random)
    {
        Guard.AtLeast(sampleCount, Truth.Count, "at least d samples to fit d coefficients");
        Guard.NotNull(random);
        var x = random.NextGaussianMatrix(sampleCount, Truth.Count);
        var teacher = Truth + TeacherShift;
        var labels = x * teacher;
        for (var i = 0; i < sampleCount; i++)
        {
            labels[i] += Curvature * ((x[i, 0] * x[i, 0]) - 1);
        }

        var fitted = LeastSquares.Solve(x, labels);
        var studentError = fitted - Truth;
        var fitError = studentError - TeacherShift;
        var population = Population;
        var studentRisk = studentError.DotProduct(studentError);
        var misfit = fitError.DotProduct(fitError) + population.Misfit;
        return new RiskGapDecomposition(population.TeacherRisk, studentRisk, misfit, studentRisk - population.TeacherRisk + misfit);
    }
}
