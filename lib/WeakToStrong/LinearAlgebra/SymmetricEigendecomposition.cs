using MathNet.Numerics.LinearAlgebra;
using WeakToStrong.Validation;

namespace WeakToStrong.LinearAlgebra;

/// <summary>
/// The eigendecomposition A = U diag(λ) Uᵀ of a real symmetric matrix, with eigenvalues sorted in
/// <b>descending</b> order (λ₁ ≥ λ₂ ≥ … ≥ λ_d, the convention of spectra and PCA; numpy's <c>eigh</c> sorts
/// ascending) and the columns of <see cref="Eigenvectors"/> the matching orthonormal eigenvectors.
/// </summary>
/// <param name="Eigenvalues">λ, descending.</param>
/// <param name="Eigenvectors">U (d×d, orthogonal); column k belongs to λ_k.</param>
public sealed record SymmetricEigendecomposition(Vector<double> Eigenvalues, Matrix<double> Eigenvectors)
{
    /// <summary>The dimension d.</summary>
    public int Dimension => Eigenvalues.Count;

    /// <summary>Decomposes a symmetric matrix (symmetric to a relative tolerance of 1e-10; it is symmetrised as (A + Aᵀ)/2 first).</summary>
    /// <param name="matrix">A, square, finite, symmetric.</param>
    /// <returns>The sorted decomposition.</returns>
    public static SymmetricEigendecomposition Of(Matrix<double> matrix)
    {
        Guard.Symmetric(matrix);
        var d = matrix.RowCount;
        if (d == 0)
        {
            return new SymmetricEigendecomposition(Vector<double>.Build.Dense(0), Matrix<double>.Build.Dense(0, 0));
        }

        // (A + Aᵀ)/2 and the descending reordering work on the column-major arrays directly: O(d²) copies that stay
        // small next to the O(d³) decomposition (dsyevd under the native provider).
        var entries = matrix.AsColumnMajorArray() ?? matrix.ToColumnMajorArray();
        var symmetricEntries = new double[d * d];
        for (var j = 0; j < d; j++)
        {
            for (var i = 0; i < d; i++)
            {
                symmetricEntries[(j * d) + i] = (entries[(j * d) + i] + entries[(i * d) + j]) * 0.5;
            }
        }

        var symmetric = Matrix<double>.Build.Dense(d, d, symmetricEntries);
        var evd = symmetric.Evd(Symmetricity.Symmetric);
        var values = evd.EigenValues.Select(c => c.Real).ToArray();
        var order = Enumerable.Range(0, d).OrderByDescending(k => values[k]).ThenBy(k => k).ToArray();
        var sortedValues = Vector<double>.Build.Dense(d, k => values[order[k]]);
        var vectors = evd.EigenVectors.AsColumnMajorArray() ?? evd.EigenVectors.ToColumnMajorArray();
        var sortedEntries = new double[d * d];
        for (var k = 0; k < d; k++)
        {
            Array.Copy(vectors, order[k] * d, sortedEntries, k * d, d);
        }

        var sortedVectors = Matrix<double>.Build.Dense(d, d, sortedEntries);
        return new SymmetricEigendecomposition(sortedValues, sortedVectors);
    }

    /// <summary>U diag(f(λ)) Uᵀ: the matrix function f(A) (e.g. <c>Apply(Math.Sqrt)</c> for A^{1/2} of a PSD matrix).</summary>
    /// <param name="function">f, applied to each eigenvalue.</param>
    /// <returns>The d×d matrix f(A).</returns>
    public Matrix<double> Apply(Func<double, double> function)
    {
        Guard.NotNull(function);
        var scaled = Eigenvectors.Clone();
        for (var k = 0; k < Dimension; k++)
        {
            scaled.SetColumn(k, Eigenvectors.Column(k) * function(Eigenvalues[k]));
        }

        return scaled * Eigenvectors.Transpose();
    }

    /// <summary>U diag(λ) Uᵀ, the original matrix up to rounding.</summary>
    /// <returns>The reconstructed matrix.</returns>
    public Matrix<double> Reconstruct() => Apply(static x => x);
}
