namespace NotebookEngine.Model;

/// <summary>The nbformat cell types.</summary>
public enum CellType
{
    /// <summary>A code cell, executed by a kernel.</summary>
    Code,

    /// <summary>A Markdown cell, never executed.</summary>
    Markdown,

    /// <summary>A raw cell, never executed.</summary>
    Raw,
}
