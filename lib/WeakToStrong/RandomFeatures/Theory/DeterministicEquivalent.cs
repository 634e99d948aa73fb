using MathNet.Numerics.RootFinding;
using WeakToStrong.Validation;

namespace WeakToStrong.RandomFeatures;

/// <summary>
/// The deterministic-equivalent prediction of a random-feature teacher's population loss, in the spirit of the
/// Gaussian-universality ansatz under which Medvedev et al. 2025 (arXiv:2503.02877) derive their polynomial rates; the
/// formula itself is this library's derivation, checked against simulated teachers, not a statement of the paper:
/// κ solves the degrees-of-freedom equation Σ_k N_k λ_k/(λ_k + κ) = M_TE (N_k the multiplicity of eigenvalue λ_k), and
/// L_TE ≈ κ/(λ_target + κ). The left side decreases strictly in κ from (number of eigenfunctions with λ_k &gt; 0) to 0
/// and is below trace/κ, so κ is bracketed in log κ between trace/M_TE and a value found by shrinking, then located by
/// Brent's method in log κ. Terms are formed as exp(ln N_k + ln λ_k − ln(λ_k + κ)), so huge N_k do not overflow.
/// </summary>
public static class DeterministicEquivalent
{
    /// <summary>
    /// κ solving Σ_k N_k λ_k/(λ_k + κ) = M for a finite spectrum.
    /// </summary>
    /// <param name="eigenvalues">λ_k ≥ 0, finite, at least one positive.</param>
    /// <param name="multiplicities">N_k &gt; 0 (any real weights, e.g. 1 per coordinate), same length.</param>
    /// <param name="width">M ≥ 1, strictly less than Σ_(λ_k &gt; 0) N_k.</param>
    public static double EffectiveRegularization(IReadOnlyList<double> eigenvalues, IReadOnlyList<double> multiplicities, double width)
    {
        Guard.AllNonNegative(eigenvalues);
        Guard.AllPositive(multiplicities);
        if (multiplicities.Count != eigenvalues.Count)
        {
            throw new ArgumentException(
                $"{nameof(multiplicities)} has length {multiplicities.Count} but {nameof(eigenvalues)} has {eigenvalues.Count}: they must match.",
                nameof(multiplicities));
        }

        ValidateWidth(width);
        var logLambda = eigenvalues.Select(l => Math.Log(l)).ToArray();
        var logN = multiplicities.Select(n => Math.Log(n)).ToArray();
        var capacity = 0.0;
        var trace = 0.0;
        for (var k = 0; k < eigenvalues.Count; k++)
        {
            if (eigenvalues[k] > 0)
            {
                capacity += multiplicities[k];
                trace += Math.Exp(logN[k] + logLambda[k]);
            }
        }

        if (width >= capacity)
        {
            throw new ArgumentOutOfRangeException(nameof(width), width,
                $"{nameof(width)} = {Guard.Show(width)}: M_TE must be smaller than the number of eigenfunctions with λ_k > 0, Σ N_k = {Guard.Show(capacity)}.");
        }

        return Solve(kappa => DegreesOfFreedom(logLambda, logN, eigenvalues, kappa), trace, width);
    }

    /// <summary>
    /// The prediction for the ReLU model on the sphere (<see cref="ReluTeacher"/>): degrees k ≤ K with multiplicities
    /// N_k and eigenvalues
    /// λ_k = μ_k², plus the tail above K, whose trace T = 1/(2d) − Σ_(k≤K) N_kλ_k enters as T/κ (exact up to a relative
    /// error ≤ λ_tail/κ, since every tail eigenvalue is ≤ λ_tail ≪ κ). Target: f* = √d x_1, λ_target = λ_1 = 1/(4d²).
    /// </summary>
    /// <param name="dimension">d ≥ 2.</param>
    /// <param name="width">M_TE ≥ 1.</param>
    /// <param name="maxDegree">K ≥ 2 (default 200). If κ comes out below 100·λ_tail the tail treatment is invalid and an
    /// <see cref="ArgumentOutOfRangeException"/> asks for a larger K.</param>
    public static DeterministicEquivalentPrediction ForReluSphere(int dimension, double width, int maxDegree = 200)
    {
        Guard.AtLeast(dimension, 2, "the sphere S^(d−1) needs an input dimension d >= 2", nameof(dimension));
        ValidateWidth(width);
        Guard.AtLeast(maxDegree, 2, "the truncation degree K");
        var spectrum = new ReluSphereSpectrum(dimension, maxDegree);
        var logLambda = spectrum.LogEigenvalues.ToArray();
        var logN = spectrum.LogMultiplicities.ToArray();
        var lambda = spectrum.Eigenvalues.ToArray();
        var tailTrace = spectrum.TailTrace;
        var kappa = Solve(
            k => DegreesOfFreedom(logLambda, logN, lambda, k) + tailTrace / k,
            spectrum.Trace,
            width);
        var tailEigenvalue = ReluSphereSpectrum.Eigenvalue(maxDegree % 2 == 0 ? maxDegree + 2 : maxDegree + 1, dimension);
        if (tailTrace > 0 && kappa < 100 * tailEigenvalue)
        {
            throw new ArgumentOutOfRangeException(nameof(maxDegree), maxDegree,
                $"{nameof(maxDegree)} = {maxDegree}: κ = {Guard.Show(kappa)} is not ≫ the tail eigenvalue {Guard.Show(tailEigenvalue)} at width {Guard.Show(width)}; increase K.");
        }

        var target = spectrum.LinearEigenvalue;
        return new DeterministicEquivalentPrediction(width, kappa, target, kappa / (target + kappa));
    }

