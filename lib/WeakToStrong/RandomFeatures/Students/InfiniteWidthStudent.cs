using WeakToStrong.Dynamics;
using WeakToStrong.Sweeps;
using WeakToStrong.Validation;

namespace WeakToStrong.RandomFeatures;

/// <summary>
/// The infinite-width (M_ST = ∞) student: kernel gradient flow from 0 on the population loss ½E[(f − f_TE)²] with the
/// student's random-feature kernel K, written in K's eigenbasis (λ_k, e_k) (the student of Medvedev et al.
/// 2025, arXiv:2503.02877, in the limit M_ST → ∞ taken first):
/// f_ST,t = (I − e^(−tK)) f_TE, so
/// <code>L_ST(t) = Σ_k ( θ_k − g_k β_k )²,   g_k = 1 − e^(−λ_k t),</code>
/// with β_k = ⟨f_TE, e_k⟩ and θ_k = ⟨f*, e_k⟩. Discrete gradient descent with step η after n steps replaces g_k by
/// 1 − (1 − ηλ_k)^n (t = nη). Built once from the spectrum; every evaluation is O(number of terms).
/// <para>Numerics: each term's error θ_k − g_k β_k is formed without cancellation where possible: as
/// (θ_k − β_k) + β_k e^(−λ_k t) when θ_k − β_k and β_k do not have opposite signs (e.g. the target direction, where
/// θ − β = L_TE), otherwise as θ_k − β_k g_k with g_k = −expm1(−λ_k t) (e.g. θ_k = 0). The loss is then a sum of
/// non-negative squares, so values down to 1e-12 keep their digits (the expanded form Σθ_k² − 2Σg_kβ_kθ_k + Σg_k²β_k²
/// would cancel catastrophically for small losses).</para>
/// <para>A term with λ_k = 0 is never learnt (g_k = 0). Times may be +∞ (the converged limit).</para>
/// </summary>
public sealed class InfiniteWidthStudent
{
    private readonly double[] _eigenvalues;
    private readonly double[] _teacherCoefficients;
    private readonly double[] _targetCoefficients;
    private readonly double[] _residuals;
    private readonly bool[] _residualForm;

    /// <summary>
    /// The generic student from the kernel's eigenvalues and the coefficients of f_TE and f* on the
    /// corresponding orthonormal eigenfunctions (one entry per eigenfunction; several entries may share an eigenvalue,
    /// and an entry may stand for a whole eigenspace's component, whose norm is then the coefficient).
    /// </summary>
    /// <param name="eigenvalues">λ_k ≥ 0, finite.</param>
    /// <param name="teacherCoefficients">β_k = ⟨f_TE, e_k⟩, finite, same length.</param>
    /// <param name="targetCoefficients">θ_k = ⟨f*, e_k⟩, finite, same length.</param>
    /// <param name="referenceEigenvalue">λ_ref &gt; 0, the unit in which times are reported (t·λ_ref); by default the
    /// largest positive eigenvalue among the entries with θ_k ≠ 0 (the target's eigenvalue when f* is an eigenfunction).</param>
    public InfiniteWidthStudent(
        IReadOnlyList<double> eigenvalues,
        IReadOnlyList<double> teacherCoefficients,
        IReadOnlyList<double> targetCoefficients,
        double? referenceEigenvalue = null)
    {
        Guard.AllNonNegative(eigenvalues);
        Guard.AllFinite(teacherCoefficients);
        Guard.AllFinite(targetCoefficients);
        if (eigenvalues.Count == 0)
        {
            throw new ArgumentException($"{nameof(eigenvalues)} is empty: at least one eigenvalue is needed.", nameof(eigenvalues));
        }

        if (teacherCoefficients.Count != eigenvalues.Count || targetCoefficients.Count != eigenvalues.Count)
        {
            throw new ArgumentException(
                $"{nameof(eigenvalues)}, {nameof(teacherCoefficients)} and {nameof(targetCoefficients)} have lengths " +
                $"{eigenvalues.Count}, {teacherCoefficients.Count} and {targetCoefficients.Count}: they must be equal.",
                nameof(teacherCoefficients));
        }

        var lambda = eigenvalues.ToArray();
        var beta = teacherCoefficients.ToArray();
        var theta = targetCoefficients.ToArray();
        var r = new double[lambda.Length];
        var loss = 0.0;
        for (var k = 0; k < lambda.Length; k++)
        {
            r[k] = theta[k] - beta[k];
            loss += r[k] * r[k];
        }

        double reference;
        if (referenceEigenvalue is { } given)
        {
            Guard.Positive(given, nameof(referenceEigenvalue));
            reference = given;
        }
        else
        {
            reference = 0.0;
            for (var k = 0; k < lambda.Length; k++)
            {
                if (theta[k] != 0 && lambda[k] > reference)
                {
                    reference = lambda[k];
                }
            }

            if (reference == 0.0)
            {
                throw new ArgumentException(
                    $"{nameof(referenceEigenvalue)} was not given and no entry has both θ_k ≠ 0 and λ_k > 0: pass a positive reference eigenvalue.",
                    nameof(referenceEigenvalue));
            }
        }

        _eigenvalues = lambda;
        _teacherCoefficients = beta;
        _targetCoefficients = theta;
        _residuals = r;
        _residualForm = ChooseForms(r, beta);
        TeacherLoss = loss;
        ReferenceEigenvalue = reference;
        LargestEigenvalue = lambda.Max();
    }

