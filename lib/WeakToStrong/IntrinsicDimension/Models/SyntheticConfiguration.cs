using MathNet.Numerics.LinearAlgebra;
using WeakToStrong.Randomness;
using WeakToStrong.Validation;

namespace WeakToStrong.IntrinsicDimension;

/// <summary>
/// The synthetic regression of Dong et al. 2025, arXiv:2502.05075 as the authors' simulator builds it, with its
/// defaults: ambient dimension d = 20000, relevant rank R = 300,
/// strong features on coordinates [0, d_s) with d_s = 100, weak features on [doff, doff + d_w) with d_w = 200,
/// spectrum λ_i = (i+1)^(−p) with p = 1 on the ground-truth coordinates [0, R), θ* = (Rademacher ±1)/√d, so the
/// whitened target coefficients are c_i = ±√(λ_i/d), and label noise σ² = 1e-2. Validated on construction.
/// An optional target scale a multiplies c (c_i = ±a·√(λ_i/d)); a = 0 is the pure-variance model f* = 0, in which
/// every model's excess risk is its variance, proportional to σ², so PGR and OPR do not depend on σ² (the limit
/// σ² → ∞ of every configuration) and every overlap has the same (zero) bias.
/// The closed-form quantities (approximation errors ρ_s, ρ_w and the target energies used by
/// <see cref="ExactGaussianRisk"/>) are exposed as generalised harmonic sums.
/// </summary>
public sealed record SyntheticConfiguration
{
    /// <summary>Creates and validates a configuration (argument names follow the paper's symbols).</summary>
    /// <param name="weakOffset">doff, the first weak coordinate, in [0, R − d_w]; the paper uses 10, 50, 90 (d_{s∧w} = 90, 50, 10) and 20, 60, 100.</param>
    /// <param name="noiseVariance">σ² ≥ 0; the paper uses 1e-2 (main), 4e-4 (bias-dominated) and 1e-1.</param>
    /// <param name="ambientDimension">d ≥ R, the normaliser of θ*_i² = 1/d (d = d_w·d_s = 20000 in the paper).</param>
    /// <param name="relevantRank">R = d_gt, the number of latent coordinates f* uses (300), at least max(d_s, d_w).</param>
    /// <param name="strongDimension">d_s ≥ 1 (100).</param>
    /// <param name="weakDimension">d_w ≥ 1 (200).</param>
    /// <param name="spectrumExponent">p ≥ 0, finite (1).</param>
    /// <param name="groundTruthSeed">Seed of the Rademacher signs of θ* (drawn once per model, as the authors do).</param>
    /// <param name="targetScale">a ≥ 0, finite: c is multiplied by a, so every approximation error and energy by a² (1: the
    /// paper's model; 0: the pure-variance model f* = 0).</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is outside its range.</exception>
    public SyntheticConfiguration(
        int weakOffset,
        double noiseVariance = 1e-2,
        int ambientDimension = 20000,
        int relevantRank = 300,
        int strongDimension = 100,
        int weakDimension = 200,
        double spectrumExponent = 1.0,
        long groundTruthSeed = 42,
        double targetScale = 1.0)
    {
        Guard.Positive(strongDimension);
        StrongDimension = strongDimension;
        Guard.Positive(weakDimension);
        WeakDimension = weakDimension;
        Guard.AtLeast(relevantRank, Math.Max(strongDimension, weakDimension), "R >= max(d_s, d_w)", nameof(relevantRank));
        RelevantRank = relevantRank;
        Guard.AtLeast(ambientDimension, relevantRank, "d >= R");
        AmbientDimension = ambientDimension;
        Guard.InRange(weakOffset, 0, relevantRank - weakDimension, "0 <= doff <= R − d_w", nameof(weakOffset));
        WeakOffset = weakOffset;
        Guard.NonNegative(noiseVariance);
        NoiseVariance = noiseVariance;
        Guard.NonNegative(spectrumExponent);
        SpectrumExponent = spectrumExponent;
        GroundTruthSeed = groundTruthSeed;
        Guard.NonNegative(targetScale);
        TargetScale = targetScale;
    }

    /// <summary>doff, the first weak coordinate.</summary>
    public int WeakOffset { get; }

    /// <summary>σ², the label-noise variance.</summary>
    public double NoiseVariance { get; }

    /// <summary>d, the ambient dimension (only its role as the normaliser 1/d of θ*_i² matters).</summary>
    public int AmbientDimension { get; }

    /// <summary>R = d_gt, the number of relevant latent coordinates.</summary>
    public int RelevantRank { get; }

    /// <summary>d_s, the number of strong coordinates [0, d_s).</summary>
    public int StrongDimension { get; }

    /// <summary>d_w, the number of weak coordinates [doff, doff + d_w).</summary>
    public int WeakDimension { get; }

