using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using NotebookEngine.Model;

namespace NotebookEngine.Reading;

/// <summary>
/// Writes a notebook as nbformat 4.5 JSON in the style Polyglot Notebooks writes: one-space indent, UTF-8 without BOM,
/// <c>source</c> and <c>text</c> as arrays of lines, outputs' <c>data</c> as MIME type → lines, every rich output as <c>display_data</c>.
/// </summary>
public static class NotebookWriter
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        IndentSize = 1,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes <paramref name="notebook"/> to <paramref name="path"/> atomically (a temporary file in the same folder, then a move), creating the folder if needed.</summary>
    public static void WriteFile(Notebook notebook, string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        var folder = System.IO.Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(folder);
        var temporary = System.IO.Path.Combine(folder, $".{System.IO.Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllText(temporary, ToJson(notebook), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    /// <summary>The notebook's JSON text, ending with a newline.</summary>
    public static string ToJson(Notebook notebook)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("cells");
            foreach (var cell in notebook.Cells)
            {
                WriteCell(writer, cell);
            }

            writer.WriteEndArray();
            writer.WritePropertyName("metadata");
            WithJupyterMetadata(notebook.Metadata).WriteTo(writer);
            writer.WriteNumber("nbformat", 4);
            writer.WriteNumber("nbformat_minor", 5);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void WriteCell(Utf8JsonWriter writer, NotebookCell cell)
    {
        writer.WriteStartObject();
        writer.WriteString("cell_type", cell.Type switch
        {
            CellType.Code => "code",
            CellType.Markdown => "markdown",
            _ => "raw",
        });
        if (cell.Type == CellType.Code)
        {
            if (cell.ExecutionCount is { } count)
            {
                writer.WriteNumber("execution_count", count);
            }
            else
            {
                writer.WriteNull("execution_count");
            }
        }

        writer.WriteString("id", cell.Id);
        writer.WritePropertyName("metadata");
        cell.Metadata.WriteTo(writer);
        if (cell.Type == CellType.Code)
        {
            writer.WriteStartArray("outputs");
            foreach (var output in cell.Outputs)
            {
                WriteOutput(writer, output);
            }

            writer.WriteEndArray();
        }

        WriteLines(writer, "source", cell.Source);
        writer.WriteEndObject();
    }

    private static void WriteOutput(Utf8JsonWriter writer, CellOutput output)
    {
        writer.WriteStartObject();
        switch (output)
        {
            case DisplayDataOutput display:
                writer.WriteStartObject("data");
                foreach (var (mime, content) in display.Data)
                {
                    WriteLines(writer, mime, content);
                }

                writer.WriteEndObject();
                writer.WriteStartObject("metadata");
                writer.WriteEndObject();
                writer.WriteString("output_type", "display_data");
                break;
            case StreamOutput stream:
                writer.WriteString("name", stream.Name);
                writer.WriteString("output_type", "stream");
                WriteLines(writer, "text", stream.Text);
                break;
            case ErrorOutput error:
                writer.WriteString("ename", error.Name);
                writer.WriteString("evalue", error.Value);
                writer.WriteString("output_type", "error");
                writer.WriteStartArray("traceback");
                foreach (var line in error.Traceback)
                {
                    writer.WriteStringValue(line);
                }

                writer.WriteEndArray();
                break;
            default:
                throw new ArgumentException($"Unknown output type {output.GetType().Name}.", nameof(output));
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes nbformat's multi-line string: an array of lines, each but the last keeping its <c>\n</c>.</summary>
    private static void WriteLines(Utf8JsonWriter writer, string name, string text)
    {
        writer.WriteStartArray(name);
        foreach (var line in SplitLines(text))
        {
            writer.WriteStringValue(line);
        }

        writer.WriteEndArray();
    }

    /// <summary>Splits text into lines that keep their line ending, as nbformat stores them.</summary>
    public static IEnumerable<string> SplitLines(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                yield return text[start..(i + 1)];
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            yield return text[start..];
        }
    }

    private static JsonObject WithJupyterMetadata(JsonObject metadata)
    {
        var result = (JsonObject)metadata.DeepClone();
        result["kernelspec"] ??= new JsonObject
        {
            ["display_name"] = ".NET (C#)",
            ["language"] = "C#",
            ["name"] = ".net-csharp",
        };
        result["language_info"] ??= new JsonObject
        {
            ["file_extension"] = ".cs",
            ["mimetype"] = "text/x-csharp",
            ["name"] = "C#",
            ["pygments_lexer"] = "csharp",
            ["version"] = "13.0",
        };
        result["polyglot_notebook"] ??= new JsonObject
        {
            ["kernelInfo"] = new JsonObject
            {
                ["defaultKernelName"] = "csharp",
                ["items"] = new JsonArray(new JsonObject { ["aliases"] = new JsonArray(), ["name"] = "csharp" }),
            },
        };
        return result;
    }
}
