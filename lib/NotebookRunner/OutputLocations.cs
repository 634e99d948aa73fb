namespace NotebookRunner;

/// <summary>
/// Checks, before any cell runs, that the run cannot overwrite what it reads: the executed copies and the HTML book go
/// to folders (not files), no executed copy lands on a source notebook, and no notebook's page is the book's index.
/// </summary>
public static class OutputLocations
{
    private static readonly StringComparer PathComparer = OperatingSystem.IsLinux() ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase;

    /// <summary>Throws a <see cref="UsageException"/> naming the conflict.</summary>
    /// <param name="notebooks">The source notebooks (full or relative paths).</param>
    /// <param name="outputDirectory">The folder of the executed copies.</param>
    /// <param name="htmlDirectory">The HTML book's folder, or null with <c>--no-html</c>.</param>
    public static void Check(IReadOnlyList<string> notebooks, string outputDirectory, string? htmlDirectory)
    {
        if (File.Exists(outputDirectory))
        {
            throw new UsageException($"--output {outputDirectory} is a file; give a folder (it is created if missing).");
        }

        if (htmlDirectory is not null && File.Exists(htmlDirectory))
        {
            throw new UsageException($"--html {htmlDirectory} is a file; give a folder (it is created if missing).");
        }

        var sources = new HashSet<string>(notebooks.Select(Path.GetFullPath), PathComparer);
        foreach (var notebook in notebooks)
        {
            var copy = Path.Combine(outputDirectory, Path.GetFileName(notebook));
            if (sources.Contains(copy))
            {
                throw new UsageException($"the executed copy of {notebook} would overwrite the source notebook {copy}; choose another --output folder.");
            }

            if (htmlDirectory is not null && string.Equals(Path.GetFileNameWithoutExtension(notebook), "index", StringComparison.OrdinalIgnoreCase))
            {
                throw new UsageException($"{notebook}: its HTML page would overwrite the book's index.html in {htmlDirectory}; rename the notebook or run with --no-html.");
            }
        }
    }
}
