using System.Reflection;
using MathNet.Numerics.Providers.LinearAlgebra;

namespace WeakToStrong.LinearAlgebra;

/// <summary>
/// Which linear-algebra provider MathNet.Numerics is using (managed C#, or a native BLAS/LAPACK such as MKL or
/// OpenBLAS once one is configured). Notebooks print <see cref="Describe"/> in their setup cell, because the
/// provider changes speed (and, in the last bits, rounding) but never the calling code.
/// </summary>
public static class LinearAlgebraBackend
{
    /// <summary>The provider's own name, e.g. "Managed".</summary>
    public static string ProviderName => LinearAlgebraControl.Provider.ToString() ?? "unknown";

    /// <summary>The MathNet.Numerics package version, e.g. "5.0.0".</summary>
    public static string MathNetVersion
    {
        get
        {
            var assembly = typeof(LinearAlgebraControl).Assembly;
            var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
            var version = informational ?? assembly.GetName().Version?.ToString(3) ?? "unknown";
            var plus = version.IndexOf('+', StringComparison.Ordinal);
            return plus >= 0 ? version[..plus] : version;
        }
    }

    /// <summary>One line for a notebook's setup cell, e.g. "Managed (MathNet.Numerics 5.0.0)".</summary>
    /// <returns>The description.</returns>
    public static string Describe() => $"{ProviderName} (MathNet.Numerics {MathNetVersion})";
}
