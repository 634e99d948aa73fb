using System.Text.Json.Nodes;

namespace NotebookEngine.Model;

/// <summary>One cell of a notebook: its source, kernel, metadata and (for code cells) outputs.</summary>
public sealed class NotebookCell
{
    /// <summary>Creates a cell.</summary>
    public NotebookCell(CellType type, string source, JsonObject? metadata = null, string? id = null)
    {
        Type = type;
        Source = source;
        Metadata = metadata ?? [];
        Id = id ?? Guid.NewGuid().ToString("N")[..12];
    }

    /// <summary>The cell type.</summary>
    public CellType Type { get; }

    /// <summary>The cell id (nbformat 4.5).</summary>
    public string Id { get; }

    /// <summary>The source text, lines joined with <c>\n</c>.</summary>
    public string Source { get; set; }

    /// <summary>The cell metadata, kept as read (tags, <c>polyglot_notebook</c>, ...).</summary>
    public JsonObject Metadata { get; }

    /// <summary>The kernel the cell targets (<c>csharp</c>, <c>fsharp</c>, <c>markdown</c>, ...), from <c>metadata.polyglot_notebook.kernelName</c>, else <c>metadata.dotnet_interactive.language</c>, else a <c>#!kernel</c> first line, else the notebook's default kernel.</summary>
    public string KernelName { get; set; } = "csharp";

    /// <summary>The execution count, or <see langword="null"/> when the cell has not run.</summary>
    public int? ExecutionCount { get; set; }

    /// <summary>The outputs, in order.</summary>
    public List<CellOutput> Outputs { get; } = [];

    /// <summary>The tags in <c>metadata.tags</c>.</summary>
    public IReadOnlyList<string> Tags =>
        Metadata["tags"] is JsonArray tags
            ? tags.Select(t => t?.GetValueKind() == System.Text.Json.JsonValueKind.String ? t.GetValue<string>() : null).OfType<string>().ToList()
            : [];

    /// <summary>A deep copy of this cell (same id), for an executed copy of a notebook.</summary>
    public NotebookCell Clone()
    {
        var copy = new NotebookCell(Type, Source, (JsonObject)Metadata.DeepClone(), Id)
        {
            KernelName = KernelName,
            ExecutionCount = ExecutionCount,
        };
        copy.Outputs.AddRange(Outputs);
        return copy;
    }
}
