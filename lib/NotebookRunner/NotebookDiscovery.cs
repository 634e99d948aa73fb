namespace NotebookRunner;

/// <summary>Expands the runner's inputs into notebook files.</summary>
public static class NotebookDiscovery
{
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.OrdinalIgnoreCase)
    {
        "artifacts", ".ipynb_checkpoints", "bin", "obj", "node_modules", ".git",
    };

    /// <summary>
    /// The notebooks named by <paramref name="inputs"/>: files as given, folders expanded to the <c>*.ipynb</c> files under
    /// them sorted by path, skipping <c>*.executed.ipynb</c> and folders such as <c>artifacts</c>.
    /// </summary>
    /// <exception cref="UsageException">An input does not exist, or is a file that is not an .ipynb.</exception>
    public static IReadOnlyList<string> Expand(IEnumerable<string> inputs)
    {
        var notebooks = new List<string>();
        foreach (var input in inputs)
        {
            var full = Path.GetFullPath(input);
            if (Directory.Exists(full))
            {
                notebooks.AddRange(Directory.EnumerateFiles(full, "*.ipynb", SearchOption.AllDirectories)
                    .Where(path => !path.EndsWith(".executed.ipynb", StringComparison.OrdinalIgnoreCase))
                    .Where(path => !Path.GetRelativePath(full, path).Split(Path.DirectorySeparatorChar).SkipLast(1).Any(SkippedFolders.Contains))
                    .Order(StringComparer.Ordinal));
            }
            else if (File.Exists(full))
            {
                if (!full.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase))
                {
                    throw new UsageException($"{input}: not a notebook (expected an .ipynb file or a folder).");
                }

                notebooks.Add(full);
            }
            else
            {
                throw new UsageException($"{input}: no such file or folder.");
            }
        }

        return notebooks.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The repository root: the nearest folder at or above <paramref name="start"/> holding a .sln file, else <paramref name="start"/>.</summary>
    public static string RepositoryRoot(string start)
    {
        for (var folder = new DirectoryInfo(Path.GetFullPath(start)); folder is not null; folder = folder.Parent)
        {
            if (folder.EnumerateFiles("*.sln").Any() || folder.EnumerateFiles("*.slnx").Any())
            {
                return folder.FullName;
            }
        }

        return Path.GetFullPath(start);
    }
}
