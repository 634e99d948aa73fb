using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;

namespace WeakToStrong.Hosting;

/// <summary>
/// Lets Plotly.NET run in a host that has already loaded an older FSharp.Core of the same major version, as the last
/// .NET Interactive kernel does. Plotly.NET 6.0.0 and Plotly.NET.CSharp 0.14.0 are compiled against FSharp.Core
/// 10.1.403 (assembly version 10.1.0.0); the kernel (tool <c>Microsoft.dotnet-interactive</c> 1.0.712001, which Polyglot
/// Notebooks and the .NET Jupyter kernel run) loads its own FSharp.Core 10.0.103 (assembly version 10.0.0.0) before any
/// cell runs, and the runtime will not load a second copy into the same load context, so the first chart fails with
/// <c>FileNotFoundException: Could not load file or assembly 'FSharp.Core, Version=10.1.0.0'</c>.
/// </summary>
/// <remarks>
/// <para>
/// When the library is loaded (a module initializer: the first use of any WeakToStrong type, which every notebook's
/// setup cell makes) a handler is added to <see cref="AssemblyLoadContext.Resolving"/> of the default load context and
/// of the context the library itself was loaded into. The runtime calls it only after its own probing failed, so in a
/// host whose FSharp.Core is new enough it never runs. When it runs for an FSharp.Core request it answers with the
/// FSharp.Core already loaded in the process, provided that assembly has the requested major version (FSharp.Core keeps
/// binary compatibility within a major version for the members Plotly.NET uses); otherwise it declines and the
/// original error surfaces. Any later cell, including a reader's own <c>Chart.Point(...)</c>, benefits, because the
/// handler is process-wide. Installing is idempotent and thread-safe.
/// </para>
/// <para>Notebooks print <see cref="Describe"/> in their setup cell so a reader sees which FSharp.Core charts use.</para>
/// </remarks>
public static class FSharpCoreBinding
{
    private const string FSharpCoreName = "FSharp.Core";
    private static readonly object Gate = new();
    private static bool _installed;

    /// <summary>Whether the handler is installed (true once the library is loaded, unless <see cref="Install"/> failed).</summary>
    public static bool IsInstalled
    {
        get
        {
            lock (Gate)
            {
                return _installed;
            }
        }
    }

    /// <summary>The FSharp.Core assembly loaded in the process (the highest version when several are), or null if none is loaded yet.</summary>
    public static Assembly? LoadedFSharpCore =>
        AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => string.Equals(a.GetName().Name, FSharpCoreName, StringComparison.Ordinal))
            .OrderByDescending(a => a.GetName().Version)
            .FirstOrDefault();

    /// <summary>The FSharp.Core assembly version Plotly.NET was compiled against (10.1.0.0 for Plotly.NET 6.0.0).</summary>
    public static Version? RequiredByPlotly =>
        typeof(Plotly.NET.GenericChart).Assembly.GetReferencedAssemblies()
            .FirstOrDefault(a => string.Equals(a.Name, FSharpCoreName, StringComparison.Ordinal))?.Version;

    /// <summary>
    /// One line for a setup cell. In kernel 1.0.712001: "FSharp.Core 10.0.0.0 (package 10.0.103) loaded by the host, Plotly.NET
    /// asks for 10.1.0.0: bound to the loaded copy"; where the host's copy is new enough: "FSharp.Core 10.1.0.0
    /// (package 10.1.403), as Plotly.NET asks".
    /// </summary>
    /// <returns>The description.</returns>
    public static string Describe()
    {
        var required = RequiredByPlotly;
        var loaded = LoadedFSharpCore;
        if (loaded is null)
        {
            return $"FSharp.Core not loaded yet (Plotly.NET asks for {required})";
        }

        var version = loaded.GetName().Version;
        var package = PackageVersion(loaded);
        var text = $"FSharp.Core {version}" + (package is null ? "" : $" (package {package})");
        if (required is null || version is null || version >= required)
        {
            return $"{text}, as Plotly.NET asks";
        }

        return version.Major == required.Major && IsInstalled
            ? $"{text} loaded by the host, Plotly.NET asks for {required}: bound to the loaded copy"
            : $"{text} loaded by the host, Plotly.NET asks for {required}: charts will fail (different major version)";
    }

    /// <summary>Adds the resolving handler to the default load context and to the library's own (no effect when already added).</summary>
    public static void Install()
    {
        lock (Gate)
        {
            if (_installed)
            {
                return;
            }

            AssemblyLoadContext.Default.Resolving += Resolve;
            var own = AssemblyLoadContext.GetLoadContext(typeof(FSharpCoreBinding).Assembly);
            if (own is not null && own != AssemblyLoadContext.Default)
            {
                own.Resolving += Resolve;
            }

            _installed = true;
        }
    }

    /// <summary>
    /// The answer the handler gives: the loaded FSharp.Core for a request of FSharp.Core with the same major version
    /// (the requested version may be higher), null for anything else.
    /// </summary>
    /// <param name="requested">The requested assembly name.</param>
    /// <param name="loaded">The FSharp.Core already loaded, or null.</param>
    /// <returns>The assembly to bind the request to, or null to decline.</returns>
    public static Assembly? Choose(AssemblyName requested, Assembly? loaded)
    {
        ArgumentNullException.ThrowIfNull(requested);
        if (loaded is null || !string.Equals(requested.Name, FSharpCoreName, StringComparison.Ordinal))
        {
            return null;
        }

        var have = loaded.GetName().Version;
        var want = requested.Version;
        if (have is null || want is null || have.Major != want.Major)
        {
            return null;
        }

        return loaded;
    }

    private static Assembly? Resolve(AssemblyLoadContext context, AssemblyName requested) => Choose(requested, LoadedFSharpCore);

    private static string? PackageVersion(Assembly assembly)
    {
        // The informational version is the package version, possibly followed by "+<commit>".
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        var plus = informational?.IndexOf('+', StringComparison.Ordinal) ?? -1;
        return plus >= 0 ? informational![..plus] : informational;
    }

    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255:The 'ModuleInitializer' attribute should not be used in libraries", Justification = "Charts must work in the .NET Interactive kernel from the first cell after the setup cell, including a reader's own Plotly.NET cells, with no line to copy.")]
    internal static void InstallWhenLoaded() => Install();
}
