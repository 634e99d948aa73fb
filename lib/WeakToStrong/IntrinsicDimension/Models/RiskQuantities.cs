using WeakToStrong.Validation;

namespace WeakToStrong.IntrinsicDimension;

/// <summary>
/// The scalars every closed form of the four risks depends on (<see cref="AsymptoticRisk"/>,
/// <see cref="ExactGaussianRisk"/>), in whitened coordinates where f*(x) = cᵀz,
/// z ~ N(0, I), and P_S, P_W are the orthogonal projectors onto the strong and weak feature subspaces.
/// Validated on construction.
/// </summary>
public sealed record RiskQuantities
{
    /// <summary>Creates and validates the quantities.</summary>
    /// <param name="strongDimension">d_s = dim V_s, at least 1.</param>
    /// <param name="weakDimension">d_w = dim V_w, at least 1.</param>
    /// <param name="correlationDimension">d_{s∧w} = ‖V_sᵀV_w‖_F² = Σcos²θ_i, in [0, min(d_s, d_w)].</param>
    /// <param name="noiseVariance">σ², the label-noise variance, ≥ 0.</param>
    /// <param name="strongApproximationError">ρ_s = ‖(I − P_S)c‖², ≥ 0.</param>
    /// <param name="weakApproximationError">ρ_w = ‖(I − P_W)c‖², ≥ 0.</param>
    /// <param name="strongOnlyEnergy">‖P_S(I − P_W)c‖² (‖c_{S\W}‖² for coordinate subspaces), ≥ 0.</param>
    /// <param name="weakOnlyEnergy">‖(I − P_S)P_W c‖² (‖c_{W\S}‖² for coordinate subspaces), ≥ 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is outside its range.</exception>
    public RiskQuantities(
        int strongDimension,
        int weakDimension,
        double correlationDimension,
        double noiseVariance,
        double strongApproximationError,
        double weakApproximationError,
        double strongOnlyEnergy = 0.0,
        double weakOnlyEnergy = 0.0)
    {
        Guard.Positive(strongDimension);
        StrongDimension = strongDimension;
        Guard.Positive(weakDimension);
        WeakDimension = weakDimension;
        Guard.InRange(correlationDimension, 0.0, Math.Min(strongDimension, weakDimension));
        CorrelationDimension = correlationDimension;
        Guard.NonNegative(noiseVariance);
        NoiseVariance = noiseVariance;
        Guard.NonNegative(strongApproximationError);
        StrongApproximationError = strongApproximationError;
        Guard.NonNegative(weakApproximationError);
        WeakApproximationError = weakApproximationError;
        Guard.NonNegative(strongOnlyEnergy);
        StrongOnlyEnergy = strongOnlyEnergy;
        Guard.NonNegative(weakOnlyEnergy);
        WeakOnlyEnergy = weakOnlyEnergy;
    }

    /// <summary>d_s = dim V_s, the strong model's intrinsic dimension.</summary>
    public int StrongDimension { get; }

    /// <summary>d_w = dim V_w, the weak model's intrinsic dimension.</summary>
    public int WeakDimension { get; }

    /// <summary>d_{s∧w} = ‖V_sᵀV_w‖_F² = Σcos²θ_i, the correlation dimension of Dong et al. 2025,
    /// arXiv:2502.05075.</summary>
    public double CorrelationDimension { get; }

    /// <summary>σ², the label-noise variance.</summary>
    public double NoiseVariance { get; }

    /// <summary>ρ_s = ‖(I − P_S)c‖², the energy of f* the strong features cannot represent.</summary>
    public double StrongApproximationError { get; }

    /// <summary>ρ_w = ‖(I − P_W)c‖², the energy of f* the weak features cannot represent.</summary>
    public double WeakApproximationError { get; }

    /// <summary>‖P_S(I − P_W)c‖²: energy of f* the student can represent but the teacher cannot (‖c_{S\W}‖²).</summary>
    public double StrongOnlyEnergy { get; }

    /// <summary>‖(I − P_S)P_W c‖²: energy of the teacher's target the student cannot represent (‖c_{W\S}‖²).</summary>
    public double WeakOnlyEnergy { get; }

    /// <summary>The discrepancy dimension d_w − d_{s∧w}.</summary>
    public double DiscrepancyDimension => WeakDimension - CorrelationDimension;
}
