using System.Globalization;
using System.Runtime.CompilerServices;
using MathNet.Numerics.LinearAlgebra;
using WeakToStrong.LinearAlgebra;
using WeakToStrong.Validation;

namespace WeakToStrong.Dynamics;

/// <summary>
/// Gradient flow and gradient descent on a quadratic objective L(w) = ½ wᵀAw − bᵀw (A symmetric PSD, d×d), in
/// closed form, after neural-tangents' <c>predict.gradient_descent_mse</c>: the eigendecomposition
/// A = Σ_k λ_k u_k u_kᵀ is computed once at construction and the trajectory, or any quadratic risk along it, is
/// then evaluated at any number of times cheaply.
/// <para>
/// Continuous time solves dw/dt = −∇L(w) = b − Aw from w(0) = w₀ (zero by default):
/// u_kᵀw(t) = u_kᵀw₀ + φ_k(t)(β_k − λ_k u_kᵀw₀), β_k = u_kᵀb, φ_k(t) = (1 − e^{−λ_k t})/λ_k (= t when λ_k = 0,
/// computed as −expm1(−λ_k t)/λ_k). From w₀ = 0 this is w(t) = Σ_k (1 − e^{−λ_k t})(β_k/λ_k) u_k.
/// Discrete gradient descent w_{s+1} = w_s − η∇L(w_s) has the same form with
/// φ_k = (1 − (1 − ηλ_k)^s)/λ_k, computed as −expm1(s·log1p(−ηλ_k))/λ_k; it is stable iff η &lt; 2/λ_max.
/// </para>
/// <para>
/// <b>Units of time.</b> t is the gradient-flow time: s steps of gradient descent with learning rate η
/// correspond to t ≈ ηs. The time scale is set by A; report t·λ₁ (λ₁ the largest eigenvalue of A) to make plots
/// normalisation-free. For least squares (<see cref="FromLeastSquares"/>) the objective is
/// ½‖Xw − y‖²/n, so A = XᵀX/n and b = Xᵀy/n.
/// </para>
/// <para>
/// As t → ∞ from w₀ = 0 the flow converges to the minimum-norm minimiser A⁺b (<see cref="Limit"/>); for least
/// squares that is the ridgeless solution X⁺y. Early stopping at time t acts like ridge with λ ≈ 1/t, but not exactly.
/// </para>
/// <code>
/// var flow = new GradientFlow(covariance, moment);
/// var risk = QuadraticRisk.ExcessRisk(covariance, wStar);
/// double[] curve = flow.Losses(risk, times);            // one decomposition, many times
/// var best = flow.OptimalStoppingTime(risk, 1e-2, 1e4);  // early-stopping oracle
/// </code>
/// </summary>
public sealed class GradientFlow
{
    private readonly Matrix<double> _curvature;
    private readonly Matrix<double> _basis;
    private readonly double[] _eigenvalues;
    private readonly double[] _forcing;
    private readonly Vector<double> _initial;
    private readonly Vector<double> _initialCoordinates;
    private readonly double _linearNorm;
    private readonly ConditionalWeakTable<QuadraticRisk, RiskAlongTrajectory> _evaluators = new();

    /// <summary>Builds the flow on L(w) = ½wᵀAw − bᵀw.</summary>
    /// <param name="curvature">A, d×d symmetric positive semidefinite (a covariance, Gram or kernel matrix).</param>
    /// <param name="linearTerm">b, length d.</param>
    /// <param name="initialWeights">w(0), length d; null means zero.</param>
    public GradientFlow(Matrix<double> curvature, Vector<double> linearTerm, Vector<double>? initialWeights = null)
    {
        var eigen = SymmetricEigendecomposition.Of(curvature);
        var d = curvature.RowCount;
        Guard.Positive(d, "curvature.RowCount");
        Guard.Length(linearTerm, d, "curvature.RowCount");
        Guard.AllFinite(linearTerm);
        if (initialWeights is not null)
        {
            Guard.Length(initialWeights, d, "curvature.RowCount");
            Guard.AllFinite(initialWeights);
        }

        ZeroThreshold = PositiveSemidefinite.CheckAndThreshold(eigen.Eigenvalues, nameof(curvature));
        _curvature = curvature.Clone();
        _basis = eigen.Eigenvectors;
        _eigenvalues = eigen.Eigenvalues.Select(v => v <= ZeroThreshold ? 0.0 : v).ToArray();
        _forcing = _basis.TransposeThisAndMultiply(linearTerm).ToArray();
        _initial = initialWeights?.Clone() ?? Vector<double>.Build.Dense(d);
        _initialCoordinates = _basis.TransposeThisAndMultiply(_initial);
        _linearNorm = linearTerm.L2Norm();
    }