    /// <summary>p, the exponent of the spectrum λ_i = (i+1)^(−p).</summary>
    public double SpectrumExponent { get; }

    /// <summary>The seed of θ*'s Rademacher signs.</summary>
    public long GroundTruthSeed { get; }

    /// <summary>a, the factor on the target coefficients c (1: the paper's model; 0: f* = 0, pure variance).</summary>
    public double TargetScale { get; }

    /// <summary>d_{s∧w} = |[0, d_s) ∩ [doff, doff + d_w)| (= d_s − doff for doff ≤ d_s ≤ doff + d_w).</summary>
    public int CorrelationDimension => Math.Max(0, Math.Min(StrongDimension, WeakOffset + WeakDimension) - WeakOffset);

    /// <summary>ρ_s = Σ_{i ∈ [d_s, R)} c_i² = a²(H_R − H_{d_s})/d, H the generalised harmonic number of order p.</summary>
    public double StrongApproximationError => Energy(StrongDimension, RelevantRank);

    /// <summary>ρ_w = Σ_{i ∉ [doff, doff+d_w)} c_i² = a²(H_doff + H_R − H_{doff+d_w})/d.</summary>
    public double WeakApproximationError => Energy(0, WeakOffset) + Energy(WeakOffset + WeakDimension, RelevantRank);

    /// <summary>‖c_{S\W}‖², the energy on strong-only coordinates (H_doff/d when doff ≤ d_s ≤ doff + d_w).</summary>
    public double StrongOnlyEnergy =>
        Energy(0, Math.Min(StrongDimension, WeakOffset))
        + (WeakOffset + WeakDimension < StrongDimension ? Energy(WeakOffset + WeakDimension, StrongDimension) : 0.0);

    /// <summary>‖c_{W\S}‖², the energy on weak-only coordinates ((H_{doff+d_w} − H_{d_s})/d when doff ≤ d_s).</summary>
    public double WeakOnlyEnergy
    {
        get
        {
            var start = Math.Max(WeakOffset, StrongDimension);
            var end = WeakOffset + WeakDimension;
            return end > start ? Energy(start, end) : 0.0;
        }
    }

    /// <summary>The <see cref="RiskQuantities"/> of this configuration in closed form (harmonic sums, no
    /// sampling).</summary>
    public RiskQuantities Quantities => new(
        StrongDimension,
        WeakDimension,
        CorrelationDimension,
        NoiseVariance,
        StrongApproximationError,
        WeakApproximationError,
        StrongOnlyEnergy,
        WeakOnlyEnergy);

    /// <summary>
    /// The generalised harmonic number H_k^(p) = Σ_{i=1}^{k} i^(−p), summed from the smallest term up.
    /// </summary>
    /// <param name="k">k ≥ 0 (H_0 = 0).</param>
    /// <param name="exponent">p, finite.</param>
    /// <returns>H_k^(p).</returns>
    /// <exception cref="ArgumentOutOfRangeException">k is negative or p is not finite.</exception>
    public static double HarmonicNumber(int k, double exponent = 1.0)
    {
        Guard.NonNegative(k);
        Guard.Finite(exponent);
        return HarmonicSum(0, k, exponent);
    }

    /// <summary>
    /// The coordinate-aligned model of this configuration: c_i = ±a·√((i+1)^(−p)/d) for i &lt; R with signs drawn from
    /// <see cref="GroundTruthSeed"/>, V_s = span(e_0 … e_{d_s−1}), V_w = span(e_doff … e_{doff+d_w−1}).
    /// </summary>
    /// <returns>The model.</returns>
    public GaussianFeatureModel CreateModel()
    {
        var signs = new RandomStream(GroundTruthSeed, 0, RandomStreams.GroundTruth).NextRademacherVector(RelevantRank);
        var c = Vector<double>.Build.Dense(
            RelevantRank, i => TargetScale * signs[i] * Math.Sqrt(Math.Pow(i + 1, -SpectrumExponent) / AmbientDimension));

        return GaussianFeatureModel.CoordinateAligned(
            c,
            Enumerable.Range(0, StrongDimension).ToArray(),
            Enumerable.Range(WeakOffset, WeakDimension).ToArray(),
            NoiseVariance);
    }

    /// <summary>Σ_{i ∈ [from, to)} c_i² = a²·Σ_{j=from+1}^{to} j^(−p) / d.</summary>
    private double Energy(int from, int to) => TargetScale * TargetScale * HarmonicSum(from, to, SpectrumExponent) / AmbientDimension;

    /// <summary>Σ_{j=from+1}^{to} j^(−p), largest index first so the small terms are added before the large ones.</summary>
    private static double HarmonicSum(int from, int to, double exponent)
    {
        var sum = 0.0;
        for (var j = to; j > from; j--)
        {
            sum += Math.Pow(j, -exponent);
        }

        return sum;
    }
}
