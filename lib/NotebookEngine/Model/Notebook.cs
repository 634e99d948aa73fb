using System.Text.Json.Nodes;

namespace NotebookEngine.Model;

/// <summary>An nbformat-4 notebook in the Polyglot Notebooks (.NET Interactive) format.</summary>
public sealed class Notebook
{
    /// <summary>Creates a notebook from its metadata and cells.</summary>
    public Notebook(JsonObject metadata, IEnumerable<NotebookCell> cells, int formatMinor = 5)
    {
        Metadata = metadata;
        Cells = [.. cells];
        FormatMinor = formatMinor;
    }

    /// <summary>The notebook metadata (kernelspec, language_info, polyglot_notebook), kept as read.</summary>
    public JsonObject Metadata { get; }

    /// <summary>The cells, in order.</summary>
    public List<NotebookCell> Cells { get; }

    /// <summary>The nbformat minor version read (the writer always writes 4.5).</summary>
    public int FormatMinor { get; }

    /// <summary>The default kernel name from <c>metadata.polyglot_notebook.kernelInfo.defaultKernelName</c>, else <c>csharp</c>.</summary>
    public string DefaultKernelName => Reading.JsonMembers.StringAt(Metadata, "polyglot_notebook", "kernelInfo", "defaultKernelName") ?? "csharp";

    /// <summary>A deep copy (cells and metadata), so that executing never changes the source notebook.</summary>
    public Notebook Clone() => new((JsonObject)Metadata.DeepClone(), Cells.Select(c => c.Clone()), FormatMinor);
}
