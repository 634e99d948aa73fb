using MathNet.Numerics.LinearAlgebra;
using WeakToStrong.Randomness;
using WeakToStrong.Validation;

namespace WeakToStrong.IntrinsicDimension;

/// <summary>
/// Orthonormal bases of a strong and a weak feature subspace of R^D with prescribed canonical angles (for
/// testing that only d_{s∧w} = Σcos²θ_i matters for general, not coordinate-aligned, subspaces): V_s = span(e_0 …
/// e_{d_s−1}); weak column i is cos θ_i·e_i + sin θ_i·e_{d_s+i} for the
/// prescribed cosines and e_{d_s+i} beyond them, so σ_i(V_sᵀV_w) = cos θ_i and d_{s∧w} = Σcos²θ_i. Optionally both
/// bases are turned by one Haar-random rotation of R^D, which leaves every angle (and every OLS risk) unchanged.
/// </summary>
/// <param name="Strong">U_s, D×d_s, orthonormal columns.</param>
/// <param name="Weak">U_w, D×d_w, orthonormal columns.</param>
public sealed record SubspacePair(Matrix<double> Strong, Matrix<double> Weak)
{
    /// <summary>d_{s∧w} = ‖U_sᵀU_w‖_F² of this pair.</summary>
    public double CorrelationDimension => IntrinsicDimension.CorrelationDimension.Between(Strong, Weak).Value;

    /// <summary>Builds the pair.</summary>
    /// <param name="dimension">D ≥ d_s + d_w.</param>
    /// <param name="strongDimension">d_s ≥ 1.</param>
    /// <param name="weakDimension">d_w ≥ 1.</param>
    /// <param name="cosines">cos θ_i, at most min(d_s, d_w) values, each in [0, 1].</param>
    /// <param name="rotation">If given, the stream of a Haar-random rotation applied to both bases.</param>
    /// <returns>The pair.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A size or cosine is out of range.</exception>
    public static SubspacePair WithCosines(
        int dimension, int strongDimension, int weakDimension, IReadOnlyList<double> cosines, Random? rotation = null)
    {
        Guard.Positive(strongDimension);
        Guard.Positive(weakDimension);
        Guard.AtLeast(dimension, strongDimension + weakDimension, "D >= d_s + d_w");
        Guard.NotNull(cosines);
        Guard.InRange(cosines.Count, 0, Math.Min(strongDimension, weakDimension), "at most min(d_s, d_w) cosines", nameof(cosines));
        foreach (var cosine in cosines)
        {
            Guard.InRange(cosine, 0.0, 1.0, nameof(cosines));
        }

        var strong = Matrix<double>.Build.Dense(dimension, strongDimension);
        for (var j = 0; j < strongDimension; j++)
        {
            strong[j, j] = 1.0;
        }

        var weak = Matrix<double>.Build.Dense(dimension, weakDimension);
        for (var i = 0; i < weakDimension; i++)
        {
            if (i < cosines.Count)
            {
                weak[i, i] = cosines[i];
                weak[strongDimension + i, i] = Math.Sqrt(Math.Max(0.0, 1.0 - (cosines[i] * cosines[i])));
            }
            else
            {
                weak[strongDimension + i, i] = 1.0;
            }
        }

        if (rotation is not null)
        {
            var q = rotation.NextOrthogonalMatrix(dimension);
            strong = q * strong;
            weak = q * weak;
        }

        return new SubspacePair(strong, weak);
    }
}
