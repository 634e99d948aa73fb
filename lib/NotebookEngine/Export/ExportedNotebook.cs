namespace NotebookEngine.Export;

/// <summary>One notebook of the HTML book and the status shown for it on the index page.</summary>
/// <param name="SourcePath">Full path of the executed .ipynb.</param>
/// <param name="PagePath">Full path of the written page, <c>&lt;notebook-name&gt;.html</c>.</param>
/// <param name="Title">The notebook's first markdown heading as plain text, or its file name when it has none.</param>
/// <param name="CellCount">Number of cells of all kinds.</param>
/// <param name="CodeCellCount">Number of code cells.</param>
/// <param name="FailedCellCount">Number of code cells with an error output.</param>
/// <param name="RunTime">Sum of the code cells' run times recorded in cell metadata, or null when no cell has one.</param>
public sealed record ExportedNotebook(
    string SourcePath,
    string PagePath,
    string Title,
    int CellCount,
    int CodeCellCount,
    int FailedCellCount,
    TimeSpan? RunTime);
