namespace NotebookEngine.Export;

/// <summary>
/// Finds KaTeX's distribution folder (<c>katex/dist</c>, installed from the npm lock file by
/// <c>environment/setup.sh</c> into <c>environment/node_modules</c>). Search order: the explicit option; the
/// environment variable <c>W2S_KATEX_DIR</c>; then, walking up from the current directory and from
/// <see cref="AppContext.BaseDirectory"/>, the first folder holding <c>environment/node_modules/katex/dist</c>.
/// </summary>
internal static class KatexLocator
{
    /// <summary>Environment variable that points at a KaTeX <c>dist</c> folder.</summary>
    public const string EnvironmentVariable = "W2S_KATEX_DIR";

    private static readonly string RelativeDist = Path.Combine("environment", "node_modules", "katex", "dist");

    /// <summary>Files of the dist folder the book needs (besides <c>fonts/</c>).</summary>
    public static readonly string[] RequiredFiles = ["katex.min.js", "katex.min.css", Path.Combine("contrib", "auto-render.min.js")];

    /// <summary>
    /// The KaTeX dist folder, or null when the search found none. An explicitly given folder (option or
    /// environment variable) that lacks KaTeX's files is an error rather than a silent fallback.
    /// </summary>
    /// <param name="explicitDirectory">The <see cref="HtmlBookOptions.KatexDirectory"/> option, if set.</param>
    /// <param name="search">Where to look when no folder is given explicitly.</param>
    /// <param name="searched">Receives a description of the places looked at, for the error message.</param>
    /// <exception cref="HtmlBookException">An explicitly configured folder is not a KaTeX dist folder.</exception>
    public static string? Find(string? explicitDirectory, KatexSearch search, out string searched)
    {
        if (!string.IsNullOrWhiteSpace(explicitDirectory))
        {
            searched = explicitDirectory;
            return RequireDist(explicitDirectory, $"{nameof(HtmlBookOptions)}.{nameof(HtmlBookOptions.KatexDirectory)}");
        }

        if (!string.IsNullOrWhiteSpace(search.EnvironmentValue))
        {
            searched = search.EnvironmentValue;
            return RequireDist(search.EnvironmentValue, $"environment variable {EnvironmentVariable}");
        }

        searched = $"{RelativeDist} in {string.Join(" and ", search.Roots.Select(r => $"'{r}'"))} and their parents; {EnvironmentVariable} is unset";
        foreach (var root in search.Roots)
        {
            for (var directory = new DirectoryInfo(root); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, RelativeDist);
                if (IsDist(candidate))
                {
                    return candidate;
                }
            }
        }
        return null;
    }

    private static string RequireDist(string directory, string setting)
    {
        var full = Path.GetFullPath(directory);
        if (!IsDist(full))
        {
            throw new HtmlBookException(
                $"{setting} points to '{full}', which is not a KaTeX dist folder (it needs {string.Join(", ", RequiredFiles)} and fonts/); run environment/setup.sh or fix the setting.");
        }

        return full;
    }

    private static bool IsDist(string directory) =>
        RequiredFiles.All(f => File.Exists(Path.Combine(directory, f))) && Directory.Exists(Path.Combine(directory, "fonts"));
}

/// <summary>
/// Where <see cref="KatexLocator"/> looks when no KaTeX folder is configured in the options: the value of
/// <c>W2S_KATEX_DIR</c>, then the folders walked up from <paramref name="Roots"/>.
/// </summary>
/// <param name="EnvironmentValue">Value of the environment variable, or null when unset.</param>
/// <param name="Roots">Folders to walk up from.</param>
internal sealed record KatexSearch(string? EnvironmentValue, IReadOnlyList<string> Roots)
{
    /// <summary>The process's search: its environment, current directory and <see cref="AppContext.BaseDirectory"/>.</summary>
    public static KatexSearch FromProcess() => new(
        Environment.GetEnvironmentVariable(KatexLocator.EnvironmentVariable),
        [Directory.GetCurrentDirectory(), AppContext.BaseDirectory]);
}
