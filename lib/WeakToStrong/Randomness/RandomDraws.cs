using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;
using WeakToStrong.Validation;

namespace WeakToStrong.Randomness;

/// <summary>
/// Random vectors, matrices and subspaces drawn from any <see cref="Random"/> (normally a
/// <see cref="RandomStream"/>). Gaussian draws use MathNet's <see cref="Normal"/> sampler (Marsaglia's polar
/// method) on the given stream, so a draw is a deterministic function of the stream's state. Matrices are filled
/// in column-major order.
/// </summary>
public static class RandomDraws
{
    /// <summary>One standard normal N(0, 1) sample.</summary>
    /// <param name="random">The random stream.</param>
    /// <returns>The sample.</returns>
    public static double NextGaussian(this Random random)
    {
        Guard.NotNull(random);
        return Normal.Sample(random, 0.0, 1.0);
    }

    /// <summary>A vector with i.i.d. N(0, σ²) entries.</summary>
    /// <param name="random">The random stream.</param>
    /// <param name="length">Number of entries, ≥ 0.</param>
    /// <param name="standardDeviation">σ, finite and ≥ 0.</param>
    /// <returns>The vector.</returns>
    public static Vector<double> NextGaussianVector(this Random random, int length, double standardDeviation = 1.0)
    {
        Guard.NotNull(random);
        Guard.NonNegative(length);
        Guard.NonNegative(standardDeviation);
        var values = new double[length];
        FillGaussian(random, values, standardDeviation);
        return Vector<double>.Build.Dense(values);
    }

    /// <summary>A <paramref name="rows"/>×<paramref name="columns"/> matrix with i.i.d. N(0, σ²) entries (a Gaussian design when rows are samples).</summary>
    /// <param name="random">The random stream.</param>
    /// <param name="rows">Number of rows, ≥ 0.</param>
    /// <param name="columns">Number of columns, ≥ 0.</param>
    /// <param name="standardDeviation">σ, finite and ≥ 0.</param>
    /// <returns>The matrix.</returns>
    public static Matrix<double> NextGaussianMatrix(this Random random, int rows, int columns, double standardDeviation = 1.0)
    {
        Guard.NotNull(random);
        Guard.NonNegative(rows);
        Guard.NonNegative(columns);
        Guard.NonNegative(standardDeviation);
        var values = new double[checked(rows * columns)];
        FillGaussian(random, values, standardDeviation);
        return Matrix<double>.Build.Dense(rows, columns, values);
    }

    /// <summary>A point uniformly distributed on the unit sphere S^{d−1} ⊂ ℝ^d: g/‖g‖ with g ~ N(0, I_d).</summary>
    /// <param name="random">The random stream.</param>
    /// <param name="dimension">d, ≥ 1.</param>
    /// <returns>A unit vector.</returns>
    public static Vector<double> NextUnitVector(this Random random, int dimension)
    {
        Guard.NotNull(random);
        Guard.Positive(dimension);
        while (true)
        {
            var g = random.NextGaussianVector(dimension);
            var norm = g.L2Norm();
            if (norm > 0)
            {
                return g / norm;
            }
        }
    }

    /// <summary>A <paramref name="count"/>×d matrix whose rows are i.i.d. uniform on S^{d−1} (e.g. random-feature weights w_i or inputs x ~ Unif(S^{d−1})).</summary>
    /// <param name="random">The random stream.</param>
    /// <param name="count">Number of points (rows), ≥ 0.</param>
    /// <param name="dimension">d, ≥ 1.</param>
    /// <returns>The matrix of unit rows.</returns>
    public static Matrix<double> NextUnitVectors(this Random random, int count, int dimension)
    {
        Guard.NotNull(random);
        Guard.NonNegative(count);
        Guard.Positive(dimension);
        var result = Matrix<double>.Build.Dense(count, dimension);
        for (var i = 0; i < count; i++)
        {
            result.SetRow(i, random.NextUnitVector(dimension));
        }

        return result;
    }

    /// <summary>A vector of i.i.d. Rademacher signs (±1 with probability ½ each).</summary>
    /// <param name="random">The random stream.</param>
    /// <param name="length">Number of entries, ≥ 0.</param>
    /// <returns>The sign vector.</returns>
    public static Vector<double> NextRademacherVector(this Random random, int length)
    {
        Guard.NotNull(random);
        Guard.NonNegative(length);
        var values = new double[length];
        for (var i = 0; i < length; i++)
        {
            values[i] = random.Next(2) == 0 ? -1.0 : 1.0;
        }

        return Vector<double>.Build.Dense(values);
    }

    /// <summary>
    /// A Haar-distributed (uniformly random) orthogonal d×d matrix: Q·diag(sign(diag R)) from the QR
    /// decomposition G = QR of a d×d Gaussian matrix (Mezzadri 2007; the sign fix makes the law exactly Haar).
    /// </summary>
    /// <param name="random">The random stream.</param>
    /// <param name="dimension">d, ≥ 1.</param>
    /// <returns>An orthogonal matrix (QᵀQ = I).</returns>
    public static Matrix<double> NextOrthogonalMatrix(this Random random, int dimension) =>
        random.NextOrthonormalFrame(dimension, dimension);

    /// <summary>
    /// A d×k matrix with orthonormal columns spanning a uniformly random k-dimensional subspace of ℝ^d
    /// (a Haar-distributed point of the Stiefel manifold): the thin QR factor of a d×k Gaussian matrix with the
    /// columns' signs fixed so that diag R &gt; 0.
    /// </summary>
    /// <param name="random">The random stream.</param>
    /// <param name="dimension">Ambient dimension d, ≥ 1.</param>
    /// <param name="rank">Subspace dimension k, 1 ≤ k ≤ d.</param>
    /// <returns>The orthonormal basis (UᵀU = I_k).</returns>
    public static Matrix<double> NextOrthonormalFrame(this Random random, int dimension, int rank)
    {
        Guard.NotNull(random);
        Guard.Positive(dimension);
        Guard.InRange(rank, 1, dimension);
        while (true)
        {
            var g = random.NextGaussianMatrix(dimension, rank);
            var qr = g.QR(QRMethod.Thin);
            var q = qr.Q;
            var r = qr.R;
            var degenerate = false;
            for (var j = 0; j < rank; j++)
            {
                var diagonal = r[j, j];
                if (diagonal == 0)
                {
                    degenerate = true; // probability zero; redraw
                    break;
                }

                if (diagonal < 0)
                {
                    q.SetColumn(j, -q.Column(j));
                }
            }

            if (!degenerate)
            {
                return q;
            }
        }
    }

    private static void FillGaussian(Random random, double[] values, double standardDeviation)
    {
        if (values.Length == 0)
        {
            return;
        }

        if (standardDeviation == 0)
        {
            Array.Clear(values);
            return;
        }

        Normal.Samples(random, values, 0.0, standardDeviation);
    }
}