    /// <summary>
    /// The prediction for the linear random-feature model with anisotropic Gaussian input
    /// (<see cref="LinearFeatureTeacher"/>): multiplicity 1 per input coordinate, target
    /// the coordinate <paramref name="targetIndex"/> (default 0, i.e. e_1), λ_target = its eigenvalue.
    /// </summary>
    /// <param name="eigenvalues">λ_1…λ_D &gt; 0.</param>
    /// <param name="width">1 ≤ M_TE &lt; D.</param>
    /// <param name="targetIndex">0 ≤ index &lt; D.</param>
    public static DeterministicEquivalentPrediction ForLinearFeatures(IReadOnlyList<double> eigenvalues, double width, int targetIndex = 0)
    {
        Guard.NotNull(eigenvalues);
        Guard.NotEmpty(eigenvalues.Count, nameof(eigenvalues));
        Guard.AllPositive(eigenvalues);
        if (targetIndex < 0 || targetIndex >= eigenvalues.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(targetIndex), targetIndex,
                $"{nameof(targetIndex)} = {targetIndex}: it must lie in [0, {eigenvalues.Count - 1}].");
        }

        var kappa = EffectiveRegularization(eigenvalues, Enumerable.Repeat(1.0, eigenvalues.Count).ToArray(), width);
        var target = eigenvalues[targetIndex];
        return new DeterministicEquivalentPrediction(width, kappa, target, kappa / (target + kappa));
    }

    private static void ValidateWidth(double width)
    {
        if (!double.IsFinite(width) || width < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(width), width,
                $"{nameof(width)} = {Guard.Show(width)}: the teacher width M_TE must be finite and >= 1.");
        }
    }

    private static double DegreesOfFreedom(double[] logLambda, double[] logN, IReadOnlyList<double> lambda, double kappa)
    {
        var sum = 0.0;
        for (var k = 0; k < logLambda.Length; k++)
        {
            if (lambda[k] > 0)
            {
                sum += Math.Exp(logN[k] + logLambda[k] - Math.Log(lambda[k] + kappa));
            }
        }

        return sum;
    }

    private static double Solve(Func<double, double> degreesOfFreedom, double trace, double width)
    {
        // degreesOfFreedom(κ) < trace/κ, so κ_hi = trace/M has degreesOfFreedom < M.
        var logHigh = Math.Log(trace / width);
        var logLow = logHigh;
        for (var i = 0; degreesOfFreedom(Math.Exp(logLow)) <= width; i++)
        {
            if (i >= 2000)
            {
                throw new ArgumentOutOfRangeException(nameof(width), width,
                    $"{nameof(width)} = {Guard.Show(width)}: no κ > 0 reaches this many degrees of freedom; M_TE is too large for the spectrum.");
            }

            logLow -= Math.Log(16.0);
        }

        double F(double logKappa) => degreesOfFreedom(Math.Exp(logKappa)) - width;
        if (!Brent.TryFindRoot(F, logLow, logHigh, 1e-13, 500, out var root))
        {
            // Brent's method did not report convergence: bisection on the same bracket always does.
            double a = logLow, b = logHigh;
            for (var i = 0; i < 200 && b - a > 1e-13; i++)
            {
                var mid = 0.5 * (a + b);
                if (F(mid) > 0)
                {
                    a = mid;
                }
                else
                {
                    b = mid;
                }
            }

            root = 0.5 * (a + b);
        }

        return Math.Exp(root);
    }
}
