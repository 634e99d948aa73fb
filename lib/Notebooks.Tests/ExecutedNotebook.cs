using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Notebooks.Tests;

/// <summary>Reading an executed .ipynb: its outputs by cell, and the numbers its cells print.</summary>
internal static partial class ExecutedNotebook
{
    /// <summary>The outputs of every code cell, in order.</summary>
    public static IReadOnlyList<JsonNode> Outputs(JsonNode notebook) =>
        CodeCells(notebook).SelectMany(cell => cell["outputs"]!.AsArray()).OfType<JsonNode>().ToList();

    /// <summary>The code cells.</summary>
    public static IReadOnlyList<JsonNode> CodeCells(JsonNode notebook) =>
        notebook["cells"]!.AsArray().OfType<JsonNode>().Where(cell => (string?)cell["cell_type"] == "code").ToList();

    /// <summary>The error outputs, as "ename: evalue" lines.</summary>
    public static IReadOnlyList<string> Errors(JsonNode notebook) =>
        Outputs(notebook).Where(o => (string?)o["output_type"] == "error").Select(o => $"{(string?)o["ename"]}: {(string?)o["evalue"]}").ToList();

    /// <summary>The text/html of every output that has one.</summary>
    public static IReadOnlyList<string> Html(JsonNode notebook) =>
        Outputs(notebook).Select(o => o["data"]?["text/html"]).OfType<JsonNode>().Select(Text).ToList();

    /// <summary>
    /// Per code cell, the numbers its standard output prints, lines that report durations left out (a line with a
    /// number followed by s, ms or µs, or with the word time, times or elapsed): the values two clients of one kernel
    /// must agree on to the last printed digit.
    /// </summary>
    public static IReadOnlyList<string> PrintedNumbers(JsonNode notebook) =>
        CodeCells(notebook)
            .Select(cell => string.Concat(cell["outputs"]!.AsArray().OfType<JsonNode>()
                .Where(o => (string?)o["output_type"] == "stream" && (string?)o["name"] == "stdout")
                .Select(o => Text(o["text"]!))))
            .Select(text => string.Join(' ', text.Split('\n').Where(line => !Duration().IsMatch(line)).SelectMany(line => Number().Matches(line).Select(m => m.Value))))
            .ToList();

    /// <summary>The HTML tables the notebook shows, with the kernel's per-run table ids removed, in order.</summary>
    public static IReadOnlyList<string> Tables(JsonNode notebook) =>
        Html(notebook).Where(h => h.Contains("<table", StringComparison.Ordinal)).Select(h => TableId().Replace(h, "")).ToList();

    /// <summary>An nbformat multiline string (a string or an array of lines) as one string.</summary>
    public static string Text(JsonNode node) =>
        node is JsonArray lines ? string.Concat(lines.Select(line => (string?)line)) : (string?)node ?? "";

    [GeneratedRegex(@"\d\s*(s|ms|µs)\b|\b(time|times|elapsed)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Duration();

    [GeneratedRegex(@"[-+]?\d+(\.\d+)?([eE][-+]?\d+)?")]
    private static partial Regex Number();

    [GeneratedRegex(@" id=""table_[0-9]+""")]
    private static partial Regex TableId();
}
