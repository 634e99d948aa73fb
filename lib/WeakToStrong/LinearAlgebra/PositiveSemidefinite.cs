using System.Globalization;
using MathNet.Numerics.LinearAlgebra;

namespace WeakToStrong.LinearAlgebra;

/// <summary>Shared check that an eigen-spectrum is positive semidefinite up to rounding.</summary>
internal static class PositiveSemidefinite
{
    /// <summary>
    /// Eigenvalues down to −d·ε·max|λ| (rounding of a PSD matrix) are accepted; anything more negative is rejected.
    /// Returns the zero threshold d·ε·max|λ|: eigenvalues at or below it are numerically zero.
    /// </summary>
    public static double CheckAndThreshold(Vector<double> eigenvalues, string parameterName)
    {
        if (eigenvalues.Count == 0)
        {
            return 0.0;
        }

        var scale = eigenvalues.Select(Math.Abs).Max();
        var threshold = Math.Max(eigenvalues.Count, 1) * ThinSvd.MachineEpsilon * scale * 10;
        var smallest = eigenvalues.Minimum();
        if (smallest < -threshold)
        {
            throw new ArgumentException(
                $"{parameterName} is not positive semidefinite: its smallest eigenvalue is {smallest.ToString("G6", CultureInfo.InvariantCulture)} (largest |eigenvalue| {scale.ToString("G6", CultureInfo.InvariantCulture)}); expected all eigenvalues >= -{threshold.ToString("G3", CultureInfo.InvariantCulture)} (rounding).",
                parameterName);
        }

        return threshold;
    }
}