    /// <summary>
    /// The flow of the least-squares objective ½‖Xw − y‖²/n (n = number of rows): A = XᵀX/n, b = Xᵀy/n.
    /// </summary>
    /// <param name="design">X, n×d, finite.</param>
    /// <param name="targets">y, length n, finite.</param>
    /// <param name="initialWeights">w(0); null means zero.</param>
    /// <returns>The flow.</returns>
    public static GradientFlow FromLeastSquares(Matrix<double> design, Vector<double> targets, Vector<double>? initialWeights = null)
    {
        Guard.DesignWithTargets(design, targets);
        var n = design.RowCount;
        var gram = design.TransposeThisAndMultiply(design) / n;
        gram = (gram + gram.Transpose()) * 0.5;
        return new GradientFlow(gram, design.TransposeThisAndMultiply(targets) / n, initialWeights);
    }

    /// <summary>The dimension d.</summary>
    public int Dimension => _eigenvalues.Length;

    /// <summary>Eigenvalues λ_k of A, descending; values at or below <see cref="ZeroThreshold"/> are set to exactly 0.</summary>
    public Vector<double> Eigenvalues => Vector<double>.Build.Dense(_eigenvalues);

    /// <summary>The orthonormal eigenvectors u_k of A as columns, matching <see cref="Eigenvalues"/>.</summary>
    public Matrix<double> Eigenvectors => _basis.Clone();

    /// <summary>Eigenvalues of A at or below 10·d·ε·λ_max are treated as exactly zero (the null space of A).</summary>
    public double ZeroThreshold { get; }

    /// <summary>λ_max, the largest eigenvalue of A.</summary>
    public double LargestEigenvalue => _eigenvalues[0];

    /// <summary>2/λ_max: gradient descent with step η is stable iff η &lt; this (infinite when A = 0).</summary>
    public double MaximumStableStepSize => _eigenvalues[0] > 0 ? 2.0 / _eigenvalues[0] : double.PositiveInfinity;

    /// <summary>w(0).</summary>
    public Vector<double> InitialWeights => _initial.Clone();

    /// <summary>The objective ½wᵀAw − bᵀw at w (evaluated in the eigenbasis).</summary>
    /// <param name="weights">w, length d.</param>
    /// <returns>L(w).</returns>
    public double Objective(Vector<double> weights)
    {
        Guard.Length(weights, Dimension, "the flow's dimension");
        var c = _basis.TransposeThisAndMultiply(weights);
        var sum = 0.0;
        for (var k = 0; k < Dimension; k++)
        {
            sum += (0.5 * _eigenvalues[k] * c[k] * c[k]) - (_forcing[k] * c[k]);
        }

        return sum;
    }

    /// <summary>w(t) for continuous time t ≥ 0.</summary>
    /// <param name="time">t ≥ 0, finite.</param>
    /// <returns>w(t).</returns>
    public Vector<double> Weights(double time)
    {
        Guard.NonNegative(time);
        return _initial + (_basis * FlowDisplacement(time));
    }

