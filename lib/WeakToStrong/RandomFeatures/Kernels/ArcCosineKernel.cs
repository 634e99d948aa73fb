using MathNet.Numerics.LinearAlgebra;
using WeakToStrong.Validation;

namespace WeakToStrong.RandomFeatures;

/// <summary>
/// The degree-1 arc-cosine kernel and the exact population Gram matrices of ReLU random features on the sphere
/// (the ReLU random features of Medvedev et al. 2025, arXiv:2503.02877, with inputs and weights on the sphere). With x
/// uniform on S^(d−1) and φ_w(x) = relu(w·x) for unit w,
/// E_x[φ_w(x) φ_u(x)] = k1(w·u) / d, where k1(ρ) = (√(1 − ρ²) + (π − arccos ρ) ρ) / (2π).
/// </summary>
public static class ArcCosineKernel
{
    /// <summary>Rounding slack allowed outside [−1, 1] for a cosine; such values are clamped onto the interval.</summary>
    public const double CosineTolerance = 1e-12;

    /// <summary>
    /// k1(ρ) = (√(1 − ρ²) + (π − arccos ρ) ρ) / (2π) for a cosine ρ ∈ [−1, 1].
    /// k1(1) = 1/2, k1(0) = 1/(2π), k1(−1) = 0. It equals E_{g∼N(0,I)}[relu(g·w) relu(g·u)] for unit w, u with w·u = ρ.
    /// </summary>
    /// <param name="cosine">ρ, the cosine between two unit weight vectors; values within 1e-12 outside [−1, 1] are clamped.</param>
    public static double K1(double cosine)
    {
        Guard.InInterval(cosine, -1 - CosineTolerance, 1 + CosineTolerance, "a cosine ρ");
        return K1Unchecked(Math.Clamp(cosine, -1.0, 1.0));
    }

    internal static double K1Unchecked(double rho) =>
        (Math.Sqrt((1 - rho) * (1 + rho)) + (Math.PI - Math.Acos(rho)) * rho) / (2 * Math.PI);

    /// <summary>
    /// The exact population Gram matrix G_ij = E_x[relu(w_i·x) relu(w_j·x)] = k1(w_i·w_j)/d of ReLU features with
    /// unit weight rows w_i, for x uniform on S^(d−1). The diagonal is exactly k1(1)/d = 1/(2d).
    /// </summary>
    /// <param name="weights">M × d matrix whose rows are unit vectors (validated to |‖w‖² − 1| ≤ 1e-10).</param>
    public static Matrix<double> Gram(Matrix<double> weights)
    {
        Guard.UnitRows(weights);
        Guard.AtLeast(weights.ColumnCount, 2, "the sphere S^(d−1) needs an input dimension d >= 2", nameof(weights) + ".ColumnCount");
        var cosines = Cosines(weights);
        return ApplyScaled(cosines, weights.ColumnCount);
    }

    /// <summary>
    /// The exact population cross-Gram C_ij = E_x[relu(u_i·x) relu(w_j·x)] = k1(u_i·w_j)/d between ReLU features with
    /// unit weight rows u_i (e.g. a student) and w_j (e.g. a teacher), x uniform on S^(d−1).
    /// </summary>
    /// <param name="rowWeights">M_S × d matrix of unit rows u_i.</param>
    /// <param name="columnWeights">M × d matrix of unit rows w_j, same d.</param>
    public static Matrix<double> CrossGram(Matrix<double> rowWeights, Matrix<double> columnWeights)
    {
        Guard.UnitRows(rowWeights);
        Guard.UnitRows(columnWeights);
        Guard.AtLeast(rowWeights.ColumnCount, 2, "the sphere S^(d−1) needs an input dimension d >= 2", nameof(rowWeights) + ".ColumnCount");
        if (columnWeights.ColumnCount != rowWeights.ColumnCount)
        {
            throw new ArgumentException(
                $"{nameof(columnWeights)} has {columnWeights.ColumnCount} columns but {nameof(rowWeights)} has {rowWeights.ColumnCount}: both must have the input dimension d columns.",
                nameof(columnWeights));
        }

        var cosines = rowWeights.TransposeAndMultiply(columnWeights);
        return ApplyScaled(cosines, rowWeights.ColumnCount);
    }

    /// <summary>WWᵀ for unit rows, with the diagonal set to exactly 1 and entries clamped onto [−1, 1].</summary>
    internal static Matrix<double> Cosines(Matrix<double> weights)
    {
        var cosines = weights.TransposeAndMultiply(weights);
        for (var i = 0; i < cosines.RowCount; i++)
        {
            cosines[i, i] = 1.0;
        }

        cosines.MapInplace(r => Math.Clamp(r, -1.0, 1.0));
        return cosines;
    }

    private static Matrix<double> ApplyScaled(Matrix<double> cosines, int dimension)
    {
        var d = (double)dimension;
        return cosines.Map(r => K1Unchecked(Math.Clamp(r, -1.0, 1.0)) / d);
    }
}
