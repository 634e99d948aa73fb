using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.CompilerServices;
using MathNet.Numerics.Providers.LinearAlgebra;
using WeakToStrong.LinearAlgebra.Native;

namespace WeakToStrong.LinearAlgebra;

/// <summary>
/// Which linear-algebra provider MathNet.Numerics is using, and its selection. When the library is loaded (a module
/// initializer: the first use of any WeakToStrong type, in a program, a test run or a notebook that loads the DLL
/// by path) the native provider over the system BLAS/LAPACK (<see cref="NativeLinearAlgebraProvider"/>) is
/// installed in <see cref="LinearAlgebraControl.Provider"/> if a library is found, and MathNet's managed provider is
/// kept otherwise, with no error. The environment variable <see cref="EnvironmentVariable"/> = <c>managed</c>
/// forces the managed provider. Notebooks print <see cref="Describe"/> in their setup cell, because the provider
/// changes speed (and, in the last bits, rounding) but never the calling code.
/// </summary>
public static class LinearAlgebraBackend
{
    /// <summary>The environment variable that selects the provider: <c>managed</c>, or <c>native</c>/<c>auto</c>/unset (native when available).</summary>
    public const string EnvironmentVariable = "WEAK_TO_STRONG_LINEAR_ALGEBRA";

    private static readonly Lazy<(NativeLinearAlgebraProvider? Provider, string Attempts)> NativeLoad = new(() =>
    {
        var provider = NativeLinearAlgebraProvider.TryCreate(out var attempts);
        return (provider, attempts);
    });

    private static string _selectionNote = "";

    /// <summary>The native provider over the system BLAS/LAPACK, or null when no library was found (loaded once, on first use).</summary>
    public static NativeLinearAlgebraProvider? Native => NativeLoad.Value.Provider;

    /// <summary>Whether MathNet currently computes through <see cref="NativeLinearAlgebraProvider"/>.</summary>
    public static bool IsNative => LinearAlgebraControl.Provider is NativeLinearAlgebraProvider;

    /// <summary>The provider's own name, e.g. "Managed" or "Native OpenBLAS 0.3.21 (libopenblas.so.0, 1 thread)".</summary>
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

    /// <summary>
    /// One line for a notebook's setup cell, e.g. "Native OpenBLAS 0.3.21 (libopenblas.so.0, 1 thread; MathNet.Numerics
    /// 5.0.0)" or "Managed (MathNet.Numerics 5.0.0)", followed by why the managed provider is in use when a native one
    /// was asked for or looked for and not found.
    /// </summary>
    /// <returns>The description.</returns>
    public static string Describe()
    {
        if (LinearAlgebraControl.Provider is NativeLinearAlgebraProvider native)
        {
            var threads = native.Threads is { } t ? $", {t} thread{(t == 1 ? "" : "s")}" : "";
            return $"Native {native.Vendor} ({native.Files}{threads}; MathNet.Numerics {MathNetVersion})";
        }

        return $"{ProviderName} (MathNet.Numerics {MathNetVersion}{_selectionNote})";
    }

    /// <summary>Installs the native provider if a BLAS/LAPACK library is available.</summary>
    /// <returns>True if the native provider is now in use; false (managed unchanged) if no library was found.</returns>
    public static bool UseNative()
    {
        if (Native is not { } native)
        {
            _selectionNote = $"; no native BLAS/LAPACK found: {NativeLoad.Value.Attempts}";
            return false;
        }

        LinearAlgebraControl.Provider = native;
        _selectionNote = "";
        return true;
    }

    /// <summary>Installs MathNet's managed provider.</summary>
    public static void UseManaged()
    {
        LinearAlgebraControl.Provider = ManagedLinearAlgebraProvider.Instance;
        _selectionNote = "";
    }

    /// <summary>
    /// The selection made when the library loads: <see cref="UseManaged"/> if <see cref="EnvironmentVariable"/> is
    /// <c>managed</c>, otherwise <see cref="UseNative"/> (which keeps managed when no library is found). An unknown
    /// value keeps the managed provider and says so in <see cref="Describe"/>.
    /// </summary>
    /// <param name="setting">The environment variable's value (null when unset).</param>
    public static void Select(string? setting)
    {
        switch (setting?.Trim().ToLowerInvariant())
        {
            case null or "" or "auto" or "native":
                UseNative();
                break;
            case "managed":
                UseManaged();
                _selectionNote = $"; {EnvironmentVariable}=managed";
                break;
            default:
                UseManaged();
                _selectionNote = $"; {EnvironmentVariable}={setting} is not one of managed, native, auto";
                break;
        }
    }

    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255:The 'ModuleInitializer' attribute should not be used in libraries", Justification = "The provider must be chosen deterministically before the first MathNet call, also in notebooks that load the DLL by path and call MathNet directly after touching any library type.")]
    internal static void SelectWhenLoaded() => Select(Environment.GetEnvironmentVariable(EnvironmentVariable));
}
