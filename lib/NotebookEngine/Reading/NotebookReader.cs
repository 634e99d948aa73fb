using System.Text.Json;
using System.Text.Json.Nodes;
using NotebookEngine.Model;

namespace NotebookEngine.Reading;

/// <summary>
/// Reads nbformat-4 notebooks in the Polyglot Notebooks format: kernelspec <c>.net-csharp</c>, a cell's kernel from
/// <c>metadata.polyglot_notebook.kernelName</c>, else <c>metadata.dotnet_interactive.language</c>, else a <c>#!kernel</c>
/// first line; <c>execute_result</c> and <c>display_data</c> outputs are both read as <see cref="DisplayDataOutput"/>.
/// </summary>
public static class NotebookReader
{
    /// <summary>Reads the notebook file at <paramref name="path"/>.</summary>
    /// <exception cref="NotebookFormatException">The file is malformed JSON, not a notebook, or not a C# notebook.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static Notebook ReadFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Notebook not found: {path}", path);
        }

        return Read(File.ReadAllText(path), path);
    }

    /// <summary>Reads a notebook from its JSON text; <paramref name="path"/> only names it in errors.</summary>
    /// <exception cref="NotebookFormatException">The text is malformed JSON, not a notebook, or not a C# notebook.</exception>
    public static Notebook Read(string json, string path)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw new NotebookFormatException(
                path,
                $"malformed JSON at line {(e.LineNumber ?? 0) + 1}, position {(e.BytePositionInLine ?? 0) + 1}: {FirstSentence(e.Message)}",
                e);
        }

        if (root is not JsonObject document || document["cells"] is not JsonArray cells || document["nbformat"] is not JsonValue format)
        {
            throw new NotebookFormatException(path, "not a Jupyter notebook (no \"nbformat\" and \"cells\")");
        }

        if (!format.TryGetValue(out int major) || major != 4)
        {
            throw new NotebookFormatException(path, $"unsupported nbformat {format.ToJsonString()} (only nbformat 4 is supported)");
        }

        var metadata = document["metadata"] as JsonObject ?? [];
        CheckKernelspec(metadata, path);
        var minor = (document["nbformat_minor"] as JsonValue)?.TryGetValue(out int m) == true ? m : 5;

        var notebook = new Notebook((JsonObject)metadata.DeepClone(), [], minor);
        var index = 0;
        foreach (var node in cells)
        {
            index++;
            if (node is not JsonObject cell)
            {
                throw new NotebookFormatException(path, $"cell {index} is not a JSON object");
            }

            notebook.Cells.Add(ReadCell(cell, index, notebook.DefaultKernelName, path));
        }

        return notebook;
    }

    private static void CheckKernelspec(JsonObject metadata, string path)
    {
        if (JsonMembers.StringAt(metadata, "kernelspec", "name") is { } name)
        {
            if (!string.Equals(name, ".net-csharp", StringComparison.OrdinalIgnoreCase))
            {
                throw new NotebookFormatException(path, $"unsupported kernelspec \"{name}\" (only .net-csharp notebooks can be executed)");
            }
        }
    }

    private static NotebookCell ReadCell(JsonObject cell, int index, string defaultKernel, string path)
    {
        var typeName = StringOf(cell["cell_type"]);
        var type = typeName switch
        {
            "code" => CellType.Code,
            "markdown" => CellType.Markdown,
            "raw" => CellType.Raw,
            _ => throw new NotebookFormatException(path, $"cell {index} has unknown cell_type \"{typeName}\""),
        };
        var source = TextOf(cell["source"]);
        var metadata = cell["metadata"] is JsonObject meta ? (JsonObject)meta.DeepClone() : [];
        // nbformat 4.5 requires ids; older notebooks get stable ones, so executing twice writes the same ids.
        var result = new NotebookCell(type, source, metadata, StringOf(cell["id"]) ?? $"cell-{index}");
        result.KernelName = type == CellType.Markdown ? "markdown" : KernelOf(metadata, source) ?? defaultKernel;

        if (type == CellType.Code)
        {
            result.ExecutionCount = (cell["execution_count"] as JsonValue)?.TryGetValue(out int count) == true ? count : null;
            if (cell["outputs"] is JsonArray outputs)
            {
                foreach (var output in outputs.OfType<JsonObject>())
                {
                    if (ReadOutput(output) is { } read)
                    {
                        result.Outputs.Add(read);
                    }
                }
            }
        }

        return result;
    }

    private static string? KernelOf(JsonObject metadata, string source)
    {
        var name = JsonMembers.StringAt(metadata, "polyglot_notebook", "kernelName") ?? JsonMembers.StringAt(metadata, "dotnet_interactive", "language");
        if (name is not null)
        {
            return name;
        }

        var firstLine = source.Split('\n', 2)[0].Trim();
        return firstLine.StartsWith("#!", StringComparison.Ordinal) && KernelNames.TryNormalize(firstLine[2..], out var kernel) ? kernel : null;
    }

    private static CellOutput? ReadOutput(JsonObject output) =>
        StringOf(output["output_type"]) switch
        {
            "stream" => new StreamOutput(StringOf(output["name"]) ?? StreamOutput.StandardOutput, TextOf(output["text"])),
            "display_data" or "execute_result" => new DisplayDataOutput(ReadData(output["data"] as JsonObject)),
            "error" => new ErrorOutput(
                StringOf(output["ename"]) ?? "Error",
                StringOf(output["evalue"]) ?? "",
                (output["traceback"] as JsonArray)?.Select(StringOf).OfType<string>().ToList() ?? []),
            _ => null,
        };

    private static Dictionary<string, string> ReadData(JsonObject? data)
    {
        var result = new Dictionary<string, string>();
        if (data is null)
        {
            return result;
        }

        foreach (var (mime, value) in data)
        {
            result[mime] = value is JsonObject ? value.ToJsonString() : TextOf(value);
        }

        return result;
    }

    /// <summary>Reads an nbformat multi-line string: a string, or an array of lines joined as they are.</summary>
    private static string TextOf(JsonNode? node) =>
        node switch
        {
            JsonArray lines => string.Concat(lines.Select(StringOf)),
            JsonValue value when value.TryGetValue(out string? text) => text ?? "",
            null => "",
            _ => node.ToJsonString(),
        };

    private static string? StringOf(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue(out string? text) ? text : null;

    private static string FirstSentence(string message)
    {
        foreach (var marker in new[] { " LineNumber:", " Path:" })
        {
            var cut = message.IndexOf(marker, StringComparison.Ordinal);
            if (cut > 0)
            {
                message = message[..cut];
            }
        }

        return message.Trim();
    }
}