    /// <summary>Trusted constructor for the model builders: residuals θ_k − β_k and L_TE are supplied exactly.</summary>
    internal InfiniteWidthStudent(double[] eigenvalues, double[] teacherCoefficients, double[] targetCoefficients,
        double[] residuals, double teacherLoss, double referenceEigenvalue)
    {
        _eigenvalues = eigenvalues;
        _teacherCoefficients = teacherCoefficients;
        _targetCoefficients = targetCoefficients;
        _residuals = residuals;
        _residualForm = ChooseForms(residuals, teacherCoefficients);
        TeacherLoss = teacherLoss;
        ReferenceEigenvalue = referenceEigenvalue;
        LargestEigenvalue = eigenvalues.Max();
    }

    /// <summary>The eigenvalues λ_k of the student's kernel, one per term.</summary>
    public IReadOnlyList<double> Eigenvalues => _eigenvalues;

    /// <summary>The teacher's coefficients β_k, one per term.</summary>
    public IReadOnlyList<double> TeacherCoefficients => _teacherCoefficients;

    /// <summary>The target's coefficients θ_k, one per term.</summary>
    public IReadOnlyList<double> TargetCoefficients => _targetCoefficients;

    /// <summary>L_TE, the teacher's loss ‖f_TE − f*‖² (for the generic constructor Σ_k (θ_k − β_k)²).</summary>
    public double TeacherLoss { get; }

    /// <summary>λ_ref, the time unit: curves and optima are reported against t·λ_ref.</summary>
    public double ReferenceEigenvalue { get; }

    /// <summary>λ_max, the largest eigenvalue; discrete gradient descent is stable for η &lt; 2/λ_max.</summary>
    public double LargestEigenvalue { get; }

    /// <summary>2/λ_max, the (exclusive) upper limit of stable step sizes for <see cref="LossesAfterSteps"/>.</summary>
    public double MaximumStableStepSize => 2.0 / LargestEigenvalue;

    /// <summary>L_ST(t) = Σ_k (θ_k − (1 − e^(−λ_k t)) β_k)² under gradient flow.</summary>
    /// <param name="time">t ≥ 0; +∞ gives the converged limit.</param>
    public double Loss(double time)
    {
        Guard.Time(time);
        return LossUnchecked(time);
    }

    /// <summary>L_ST at each of the given gradient-flow times (one pass over the terms per time).</summary>
    /// <param name="times">Times t ≥ 0 (+∞ allowed).</param>
    public double[] Losses(IReadOnlyList<double> times)
    {
        Guard.NotNull(times);
        foreach (var time in times)
        {
            Guard.Time(time, nameof(times));
        }

        return times.Select(LossUnchecked).ToArray();
    }

    /// <summary>The per-term squared errors (θ_k − g_k β_k)² at time t; they sum to <see cref="Loss"/>.</summary>
    /// <param name="time">t ≥ 0; +∞ allowed.</param>
    public double[] LossComponents(double time)
    {
        Guard.Time(time);
        var components = new double[_eigenvalues.Length];
        for (var k = 0; k < _eigenvalues.Length; k++)
        {
            var (remaining, learnt) = FlowFactors(_eigenvalues[k], time);
            var e = TermError(k, remaining, learnt);
            components[k] = e * e;
        }

        return components;
    }

    /// <summary>
    /// L_ST after n steps of full-batch gradient descent with step η from 0, for each n:
    /// g_k = 1 − (1 − ηλ_k)^n, evaluated as 1 − exp(n·ln(1 − ηλ_k)) when ηλ_k &lt; 1. Time is t = nη.
    /// </summary>
    /// <param name="steps">Step counts n ≥ 0.</param>
    /// <param name="stepSize">η, with 0 &lt; η &lt; 2/λ_max (<see cref="MaximumStableStepSize"/>).</param>
    /// <returns>The losses, one per step count.</returns>
    public double[] LossesAfterSteps(IReadOnlyList<int> steps, double stepSize)
    {
        Guard.GradientDescent(steps, stepSize, MaximumStableStepSize);
        return steps.Select(n => LossAfterStepsUnchecked(n, stepSize)).ToArray();
    }

    /// <summary>The loss curve on a log-spaced grid of scaled times t·λ_ref (the U-curve: L_ST(t)/L_TE starts at
    /// 1/L_TE, dips below 1 and returns to 1 as t → ∞).</summary>
    /// <param name="minScaledTime">Smallest t·λ_ref, &gt; 0 (default 1e-2).</param>
    /// <param name="maxScaledTime">Largest t·λ_ref, &gt; <paramref name="minScaledTime"/> (default 1e4).</param>
    /// <param name="points">Number of grid points, ≥ 2 (default 4000).</param>
    public StudentLossCurve LossCurve(double minScaledTime = 1e-2, double maxScaledTime = 1e4, int points = 4000)
    {
        var scaled = LogGrid(minScaledTime, maxScaledTime, points);
        var times = scaled.Select(s => s / ReferenceEigenvalue).ToArray();
        return new StudentLossCurve(times, scaled, times.Select(LossUnchecked).ToArray(), TeacherLoss);
    }

