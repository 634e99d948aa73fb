using System.Diagnostics;

namespace NotebookEngine.Kernel;

/// <summary>
/// The pinned .NET Interactive kernel: the <c>Microsoft.dotnet-interactive</c> global tool at the version in
/// <c>environment/dotnet-interactive.version</c>, installed as users install it for Jupyter
/// (<c>dotnet tool install --global Microsoft.dotnet-interactive --version …</c>), the very program that Polyglot
/// Notebooks in VS Code and the .NET Jupyter kernel run. No local tool manifest pins it, so the tests run the kernel a
/// user has. <see cref="EnsureRestoredAsync"/> installs that version when it is missing; <see cref="StdioCommand"/> and
/// <see cref="JupyterArguments"/> start its entry assembly, so the version run is the pinned one.
/// </summary>
public sealed class KernelTool
{
    /// <summary>The tool's package id.</summary>
    public const string PackageId = "microsoft.dotnet-interactive";

    /// <summary>The command the tool installs.</summary>
    public const string CommandName = "dotnet-interactive";

    /// <summary>The version file's path relative to the repository root.</summary>
    public static readonly string VersionFileRelativePath = Path.Combine("environment", "dotnet-interactive.version");

    private readonly SemaphoreSlim _restoreGate = new(1, 1);
    private bool _restored;

    private KernelTool(string repositoryRoot, string version)
    {
        RepositoryRoot = repositoryRoot;
        Version = version;
    }

    /// <summary>The repository's root folder (holding <c>environment/dotnet-interactive.version</c>).</summary>
    public string RepositoryRoot { get; }

    /// <summary>The pinned tool version, e.g. <c>1.0.712001</c>.</summary>
    public string Version { get; }

    /// <summary>
    /// The folder of global .NET tools: <c>$DOTNET_CLI_HOME/.dotnet/tools</c> when <c>DOTNET_CLI_HOME</c> is set,
    /// else <c>~/.dotnet/tools</c>, where <c>dotnet tool install --global</c> puts them.
    /// </summary>
    public static string GlobalToolsFolder
    {
        get
        {
            var home = Environment.GetEnvironmentVariable("DOTNET_CLI_HOME");
            return Path.Combine(string.IsNullOrWhiteSpace(home) ? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) : home, ".dotnet", "tools");
        }
    }

    /// <summary>The pinned version's entry assembly in the global tools' store (present once installed).</summary>
    public string EntryAssemblyPath =>
        Path.Combine(GlobalToolsFolder, ".store", PackageId, Version, PackageId, Version, "tools", "net10.0", "any", "Microsoft.DotNet.Interactive.App.dll");

    /// <summary>Reads the pinned version from <c>environment/dotnet-interactive.version</c> under <paramref name="repositoryRoot"/>.</summary>
    /// <exception cref="KernelStartException">The file is missing or does not hold a version.</exception>
    public static KernelTool FromRepository(string repositoryRoot)
    {
        var root = Path.GetFullPath(repositoryRoot);
        var file = Path.Combine(root, VersionFileRelativePath);
        if (!File.Exists(file))
        {
            throw new KernelStartException($"The kernel's version file {file} does not exist; it pins {PackageId} (see README, Pinning or updating the kernel).");
        }

        var version = File.ReadAllText(file).Trim();
        if (version.Length == 0 || version.Any(c => !(char.IsAsciiDigit(c) || c == '.' || c == '-' || char.IsAsciiLetter(c))))
        {
            throw new KernelStartException($"{file} holds \"{version}\"; expected one version of {PackageId}, e.g. 1.0.712001.");
        }

        return new KernelTool(root, version);
    }

    /// <summary>
    /// Installs the pinned version as a global tool (<c>dotnet tool update --global … --version V --allow-downgrade</c>,
    /// which installs it, or replaces another installed version) unless it is installed already (checked once per instance).
    /// </summary>
    /// <exception cref="KernelStartException">The installation failed; the message carries dotnet's output.</exception>
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

            var (exitCode, output) = await RunDotnetAsync(["tool", "update", "--global", PackageId, "--version", Version, "--allow-downgrade"], cancellationToken).ConfigureAwait(false);
            if (exitCode != 0 || !File.Exists(EntryAssemblyPath))
            {
                throw new KernelStartException(
                    $"dotnet tool update --global {PackageId} --version {Version} failed (exit code {exitCode}; expected {EntryAssemblyPath}); the kernel is needed to run notebooks:{Environment.NewLine}{output.Trim()}");
            }

            _restored = true;
        }
        finally
        {
            _restoreGate.Release();
        }
    }

    /// <summary>
    /// The command line that starts the kernel over stdio, as the VS Code extension does: <c>dotnet ENTRY.dll stdio
    /// --default-kernel csharp --working-dir DIR</c> with the pinned version's entry assembly (each element is one
    /// argument; a path with spaces is quoted, as StdIoKernelConnector joins them with spaces).
    /// </summary>
    /// <param name="workingDirectory">The kernel's working directory: the notebook's folder, the base of relative <c>#r</c> paths.</param>
    public IReadOnlyList<string> StdioCommand(string workingDirectory) =>
        ["dotnet", Quote(EntryAssemblyPath), "stdio", "--default-kernel", "csharp", "--working-dir", Quote(Path.GetFullPath(workingDirectory))];

    /// <summary>
    /// The argv of a Jupyter kernelspec that runs this tool version: <c>dotnet ENTRY.dll jupyter --default-kernel csharp
    /// {connection_file} --http-port-range 2048-3000 --http-local-only</c>, with the pinned version's entry assembly (the
    /// shim <c>dotnet-interactive</c> would run whatever version is installed); the kernel's HTTP server listens on loopback only.
    /// </summary>
    public IReadOnlyList<string> JupyterArguments() =>
        ["dotnet", EntryAssemblyPath, "jupyter", "--default-kernel", "csharp", "{connection_file}", "--http-port-range", "2048-3000", "--http-local-only"];

    private static string Quote(string argument) =>
        argument.Length > 0 && !argument.Any(c => char.IsWhiteSpace(c) || c == '"') ? argument : "\"" + argument.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

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
