using System.Diagnostics;
using System.Text.Json;

namespace NotebookEngine.Kernel;

/// <summary>
/// The pinned .NET Interactive kernel: the <c>Microsoft.dotnet-interactive</c> tool of the repository's local tool
/// manifest (<c>.config/dotnet-tools.json</c>), the very program that Polyglot Notebooks in VS Code and the .NET Jupyter
/// kernel run. <see cref="EnsureRestoredAsync"/> runs <c>dotnet tool restore</c> when the pinned version is not in the
/// NuGet packages folder yet; <see cref="StdioCommand"/> and <see cref="JupyterArguments"/> start it.
/// </summary>
public sealed class KernelTool
{
    /// <summary>The tool's package id, as the manifest spells it.</summary>
    public const string PackageId = "microsoft.dotnet-interactive";

    /// <summary>The command the tool installs.</summary>
    public const string CommandName = "dotnet-interactive";

    /// <summary>The manifest's path relative to the repository root.</summary>
    public static readonly string ManifestRelativePath = Path.Combine(".config", "dotnet-tools.json");

    private readonly SemaphoreSlim _restoreGate = new(1, 1);
    private bool _restored;

    private KernelTool(string repositoryRoot, string version)
    {
        RepositoryRoot = repositoryRoot;
        Version = version;
    }

    /// <summary>The folder holding <c>.config/dotnet-tools.json</c>; <c>dotnet tool run</c> starts there.</summary>
    public string RepositoryRoot { get; }

    /// <summary>The pinned tool version, e.g. <c>1.0.712001</c>.</summary>
    public string Version { get; }

    /// <summary>The tool's entry assembly in the NuGet packages folder (present once restored).</summary>
    public string EntryAssemblyPath =>
        Path.Combine(NuGetPackagesFolder(), PackageId, Version, "tools", "net10.0", "any", "Microsoft.DotNet.Interactive.App.dll");

    /// <summary>Reads the pinned version from <c>.config/dotnet-tools.json</c> under <paramref name="repositoryRoot"/>.</summary>
    /// <exception cref="KernelStartException">The manifest is missing, malformed, or does not pin the tool.</exception>
    public static KernelTool FromRepository(string repositoryRoot)
    {
        var root = Path.GetFullPath(repositoryRoot);
        var manifest = Path.Combine(root, ManifestRelativePath);
        if (!File.Exists(manifest))
        {
            throw new KernelStartException($"The kernel's tool manifest {manifest} does not exist; it pins {PackageId} (see README, Troubleshooting).");
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(manifest));
            foreach (var tool in document.RootElement.GetProperty("tools").EnumerateObject())
            {
                if (string.Equals(tool.Name, PackageId, StringComparison.OrdinalIgnoreCase)
                    && tool.Value.TryGetProperty("version", out var version) && version.ValueKind == JsonValueKind.String
                    && !string.IsNullOrWhiteSpace(version.GetString()))
                {
                    return new KernelTool(root, version.GetString()!);
                }
            }
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new KernelStartException($"{manifest}: not a dotnet tool manifest ({e.Message}).");
        }

        throw new KernelStartException($"{manifest} does not pin {PackageId} (expected \"tools\": {{ \"{PackageId}\": {{ \"version\": ... }} }}).");
    }

    /// <summary>Runs <c>dotnet tool restore</c> in <see cref="RepositoryRoot"/> unless the pinned version is already restored (once per instance).</summary>
    /// <exception cref="KernelStartException">The restore failed; the message carries dotnet's output.</exception>
    public async Task EnsureRestoredAsync(CancellationToken cancellationToken = default)
    {
        await _restoreGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_restored || File.Exists(EntryAssemblyPath))
            {
                _restored = true;
                return;
            }

            var (exitCode, output) = await RunDotnetAsync(["tool", "restore"], cancellationToken).ConfigureAwait(false);
            if (exitCode != 0 || !File.Exists(EntryAssemblyPath))
            {
                throw new KernelStartException(
                    $"dotnet tool restore in {RepositoryRoot} failed (exit code {exitCode}); {PackageId} {Version} is needed to run notebooks:{Environment.NewLine}{output.Trim()}");
            }

            _restored = true;
        }
        finally
        {
            _restoreGate.Release();
        }
    }

    /// <summary>
    /// The command line that starts the kernel over stdio, as the VS Code extension does: <c>dotnet tool run
    /// dotnet-interactive -- stdio --default-kernel csharp --working-dir DIR</c>, run from <see cref="RepositoryRoot"/>
    /// (each element is one argument; a path with spaces is quoted, as StdIoKernelConnector joins them with spaces).
    /// </summary>
    /// <param name="workingDirectory">The kernel's working directory: the notebook's folder, the base of relative <c>#r</c> paths.</param>
    public IReadOnlyList<string> StdioCommand(string workingDirectory) =>
        ["dotnet", "tool", "run", CommandName, "--", "stdio", "--default-kernel", "csharp", "--working-dir", Quote(Path.GetFullPath(workingDirectory))];

    /// <summary>
    /// The argv of a Jupyter kernelspec that runs this tool version: <c>dotnet ENTRY.dll jupyter --default-kernel csharp
    /// {connection_file} --http-port-range 2048-3000 --http-local-only</c>. It names the restored entry assembly, because
    /// Jupyter starts kernels in the notebook's folder, where <c>dotnet tool run</c> may not find the manifest; the kernel's
    /// HTTP server listens on loopback only.
    /// </summary>
    public IReadOnlyList<string> JupyterArguments() =>
        ["dotnet", EntryAssemblyPath, "jupyter", "--default-kernel", "csharp", "{connection_file}", "--http-port-range", "2048-3000", "--http-local-only"];

    private static string Quote(string argument) =>
        argument.Length > 0 && !argument.Any(c => char.IsWhiteSpace(c) || c == '"') ? argument : "\"" + argument.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static string NuGetPackagesFolder()
    {
        var configured = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured);
        }

        return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
    }

    private async Task<(int ExitCode, string Output)> RunDotnetAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start) ?? throw new KernelStartException("Could not start dotnet (is the .NET SDK on PATH?).");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        return (process.ExitCode, await stdout.ConfigureAwait(false) + await stderr.ConfigureAwait(false));
    }
}
