using MathNet.Numerics.LinearAlgebra;
using WeakToStrong.Validation;

namespace WeakToStrong.RandomFeatures;

/// <summary>
/// The normalised Legendre (Gegenbauer) polynomials P_k of dimension d, the harmonic basis of the ReLU kernel on the
/// sphere (see <see cref="ReluSphereSpectrum"/>): P_k(1) = 1, orthogonal
/// under the law of t = w·x on S^(d−1) (density ∝ (1 − t²)^((d−3)/2)), with E[P_k(t)²] = 1/N_k. Computed by the
/// three-term recurrence P_0 = 1, P_1 = ρ, (k + d − 2) P_(k+1) = (2k + d − 2) ρ P_k − k P_(k−1).
/// For d = 3 these are the ordinary Legendre polynomials, for d = 2 the Chebyshev polynomials T_k.
/// </summary>
public static class SphericalLegendre
{
    /// <summary>P_k(ρ) in dimension d.</summary>
    /// <param name="degree">k ≥ 0.</param>
    /// <param name="dimension">d ≥ 2.</param>
    /// <param name="cosine">ρ ∈ [−1, 1] (1e-12 rounding slack is clamped).</param>
    public static double Value(int degree, int dimension, double cosine) => Values(degree, dimension, cosine)[degree];

    /// <summary>P_0(ρ), …, P_K(ρ) in dimension d, one recurrence pass.</summary>
    /// <param name="maxDegree">K ≥ 0, the largest degree returned.</param>
    /// <param name="dimension">d ≥ 2.</param>
    /// <param name="cosine">ρ ∈ [−1, 1] (1e-12 rounding slack is clamped).</param>
    public static double[] Values(int maxDegree, int dimension, double cosine)
    {
        Guard.AtLeast(maxDegree, 0, "the largest harmonic degree K");
        Guard.AtLeast(dimension, 2, "the sphere S^(d−1) needs an input dimension d >= 2", nameof(dimension));
        Guard.InInterval(cosine, -1 - ArcCosineKernel.CosineTolerance, 1 + ArcCosineKernel.CosineTolerance, "a cosine ρ");
        var rho = Math.Clamp(cosine, -1.0, 1.0);
        var p = new double[maxDegree + 1];
        p[0] = 1.0;
        if (maxDegree >= 1)
        {
            p[1] = rho;
        }

        for (var k = 1; k < maxDegree; k++)
        {
            p[k + 1] = ((2.0 * k + dimension - 2) * rho * p[k] - k * p[k - 1]) / (k + dimension - 2.0);
        }

        return p;
    }

    /// <summary>
    /// The quadratic forms q_k = aᵀ P_k(R) a for k = 0, …, K, where P_k acts entrywise on the symmetric cosine matrix R
    /// (e.g. R = WWᵀ for unit weight rows). One vectorised recurrence pass over the upper triangle of R, O(K M²) work and
    /// O(M²) memory (the teacher's degree-k mass is μ_k² N_k aᵀP_k(WWᵀ)a, see <see cref="ReluTeacher"/>).
    /// </summary>
    /// <param name="cosines">Symmetric M × M matrix with entries in [−1, 1] (1e-12 slack clamped).</param>
    /// <param name="coefficients">The vector a, length M.</param>
    /// <param name="dimension">d ≥ 2.</param>
    /// <param name="maxDegree">K ≥ 0.</param>
    public static double[] QuadraticForms(Matrix<double> cosines, Vector<double> coefficients, int dimension, int maxDegree)
    {
        Guard.NotNull(cosines);
        Guard.NotNull(coefficients);
        Guard.AtLeast(dimension, 2, "the sphere S^(d−1) needs an input dimension d >= 2", nameof(dimension));
        Guard.AtLeast(maxDegree, 0, "the largest harmonic degree K");
        var m = cosines.RowCount;
        if (cosines.ColumnCount != m)
        {
            throw new ArgumentException($"{nameof(cosines)} is {m} × {cosines.ColumnCount}: it must be square.", nameof(cosines));
        }

        if (coefficients.Count != m)
        {
            throw new ArgumentException(
                $"{nameof(coefficients)} has length {coefficients.Count} but {nameof(cosines)} is {m} × {m}: the lengths must match.",
                nameof(coefficients));
        }

        Guard.AllFinite(cosines);
        for (var i = 0; i < m; i++)
        {
            Guard.Finite(coefficients[i], nameof(coefficients));
        }

        // Upper triangle (i <= j) packed row by row; off-diagonal entries count twice in aᵀPa.
        var count = m * (m + 1) / 2;
        var rho = new double[count];
        var weight = new double[count];
        var index = 0;
        for (var i = 0; i < m; i++)
        {
            for (var j = i; j < m; j++)
            {
                var r = cosines[i, j];
                var slack = ArcCosineKernel.CosineTolerance;
                if (r < -1 - slack || r > 1 + slack || Math.Abs(r - cosines[j, i]) > slack)
                {
                    throw new ArgumentOutOfRangeException(nameof(cosines), r,
                        $"{nameof(cosines)}[{i}, {j}] = {Guard.Show(r)} (transpose entry {Guard.Show(cosines[j, i])}): the cosine matrix must be symmetric with entries in [−1, 1].");
                }

                rho[index] = Math.Clamp(r, -1.0, 1.0);
                weight[index] = (i == j ? 1.0 : 2.0) * coefficients[i] * coefficients[j];
                index++;
            }
        }

        var forms = new double[maxDegree + 1];
        var previous = new double[count];
        var current = new double[count];
        Array.Fill(previous, 1.0); // P_0
        forms[0] = Sum(weight, previous);
        if (maxDegree == 0)
        {
            return forms;
        }

        Array.Copy(rho, current, count); // P_1
        forms[1] = Sum(weight, current);
        for (var k = 1; k < maxDegree; k++)
        {
            var a = (2.0 * k + dimension - 2) / (k + dimension - 2.0);
            var b = k / (k + dimension - 2.0);
            var form = 0.0;
            for (var n = 0; n < count; n++)
            {
                var next = a * rho[n] * current[n] - b * previous[n];
                previous[n] = next; // previous now holds P_(k+1); swap below
                form += weight[n] * next;
            }

            (previous, current) = (current, previous);
            forms[k + 1] = form;
        }

        return forms;
    }

    private static double Sum(double[] weight, double[] values)
    {
        var s = 0.0;
        for (var n = 0; n < weight.Length; n++)
        {
            s += weight[n] * values[n];
        }

        return s;
    }
}