    /// <summary>
    /// Oracle early stopping: the time minimising L_ST(t), found by the core's <see cref="StoppingTime.Search(Func{double, double}, double, double, int)"/>
    /// on a log-spaced grid of t·λ_ref and refined by golden-section search in log t between the best grid point's
    /// neighbours (4000 points on [1e-2, 1e4] by default).
    /// </summary>
    /// <param name="minScaledTime">Smallest t·λ_ref, &gt; 0.</param>
    /// <param name="maxScaledTime">Largest t·λ_ref, &gt; <paramref name="minScaledTime"/>.</param>
    /// <param name="gridPoints">Grid size, ≥ 3.</param>
    public EarlyStoppingResult OracleStop(double minScaledTime = 1e-2, double maxScaledTime = 1e4, int gridPoints = 4000)
    {
        ValidateScaledRange(minScaledTime, maxScaledTime);
        Guard.AtLeast(gridPoints, 3, "the number of grid points of the search");
        var stop = StoppingTime.Search(LossUnchecked, minScaledTime / ReferenceEigenvalue, maxScaledTime / ReferenceEigenvalue, gridPoints);
        return new EarlyStoppingResult(stop.Time, stop.Time * ReferenceEigenvalue, stop.Loss, TeacherLoss, !stop.AtBoundary);
    }

    private double LossUnchecked(double time)
    {
        var loss = 0.0;
        for (var k = 0; k < _eigenvalues.Length; k++)
        {
            var (remaining, learnt) = FlowFactors(_eigenvalues[k], time);
            var e = TermError(k, remaining, learnt);
            loss += e * e;
        }

        return loss;
    }

    /// <summary>(e^(−λt), 1 − e^(−λt)) with the second from expm1; λ = 0 is never learnt, also at t = ∞.</summary>
    private static (double Remaining, double Learnt) FlowFactors(double lambda, double time)
    {
        if (lambda == 0 || time == 0)
        {
            return (1.0, 0.0);
        }

        if (double.IsPositiveInfinity(time))
        {
            return (0.0, 1.0);
        }

        var x = -lambda * time;
        return (Math.Exp(x), -ElementaryFunctions.Expm1(x));
    }

    /// <summary>((1 − s)^n, 1 − (1 − s)^n) for s = ηλ ∈ [0, 2).</summary>
    private double LossAfterStepsUnchecked(int steps, double stepSize)
    {
        var loss = 0.0;
        for (var k = 0; k < _eigenvalues.Length; k++)
        {
            var (remaining, learnt) = StepFactors(_eigenvalues[k] * stepSize, steps);
            var e = TermError(k, remaining, learnt);
            loss += e * e;
        }

        return loss;
    }

    private static (double Remaining, double Learnt) StepFactors(double s, long steps)
    {
        if (s == 0 || steps == 0)
        {
            return (1.0, 0.0);
        }

        if (s < 1)
        {
            var exponent = steps * ElementaryFunctions.Log1p(-s);
            return (Math.Exp(exponent), -ElementaryFunctions.Expm1(exponent));
        }

        if (s == 1)
        {
            return (0.0, 1.0);
        }

        // 1 < s < 2: the factor 1 − s is negative with |1 − s| < 1, so it oscillates in sign and decays.
        var magnitude = Math.Exp(steps * Math.Log(s - 1));
        var remaining = steps % 2 == 0 ? magnitude : -magnitude;
        return (remaining, 1.0 - remaining);
    }

    private double TermError(int k, double remaining, double learnt) =>
        _residualForm[k]
            ? _residuals[k] + _teacherCoefficients[k] * remaining
            : _targetCoefficients[k] - _teacherCoefficients[k] * learnt;

    private static bool[] ChooseForms(double[] residuals, double[] teacherCoefficients)
    {
        var forms = new bool[residuals.Length];
        for (var k = 0; k < residuals.Length; k++)
        {
            forms[k] = residuals[k] * teacherCoefficients[k] >= 0;
        }

        return forms;
    }

    internal static double[] LogGrid(double minScaledTime, double maxScaledTime, int points)
    {
        ValidateScaledRange(minScaledTime, maxScaledTime);
        Guard.AtLeast(points, 2, "the number of grid points");
        return Spacing.Logarithmic(minScaledTime, maxScaledTime, points);
    }

    internal static void ValidateScaledRange(double minScaledTime, double maxScaledTime)
    {
        Guard.Positive(minScaledTime);
        Guard.Positive(maxScaledTime);
        if (maxScaledTime <= minScaledTime)
        {
            throw new ArgumentOutOfRangeException(nameof(maxScaledTime), maxScaledTime,
                $"{nameof(maxScaledTime)} = {Guard.Show(maxScaledTime)} is out of range; it must exceed {nameof(minScaledTime)} = {Guard.Show(minScaledTime)}.");
        }
    }
}
