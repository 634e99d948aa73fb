using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace NotebookEngine.Packages;

/// <summary>
/// Restores NuGet packages with the .NET SDK: writes a temporary project with one <c>PackageReference</c> per package
/// (TargetFramework net10.0), runs <c>dotnet restore</c>, and reads <c>obj/project.assets.json</c> for the runtime
/// assemblies of the whole closure. Results are cached on disk under a key made of the package set and the sources,
/// so a second restore of the same set runs nothing.
/// </summary>
public sealed partial class PackageRestorer
{
    /// <summary>The environment variable that overrides the cache folder.</summary>
    public const string CacheEnvironmentVariable = "WEAK_TO_STRONG_NOTEBOOKS_CACHE";

    private const string TargetFramework = "net10.0";

    /// <summary>One restore at a time per cache folder in this process.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, SemaphoreSlim> FolderLocks = new(StringComparer.Ordinal);
    private const string ResultFileName = "assemblies.json";

    private static readonly HashSet<string> FrameworkAssemblies = new(
        Directory.EnumerateFiles(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "*.dll").Select(Path.GetFileName).OfType<string>(),
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates a restorer that caches under <paramref name="cacheRoot"/>, else under <c>$WEAK_TO_STRONG_NOTEBOOKS_CACHE/nuget</c>, else <c>~/.cache/weak-to-strong-notebooks/nuget</c>.</summary>
    public PackageRestorer(string? cacheRoot = null)
    {
        CacheRoot = cacheRoot ?? DefaultCacheRoot();
    }

    /// <summary>The folder holding one restore project and result per package set.</summary>
    public string CacheRoot { get; }

    /// <summary>The default cache folder.</summary>
    public static string DefaultCacheRoot()
    {
        var overridden = Environment.GetEnvironmentVariable(CacheEnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(overridden))
        {
            return Path.Combine(Path.GetFullPath(overridden), "nuget");
        }

        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        var cache = !string.IsNullOrWhiteSpace(xdg)
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(cache, "weak-to-strong-notebooks", "nuget");
    }

    /// <summary>The cache folder used for <paramref name="packages"/> restored from the default sources plus <paramref name="sources"/>.</summary>
    public string CacheFolderFor(IReadOnlyCollection<PackageReference> packages, IReadOnlyCollection<string> sources)
    {
        var key = new StringBuilder(TargetFramework).Append('\n');
        foreach (var package in packages.OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase))
        {
            key.Append(package.Name.ToLowerInvariant()).Append('/').Append(package.Version ?? "*").Append('\n');
        }

        foreach (var source in sources.Order(StringComparer.Ordinal))
        {
            key.Append("source:").Append(source).Append('\n');
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key.ToString())))[..20];
        return Path.Combine(CacheRoot, hash);
    }

    /// <summary>Restores <paramref name="packages"/> from the machine's NuGet sources plus <paramref name="sources"/> (URLs or full folder paths).</summary>
    /// <exception cref="PackageRestoreException">A package or version does not exist, or the restore failed.</exception>
    public async Task<RestoredPackages> RestoreAsync(
        IReadOnlyCollection<PackageReference> packages,
        IReadOnlyCollection<string> sources,
        CancellationToken cancellationToken = default)
    {
        var folder = CacheFolderFor(packages, sources);
        var folderLock = FolderLocks.GetOrAdd(folder, _ => new SemaphoreSlim(1, 1));
        await folderLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            Directory.CreateDirectory(CacheRoot);
            await using var processLock = await AcquireFileLockAsync(folder + ".lock", cancellationToken).ConfigureAwait(false);
            return await RestoreIntoAsync(folder, packages, sources, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            folderLock.Release();
        }
    }

    /// <summary>Holds <paramref name="path"/> open exclusively, so that two processes never restore into one cache folder at once.</summary>
    private static async Task<FileStream> AcquireFileLockAsync(string path, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static async Task<RestoredPackages> RestoreIntoAsync(
        string folder,
        IReadOnlyCollection<PackageReference> packages,
        IReadOnlyCollection<string> sources,
        CancellationToken cancellationToken)
    {
        var resultFile = Path.Combine(folder, ResultFileName);
        if (TryReadCached(resultFile) is { } cached)
        {
            return cached;
        }

        Directory.CreateDirectory(folder);
        var project = Path.Combine(folder, "restore.csproj");
        await File.WriteAllTextAsync(project, ProjectText(packages, sources), cancellationToken).ConfigureAwait(false);
        var (exitCode, output) = await RunRestoreAsync(project, cancellationToken).ConfigureAwait(false);
        if (exitCode != 0)
        {
            throw new PackageRestoreException(RestoreFailure(output, packages));
        }

        var restored = ReadAssets(Path.Combine(folder, "obj", "project.assets.json"));
        var temporary = resultFile + ".tmp";
        await File.WriteAllTextAsync(
            temporary,
            JsonSerializer.Serialize(new CachedRestore(restored.Assemblies.ToList(), new Dictionary<string, string>(restored.ResolvedVersions))),
            cancellationToken).ConfigureAwait(false);
        File.Move(temporary, resultFile, overwrite: true);
        return restored;
    }

    private static RestoredPackages? TryReadCached(string resultFile)
    {
        if (!File.Exists(resultFile))
        {
            return null;
        }

        try
        {
            var cached = JsonSerializer.Deserialize<CachedRestore>(File.ReadAllText(resultFile));
            if (cached is null || !cached.Assemblies.All(File.Exists))
            {
                return null;
            }

            return new RestoredPackages(cached.Assemblies, cached.Versions, FromCache: true);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string ProjectText(IReadOnlyCollection<PackageReference> packages, IReadOnlyCollection<string> sources)
    {
        var text = new StringBuilder();
        text.AppendLine("<Project Sdk=\"Microsoft.NET.Sdk\">");
        text.AppendLine("  <PropertyGroup>");
        text.AppendLine($"    <TargetFramework>{TargetFramework}</TargetFramework>");
        text.AppendLine("    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>");
        text.AppendLine("    <NoWarn>$(NoWarn);NU1603;NU1701;NU1608</NoWarn>");
        if (sources.Count > 0)
        {
            text.AppendLine($"    <RestoreAdditionalProjectSources>{System.Security.SecurityElement.Escape(string.Join(';', sources))}</RestoreAdditionalProjectSources>");
        }

        text.AppendLine("  </PropertyGroup>");
        text.AppendLine("  <ItemGroup>");
        foreach (var package in packages)
        {
            var version = package.Version ?? "*";
            text.AppendLine($"    <PackageReference Include=\"{System.Security.SecurityElement.Escape(package.Name)}\" Version=\"{System.Security.SecurityElement.Escape(version)}\" />");
        }

        text.AppendLine("  </ItemGroup>");
        text.AppendLine("</Project>");
        return text.ToString();
    }

    private static async Task<(int ExitCode, string Output)> RunRestoreAsync(string project, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(project)!,
        };
        foreach (var argument in new[] { "restore", project, "--nologo", "-v", "q", "-p:ImportDirectoryBuildProps=false", "-p:ImportDirectoryPackagesProps=false" })
        {
            start.ArgumentList.Add(argument);
        }

        // A host started by `dotnet run`/`dotnet test` passes MSBuild settings that must not leak into this restore.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";

        using var process = Process.Start(start) ?? throw new PackageRestoreException("Cannot start `dotnet restore` (is the .NET SDK on PATH?).");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout.ConfigureAwait(false) + await stderr.ConfigureAwait(false));
    }

    [GeneratedRegex(@"error (?<code>NU\d{4}):\s*(?<message>.*?)(\s+\[[^\]]*\.csproj\])?\s*$", RegexOptions.Multiline)]
    private static partial Regex NuGetError();

    /// <summary>The one-line message for a failed restore: the NuGet errors (NU1101 unknown package, NU1102 unknown version, ...), without paths.</summary>
    private static string RestoreFailure(string output, IReadOnlyCollection<PackageReference> packages)
    {
        // NuGet writes one line per error plus detail lines ("- Found 2 version(s) in nuget.org [ Nearest version: 5.0.0 ]")
        // under the same code: one sentence per code, details in parentheses.
        var errors = NuGetError().Matches(output)
            .Select(m => (Code: m.Groups["code"].Value, Message: m.Groups["message"].Value.Trim()))
            .Distinct()
            .GroupBy(e => e.Code)
            .SelectMany(group => group
                .Where(e => !e.Message.StartsWith('-'))
                .Select(e => $"{group.Key}: {e.Message}" + Details(group.Where(d => d.Message.StartsWith('-')).Select(d => d.Message.TrimStart('-', ' ')))))
            .ToList();
        var requested = string.Join("; ", packages.Select(p => p.ToString()));
        return errors.Count > 0
            ? $"Package restore failed for [{requested}]: {string.Join(" ", errors)}"
            : $"Package restore failed for [{requested}]: {output.Trim().Split('\n').LastOrDefault()?.Trim()}";
    }

    private static string Details(IEnumerable<string> details)
    {
        var text = string.Join("; ", details);
        return text.Length == 0 ? "" : $" ({text})";
    }

    private static RestoredPackages ReadAssets(string assetsFile)
    {
        var assets = JsonNode.Parse(File.ReadAllText(assetsFile))!;
        var packageFolders = (assets["packageFolders"] as JsonObject)?.Select(p => p.Key).ToList() ?? [];
        var libraries = assets["libraries"] as JsonObject ?? [];
        var target = (assets["targets"] as JsonObject)?.FirstOrDefault(t => t.Key.StartsWith(".NETCoreApp", StringComparison.Ordinal) || t.Key == TargetFramework).Value as JsonObject ?? [];
        var assemblies = new List<string>();
        var versions = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, entry) in target)
        {
            if (entry?["type"]?.GetValue<string>() != "package")
            {
                continue;
            }

            var slash = key.IndexOf('/', StringComparison.Ordinal);
            versions[key[..slash]] = key[(slash + 1)..];
            var libraryPath = libraries[key]?["path"]?.GetValue<string>() ?? key.ToLowerInvariant();
            foreach (var (asset, _) in entry["runtime"] as JsonObject ?? [])
            {
                if (!asset.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) || FrameworkAssemblies.Contains(Path.GetFileName(asset)))
                {
                    continue;
                }

                var file = packageFolders
                    .Select(folder => Path.GetFullPath(Path.Combine(folder, libraryPath, asset)))
                    .FirstOrDefault(File.Exists);
                if (file is not null)
                {
                    assemblies.Add(file);
                }
            }
        }

        return new RestoredPackages(assemblies, versions, FromCache: false);
    }

    private sealed record CachedRestore(List<string> Assemblies, Dictionary<string, string> Versions);
}
