namespace NotebookEngine.Export;

/// <summary>
/// An executed nbformat-4 notebook as the HTML export sees it: its cells with their sources and saved outputs.
/// Read independently of the execution engine's own model, straight from the .ipynb JSON
/// (see <see cref="ExecutedNotebookReader"/>).
/// </summary>
/// <param name="Path">Full path of the .ipynb file.</param>
/// <param name="Name">File name without extension; the page is written as <c>Name.html</c>.</param>
/// <param name="Cells">Cells in document order.</param>
internal sealed record ExecutedNotebook(string Path, string Name, IReadOnlyList<NotebookCell> Cells);

/// <summary>One cell of an executed notebook.</summary>
/// <param name="Source">The cell's source text, lines joined.</param>
internal abstract record NotebookCell(string Source);

/// <summary>A markdown cell; <paramref name="Attachments"/> maps attachment names to mime bundles (mime → base64).</summary>
internal sealed record MarkdownCell(string Source, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Attachments)
    : NotebookCell(Source);

/// <summary>A raw cell, shown verbatim.</summary>
internal sealed record RawCell(string Source) : NotebookCell(Source);

/// <summary>A code cell with its saved outputs.</summary>
/// <param name="Source">The cell's code.</param>
/// <param name="Language">Normalised kernel language (e.g. <c>csharp</c>), used as the code block's language class.</param>
/// <param name="ExecutionCount">The execution count, or null when the cell was not run.</param>
/// <param name="Outputs">The saved outputs in order.</param>
/// <param name="RunTime">Wall-clock run time from the cell metadata, when recorded.</param>
internal sealed record CodeCell(string Source, string Language, int? ExecutionCount, IReadOnlyList<CellOutput> Outputs, TimeSpan? RunTime)
    : NotebookCell(Source)
{
    /// <summary>True when the cell has an error output.</summary>
    public bool Failed => Outputs.Any(o => o is ErrorOutput);
}