    /// <summary>w(t) at several times; column j is w(<paramref name="times"/>[j]).</summary>
    /// <param name="times">Times, each ≥ 0 and finite.</param>
    /// <returns>A d×T matrix.</returns>
    public Matrix<double> Weights(IReadOnlyList<double> times)
    {
        Guard.AllNonNegative(times);
        var displacement = Matrix<double>.Build.Dense(Dimension, times.Count);
        for (var j = 0; j < times.Count; j++)
        {
            displacement.SetColumn(j, FlowDisplacement(times[j]));
        }

        var result = _basis * displacement;
        for (var j = 0; j < times.Count; j++)
        {
            result.SetColumn(j, result.Column(j) + _initial);
        }

        return result;
    }

    /// <summary>The weights after <paramref name="steps"/> steps of gradient descent with step size η.</summary>
    /// <param name="steps">s ≥ 0.</param>
    /// <param name="stepSize">η, 0 &lt; η &lt; 2/λ_max (<see cref="MaximumStableStepSize"/>).</param>
    /// <returns>w_s.</returns>
    public Vector<double> WeightsAfterSteps(int steps, double stepSize)
    {
        Guard.NonNegative(steps);
        CheckStepSize(stepSize);
        return _initial + (_basis * StepDisplacement(steps, stepSize));
    }

    /// <summary>
    /// lim_{t→∞} w(t) = A⁺b + P₀w₀ (P₀ the projection onto the null space of A): the minimum-norm minimiser of L
    /// when w₀ = 0. Throws when b has a component in the null space of A (|u_kᵀb| &gt; 1e-8‖b‖ for some λ_k = 0),
    /// because then L is unbounded below and w(t) diverges linearly.
    /// </summary>
    /// <returns>The limit.</returns>
    public Vector<double> Limit()
    {
        var coordinates = _initialCoordinates.Clone();
        for (var k = 0; k < Dimension; k++)
        {
            if (_eigenvalues[k] > 0)
            {
                coordinates[k] = _forcing[k] / _eigenvalues[k];
            }
            else if (Math.Abs(_forcing[k]) > 1e-8 * _linearNorm)
            {
                throw new InvalidOperationException(
                    $"The flow has no limit: the linear term has a component {_forcing[k].ToString("G3", CultureInfo.InvariantCulture)} along a null direction of the curvature, so L(w) is unbounded below and w(t) grows linearly in t.");
            }
        }

        return _basis * coordinates;
    }

    /// <summary>The risk R(w(t)) at one time.</summary>
    /// <param name="risk">R, of dimension d.</param>
    /// <param name="time">t ≥ 0.</param>
    /// <returns>R(w(t)).</returns>
    public double Loss(QuadraticRisk risk, double time) => Losses(risk, [time])[0];

    /// <summary>
    /// R(w(t)) at every time, without forming w(t): with w(t) − w° = (w₀ − w°) + U r(t) and M = FᵀF,
    /// R = ‖h + C r(t)‖² + R_min with h = F(w₀ − w°), C = FU. The set-up is done once per risk object and cached:
    /// when M is A itself (population risk under the training covariance) it costs O(d²) and each time O(d);
    /// when M commutes with A (UᵀMU diagonal) it costs O(d³) and each time O(d); otherwise it needs the
    /// eigendecomposition of M, and each time costs O(rank(M)·d). All forms are sums of squares (no cancellation).
    /// </summary>
    /// <param name="risk">R, of dimension d.</param>
    /// <param name="times">Times, each ≥ 0.</param>
    /// <returns>The risks, one per time.</returns>
    public double[] Losses(QuadraticRisk risk, IReadOnlyList<double> times)
    {
        Guard.AllNonNegative(times);
        var evaluator = Evaluator(risk);
        return evaluator.Evaluate(times.Select(FlowDisplacement).ToArray());
    }

