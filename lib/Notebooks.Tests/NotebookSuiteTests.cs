using System.Text.Json.Nodes;
using NotebookRunner;

namespace Notebooks.Tests;

/// <summary>
/// Executes every notebook under notebooks/ end to end with the headless runner, at its default parameters, as the
/// README's run command does, and checks the executed copy and its HTML page. The notebooks' own check cells assert
/// the papers' claims, so a claim that fails fails here.
/// </summary>
public sealed class NotebookSuiteTests
{
    private static readonly string RepositoryRoot = NotebookDiscovery.RepositoryRoot(AppContext.BaseDirectory);

    private static IReadOnlyList<string> NotebookNames() =>
        Directory.GetFiles(Path.Combine(RepositoryRoot, "notebooks"), "*.ipynb")
            .Select(path => Path.GetFileName(path))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>Every committed notebook, by file name.</summary>
    public static TheoryData<string> Notebooks() => new(NotebookNames());

    [Fact]
    public void TheSuiteHasThePrimer() => Assert.Contains("00-primer.ipynb", NotebookNames());

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void CommittedNotebookHasNoOutputs(string name)
    {
        var notebook = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot, "notebooks", name)))!;
        foreach (var cell in notebook["cells"]!.AsArray())
        {
            if ((string?)cell!["cell_type"] == "code")
            {
                Assert.Empty(cell["outputs"]!.AsArray());
                Assert.Null(cell["execution_count"]?.GetValue<int?>());
            }
        }
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task NotebookExecutesWithoutFailingCellAndExportsToHtml(string name)
    {
        var output = Path.Combine(RepositoryRoot, "artifacts", "test-notebooks");
        var html = Path.Combine(output, "html");
        var log = new StringWriter();

        var exitCode = await RunnerCommand.RunAsync(
            [Path.Combine(RepositoryRoot, "notebooks", name), "--output", output, "--html", html, "--html-title", "Weak-to-Strong Notebooks (test run)"],
            log);

        Assert.True(exitCode == RunnerCommand.Success, $"{name} failed (exit code {exitCode}):\n{log}");
        Assert.DoesNotContain("warning:", log.ToString(), StringComparison.Ordinal);

        var executed = JsonNode.Parse(File.ReadAllText(Path.Combine(output, name)))!;
        var outputs = executed["cells"]!.AsArray()
            .Where(cell => (string?)cell!["cell_type"] == "code")
            .SelectMany(cell => cell!["outputs"]!.AsArray())
            .ToList();
        Assert.DoesNotContain(outputs, o => (string?)o!["output_type"] == "error");
        var htmlOutputs = outputs.Select(o => o!["data"]?["text/html"]).OfType<JsonNode>().Select(Text).ToList();
        Assert.Contains(htmlOutputs, h => h.Contains("Plotly.newPlot", StringComparison.Ordinal));
        Assert.Contains(htmlOutputs, h => h.Contains("<table", StringComparison.Ordinal));

        var page = File.ReadAllText(Path.Combine(html, Path.ChangeExtension(name, ".html")));
        Assert.Contains("assets/plotly.min.js", page, StringComparison.Ordinal);
        Assert.DoesNotContain("cdn.plot.ly", page, StringComparison.Ordinal);
    }

    /// <summary>An nbformat multiline string (a string or an array of lines) as one string.</summary>
    private static string Text(JsonNode node) =>
        node is JsonArray lines ? string.Concat(lines.Select(line => (string?)line)) : (string?)node ?? "";
}
