using System.Text.Json;
using System.Text.Json.Nodes;
using NotebookEngine.Reading;

namespace NotebookEngine.Export;

/// <summary>
/// Parses an executed nbformat-4 .ipynb file (as written by Polyglot Notebooks, Jupyter or the project's runner)
/// into an <see cref="ExecutedNotebook"/>. Accepts sources and texts as an array of lines or a single string,
/// and both <c>display_data</c> and <c>execute_result</c> outputs.
/// </summary>
internal static class ExecutedNotebookReader
{
    /// <summary>Reads and parses the notebook at <paramref name="path"/>.</summary>
    /// <exception cref="HtmlBookException">The file is missing, not JSON, or not an nbformat-4 notebook.</exception>
    public static ExecutedNotebook Read(string path)
    {
        var fullPath = System.IO.Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw new HtmlBookException($"Notebook '{fullPath}' does not exist.");
        }

        JsonNode? root;
        try
        {
            using var stream = File.OpenRead(fullPath);
            root = JsonNode.Parse(stream, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new HtmlBookException($"Notebook '{fullPath}' is not valid JSON: {e.Message}", e);
        }

        if (root is not JsonObject notebook)
        {
            throw new HtmlBookException($"Notebook '{fullPath}' is not an nbformat-4 notebook: the top-level JSON value is not an object.");
        }

        var format = notebook["nbformat"] is JsonValue f && f.TryGetValue(out int n) ? n : (int?)null;
        if (format != 4)
        {
            throw new HtmlBookException($"Notebook '{fullPath}' has nbformat {format?.ToString() ?? "(missing)"}; only nbformat 4 is supported.");
        }

        if (notebook["cells"] is not JsonArray cells)
        {
            throw new HtmlBookException($"Notebook '{fullPath}' has no 'cells' array.");
        }

        var defaultLanguage = DefaultLanguage(notebook["metadata"] as JsonObject);
        var parsed = new List<NotebookCell>(cells.Count);
        for (var i = 0; i < cells.Count; i++)
        {
            try
            {
                parsed.Add(Cell(cells[i] as JsonObject ?? throw new FormatException("the cell is not a JSON object"), defaultLanguage));
            }
            catch (Exception e) when (e is FormatException or InvalidOperationException)
            {
                throw new HtmlBookException($"Notebook '{fullPath}', cell {i + 1}: {e.Message}.", e);
            }
        }
        return new ExecutedNotebook(fullPath, System.IO.Path.GetFileNameWithoutExtension(fullPath), parsed);
    }

    private static NotebookCell Cell(JsonObject cell, string defaultLanguage)
    {
        var type = JsonMembers.StringAt(cell, "cell_type") ?? throw new FormatException("the cell has no 'cell_type'");
        var source = Text(cell["source"]);
        var metadata = cell["metadata"] as JsonObject;
        return type switch
        {
            "markdown" => new MarkdownCell(source, Attachments(cell["attachments"] as JsonObject)),
            "code" => new CodeCell(
                source,
                CellLanguage(metadata, source, defaultLanguage),
                cell["execution_count"] is JsonValue count && count.TryGetValue(out int c) ? c : null,
                (cell["outputs"] as JsonArray ?? []).Select(o => Output(o as JsonObject ?? throw new FormatException("an output is not a JSON object"))).ToList(),
                CellRunTime.From(metadata)),
            "raw" => new RawCell(source),
            _ => throw new FormatException($"unknown cell_type '{type}' (expected markdown, code or raw)"),
        };
    }

    private static CellOutput Output(JsonObject output)
    {
        var type = JsonMembers.StringAt(output, "output_type") ?? throw new FormatException("an output has no 'output_type'");
        return type switch
        {
            "stream" => new StreamOutput(JsonMembers.StringAt(output, "name") ?? "stdout", Text(output["text"])),
            "display_data" or "execute_result" or "update_display_data" => new RichOutput(MimeBundle(output["data"] as JsonObject)),
            "error" => new ErrorOutput(
                JsonMembers.StringAt(output, "ename") ?? "Error",
                JsonMembers.StringAt(output, "evalue") ?? "",
                (output["traceback"] as JsonArray ?? []).Select(l => JsonMembers.StringAt(l) ?? "").ToList()),
            _ => throw new FormatException($"unknown output_type '{type}'"),
        };
    }

