using WeakToStrong.Validation;
namespace WeakToStrong.Bregman;

/// <summary>
/// A strictly convex, differentiable generator φ on a convex set Ω and the geometry it induces (the setting of
/// Xu et al. 2025, arXiv:2505.24313):
/// the Bregman divergence D_φ(a, b) = φ(a) − φ(b) − ⟨∇φ(b), a − b⟩ (≥ 0, = 0 only when a = b, not symmetric),
/// the gradient map ∇φ to dual coordinates, its inverse, and the dual ("central") mean
/// Ŷ° = (∇φ)⁻¹(E ∇φ(Ŷ)) = argmin_z E D_φ(z, Ŷ).
/// </summary>
/// <typeparam name="TPoint">
/// The point type: <see cref="double"/> for scalar predictions (squared loss, binary cross-entropy), a MathNet
/// vector for vector predictions (squared norm, multiclass cross-entropy). Dual points have the same type.
/// </typeparam>
/// <remarks>
/// Argument order: the first slot is the target (or the student, for the misfit), the second is the prediction; the
/// exact risk-gap identity (★) of <see cref="RiskGapDecomposition"/> needs this order (the paper's own notation may
/// differ). Divergences are evaluated by closed forms written as sums of non-negative terms, not by the
/// defining formula, so they are accurate when a ≈ b. Points outside the domain are rejected with an
/// <see cref="ArgumentOutOfRangeException"/> naming the parameter; no method returns NaN for valid input.
/// </remarks>
public abstract class BregmanGenerator<TPoint>
    where TPoint : notnull
{
    /// <summary>Name of the generator, e.g. "binary cross-entropy (negative entropy)".</summary>
    public abstract string Name { get; }

    /// <summary>The generator φ(u).</summary>
    /// <param name="point">A point of the closed domain.</param>
    public abstract double Potential(TPoint point);

    /// <summary>The gradient map ∇φ(u) (dual coordinates: 2u, logit, log-probabilities + 1).</summary>
    /// <param name="point">A point of the domain interior, where ∇φ is finite.</param>
    public abstract TPoint Gradient(TPoint point);

    /// <summary>The inverse gradient map (∇φ)⁻¹(θ) (θ/2, sigmoid, softmax).</summary>
    /// <param name="dual">A finite dual point.</param>
    public abstract TPoint InverseGradient(TPoint dual);

    /// <summary>The Bregman divergence D_φ(a, b) = φ(a) − φ(b) − ⟨∇φ(b), a − b⟩ ≥ 0.</summary>
    /// <param name="target">The first slot a (target; for the misfit, the student); closed domain.</param>
    /// <param name="prediction">The second slot b (prediction); domain interior.</param>
    public abstract double Divergence(TPoint target, TPoint prediction);

    /// <summary>
    /// The remainder of the three-point identity: ⟨∇φ(c) − ∇φ(b), a − c⟩, so that
    /// D(a, b) = D(a, c) + D(c, b) + ⟨∇φ(c) − ∇φ(b), a − c⟩.
    /// </summary>
    /// <param name="a">First point (closed domain).</param>
    /// <param name="c">Middle point (interior).</param>
    /// <param name="b">Last point (interior).</param>
    public abstract double ThreePointRemainder(TPoint a, TPoint c, TPoint b);

    /// <summary>
    /// The dual mean Ŷ° = (∇φ)⁻¹(Σ_i p_i ∇φ(y_i)) of a discrete random prediction (the paper's "dual
    /// expectation", arXiv:2505.24313, Lemma 2.1): the arithmetic mean
    /// for squared loss, the sigmoid/softmax of the mean logits (normalised geometric mean) for cross-entropy.
    /// </summary>
    /// <param name="law">The law of the prediction; its atoms must lie in the domain interior.</param>
    public TPoint DualMean(DiscreteLaw<TPoint> law)
    {
        Guard.NotNull(law);
        for (var i = 0; i < law.Count; i++)
        {
            ValidateInterior(law.Outcomes[i], $"{nameof(law)}.Outcomes[{i}]");
        }

        return DualAverage(law.Outcomes, law.Probabilities);
    }

    /// <summary>
    /// The arithmetic (primal) mean Σ_i p_i y_i. For cross-entropy this is not the centre of the bias–variance
    /// decomposition; it is provided to show that.
    /// </summary>
    /// <param name="law">The law of the prediction; its atoms must lie in the closed domain.</param>
    public TPoint PrimalMean(DiscreteLaw<TPoint> law)
    {
        Guard.NotNull(law);
        for (var i = 0; i < law.Count; i++)
        {
            ValidateClosed(law.Outcomes[i], $"{nameof(law)}.Outcomes[{i}]");
        }

        return PrimalAverage(law.Outcomes, law.Probabilities);
    }

    /// <summary>The expected divergence E D_φ(a, Ŷ) = Σ_i p_i D_φ(a, y_i) to a fixed first-slot point a.</summary>
    /// <param name="target">The fixed first slot a.</param>
    /// <param name="law">The law of the second slot Ŷ.</param>
    public double ExpectedDivergence(TPoint target, DiscreteLaw<TPoint> law)
    {
        Guard.NotNull(law);
        return law.Expectation(y => Divergence(target, y));
    }

    /// <summary>(∇φ)⁻¹(Σ_i w_i ∇φ(y_i)) for validated interior points and weights summing to one.</summary>
    internal abstract TPoint DualAverage(IReadOnlyList<TPoint> points, IReadOnlyList<double> weights);

    /// <summary>Σ_i w_i y_i for validated points and weights summing to one.</summary>
    internal abstract TPoint PrimalAverage(IReadOnlyList<TPoint> points, IReadOnlyList<double> weights);

    /// <summary>Rejects points outside the closed domain (e.g. probabilities outside [0, 1]).</summary>
    internal abstract void ValidateClosed(TPoint point, string name);

    /// <summary>Rejects points outside the interior, where ∇φ is finite (e.g. probabilities 0 or 1).</summary>
    internal abstract void ValidateInterior(TPoint point, string name);

    /// <summary>Exact equality of two points (used to check that a conditioning cell fixes the student).</summary>
    internal abstract bool SamePoint(TPoint a, TPoint b);
}