    /// <summary>R(w_s) after each number of gradient-descent steps s with step size η.</summary>
    /// <param name="risk">R, of dimension d.</param>
    /// <param name="steps">Step counts, each ≥ 0.</param>
    /// <param name="stepSize">η, 0 &lt; η &lt; 2/λ_max.</param>
    /// <returns>The risks, one per step count.</returns>
    public double[] LossesAfterSteps(QuadraticRisk risk, IReadOnlyList<int> steps, double stepSize)
    {
        Guard.GradientDescent(steps, stepSize, MaximumStableStepSize);
        var evaluator = Evaluator(risk);
        return evaluator.Evaluate(steps.Select(s => StepDisplacement(s, stepSize)).ToArray());
    }

    /// <summary>
    /// The early-stopping time t* = argmin R(w(t)) over [t_min, t_max], by <see cref="StoppingTime.Search(Func{IReadOnlyList{double}, double[]}, double, double, int)"/>
    /// (log-spaced grid of <paramref name="gridPoints"/> times, then golden-section refinement in log t), with
    /// every evaluation going through the precomputed eigenbasis.
    /// </summary>
    /// <param name="risk">R, of dimension d.</param>
    /// <param name="minTime">t_min &gt; 0.</param>
    /// <param name="maxTime">t_max &gt; t_min.</param>
    /// <param name="gridPoints">Grid size, ≥ 3.</param>
    /// <returns>t*, R(t*), and whether t* is at an end of [t_min, t_max].</returns>
    public StoppingTime OptimalStoppingTime(QuadraticRisk risk, double minTime, double maxTime, int gridPoints = 400)
    {
        var evaluator = Evaluator(risk);
        return StoppingTime.Search(times => evaluator.Evaluate(times.Select(FlowDisplacement).ToArray()), minTime, maxTime, gridPoints);
    }

    internal Matrix<double> Basis => _basis;

    internal Matrix<double> Curvature => _curvature;

    private RiskAlongTrajectory Evaluator(QuadraticRisk risk)
    {
        Guard.NotNull(risk);
        return _evaluators.GetValue(risk, r => new RiskAlongTrajectory(this, r));
    }

    internal Vector<double> Initial => _initial;

    private void CheckStepSize(double stepSize) => Guard.StepSize(stepSize, MaximumStableStepSize);

    /// <summary>r(t) with w(t) = w₀ + U r(t): r_k = φ_k(t)(β_k − λ_k c₀_k), φ_k(t) = −expm1(−λ_k t)/λ_k (t if λ_k = 0).</summary>
    private Vector<double> FlowDisplacement(double time)
    {
        var r = Vector<double>.Build.Dense(Dimension);
        for (var k = 0; k < Dimension; k++)
        {
            var lambda = _eigenvalues[k];
            var phi = lambda == 0 ? time : -ElementaryFunctions.Expm1(-lambda * time) / lambda;
            r[k] = phi * (_forcing[k] - (lambda * _initialCoordinates[k]));
        }

        return r;
    }

    /// <summary>r after s steps: φ_k = (1 − (1 − ηλ_k)^s)/λ_k (sη if λ_k = 0).</summary>
    private Vector<double> StepDisplacement(int steps, double stepSize)
    {
        var r = Vector<double>.Build.Dense(Dimension);
        for (var k = 0; k < Dimension; k++)
        {
            var lambda = _eigenvalues[k];
            var contraction = stepSize * lambda;
            double phi;
            if (steps == 0)
            {
                phi = 0;
            }
            else if (lambda == 0)
            {
                phi = steps * stepSize;
            }
            else if (contraction < 1)
            {
                phi = -ElementaryFunctions.Expm1(steps * ElementaryFunctions.Log1p(-contraction)) / lambda;
            }
            else if (contraction == 1)
            {
                phi = 1 / lambda;
            }
            else
            {
                // 1 < ηλ < 2: (1 − ηλ)^s = (−1)^s |1 − ηλ|^s with |1 − ηλ| < 1; 1 − (·) has no cancellation.
                var power = Math.Exp(steps * Math.Log(contraction - 1));
                phi = (1 - ((steps % 2 == 0) ? power : -power)) / lambda;
            }

            r[k] = phi * (_forcing[k] - (lambda * _initialCoordinates[k]));
        }

        return r;
    }
}