    /// <summary>A mime bundle; string or line-array values are joined, JSON-valued mimes are kept as JSON text.</summary>
    private static Dictionary<string, string> MimeBundle(JsonObject? data)
    {
        var bundle = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (data is null)
        {
            return bundle;
        }

        foreach (var (mime, value) in data)
        {
            bundle[mime] = value switch
            {
                JsonArray or JsonValue when IsText(value) => Text(value),
                null => "",
                _ => value.ToJsonString(new JsonSerializerOptions { WriteIndented = true }),
            };
        }
        return bundle;
    }

    private static bool IsText(JsonNode? node) =>
        node is JsonValue v ? v.GetValueKind() == JsonValueKind.String
        : node is JsonArray a && a.All(l => l is JsonValue lv && lv.GetValueKind() == JsonValueKind.String);

    private static Dictionary<string, IReadOnlyDictionary<string, string>> Attachments(JsonObject? attachments)
    {
        var result = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        if (attachments is null)
        {
            return result;
        }

        foreach (var (name, bundle) in attachments)
        {
            result[name] = MimeBundle(bundle as JsonObject);
        }

        return result;
    }

    /// <summary>nbformat multiline text: a string, or an array of lines that already carry their newlines.</summary>
    private static string Text(JsonNode? node) => node switch
    {
        null => "",
        JsonArray lines => string.Concat(lines.Select(l => JsonMembers.StringAt(l) ?? "")),
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        _ => throw new FormatException($"expected a string or an array of strings, found {node.GetValueKind()}"),
    };

    /// <summary>
    /// The cell's kernel: <c>polyglot_notebook.kernelName</c>, then the legacy <c>dotnet_interactive.language</c>,
    /// then a leading <c>#!kernel</c> line, then the notebook's default.
    /// </summary>
    private static string CellLanguage(JsonObject? metadata, string source, string defaultLanguage)
    {
        var name = JsonMembers.StringAt(metadata, "polyglot_notebook", "kernelName") ?? JsonMembers.StringAt(metadata, "dotnet_interactive", "language");
        name ??= KernelDirective(source);
        return name is null ? defaultLanguage : NormalisedLanguage(name) ?? defaultLanguage;
    }

    private static readonly HashSet<string> KernelChoosers = new(StringComparer.OrdinalIgnoreCase)
    {
        "csharp", "c#", "fsharp", "f#", "pwsh", "powershell", "javascript", "js", "html", "sql", "kql", "mermaid", "markdown", "value",
    };

    /// <summary>The kernel named by a first-line kernel chooser such as <c>#!fsharp</c> (not other magics like <c>#!time</c>).</summary>
    private static string? KernelDirective(string source)
    {
        if (!source.StartsWith("#!", StringComparison.Ordinal))
        {
            return null;
        }

        var end = source.IndexOfAny(['\r', '\n']);
        var directive = (end < 0 ? source[2..] : source[2..end]).Trim();
        return KernelChoosers.Contains(directive) ? directive : null;
    }

    private static string DefaultLanguage(JsonObject? metadata)
    {
        var name = JsonMembers.StringAt(metadata, "polyglot_notebook", "kernelInfo", "defaultKernelName")
                   ?? JsonMembers.StringAt(metadata, "kernelspec", "language")
                   ?? JsonMembers.StringAt(metadata, "language_info", "name");
        return (name is null ? null : NormalisedLanguage(name)) ?? "csharp";
    }

    /// <summary>Maps kernel and language names (<c>C#</c>, <c>c#</c>, <c>csharp</c>, <c>F#</c>, <c>pwsh</c>…) to a language class name.</summary>
    private static string? NormalisedLanguage(string name)
    {
        var lower = name.Trim().ToLowerInvariant();
        return lower switch
        {
            "" => null,
            "c#" or "csharp" or ".net-csharp" => "csharp",
            "f#" or "fsharp" or ".net-fsharp" => "fsharp",
            "pwsh" or "powershell" or ".net-pwsh" => "powershell",
            "js" or "javascript" => "javascript",
            "polyglot-notebook" => null,
            _ => new string(lower.Where(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_').ToArray()) is { Length: > 0 } safe ? safe : null,
        };
    }
}
