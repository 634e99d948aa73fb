using System.Text.Json.Nodes;
using NotebookEngine.Kernel;
using NotebookRunner;

namespace Notebooks.Tests;

/// <summary>
/// Executes every notebook under notebooks/ end to end in the real .NET Interactive kernel, at its default parameters:
/// with the headless runner, as the README's run command does (checking the executed copy and its HTML page), and with
/// Jupyter as a second client of the same kernel, whose printed numbers must equal the runner's. The notebooks' own
/// check cells assert the papers' claims, so a claim that fails fails here.
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
    public async Task NotebookRunsInTheRealKernelThroughTheRunnerAndThroughJupyterWithTheSameNumbers(string name)
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
        Assert.Empty(ExecutedNotebook.Errors(executed));
        Assert.Contains(ExecutedNotebook.Html(executed), h => h.Contains("Plotly.newPlot", StringComparison.Ordinal));
        Assert.Contains(ExecutedNotebook.Html(executed), h => h.Contains("<table", StringComparison.Ordinal));

        var page = File.ReadAllText(Path.Combine(html, Path.ChangeExtension(name, ".html")));
        Assert.Contains("assets/plotly.min.js", page, StringComparison.Ordinal);
        Assert.DoesNotContain("cdn.plot.ly", page, StringComparison.Ordinal);

        // What a reader of the book sees, in a narrow (phone, projector split-screen) and a wide window.
        foreach (var windowWidth in new[] { 700, 1400 })
        {
            var seen = BookInBrowser.Measure(Path.Combine(html, Path.ChangeExtension(name, ".html")), windowWidth);
            var where = $"{name} at {windowWidth} px";
            Assert.True(seen.GetProperty("charts").GetArrayLength() > 0, $"{where}: no chart drawn");
            foreach (var chart in seen.GetProperty("charts").EnumerateArray())
            {
                Assert.True(chart.GetProperty("width").GetDouble() <= chart.GetProperty("container").GetDouble() + 1, $"{where}: chart {chart} is wider than its column");
                Assert.True(chart.GetProperty("title").GetBoolean(), $"{where}: chart {chart} has no title");
                Assert.True(chart.GetProperty("untitledAxes").GetArrayLength() == 0, $"{where}: chart {chart} has axes without a title");
            }

            Assert.Equal(0, seen.GetProperty("katexErrors").GetInt32());
            Assert.True(seen.GetProperty("worstDigits").GetInt32() <= 6, $"{where}: a table cell shows '{seen.GetProperty("worstCell")}'");
        }

        // The second client: the same kernel version under Jupyter, as a reader of the .NET Jupyter kernel runs it.
        var jupyter = await JupyterClient.CreateAsync(Kernel, output);
        var viaJupyter = await jupyter.ExecuteAsync(Path.Combine(RepositoryRoot, "notebooks", name), Path.Combine(output, "jupyter"), TimeSpan.FromMinutes(10));
        Assert.Empty(ExecutedNotebook.Errors(viaJupyter));
        Assert.Contains(ExecutedNotebook.Html(viaJupyter), h => h.Contains("Plotly.newPlot", StringComparison.Ordinal));
        Assert.Contains(ExecutedNotebook.Html(viaJupyter), h => h.Contains("<table", StringComparison.Ordinal));
        Assert.Equal(ExecutedNotebook.PrintedNumbers(executed), ExecutedNotebook.PrintedNumbers(viaJupyter));
    }

    [Fact]
    public async Task AReadersOwnPlotlyChartWorksAfterTheSetupCellsLibraryLoads()
    {
        // The setup cell of every notebook, then a cell a reader might write: a bare Plotly.NET chart, no extra line.
        // Plotly.NET 6 asks for FSharp.Core 10.1; kernel 1.0.712001 ships 10.0 (the fixture packages.ipynb of the engine
        // tests shows the failure without the library), and the library's binding resolves the request.
        var primer = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot, "notebooks", "00-primer.ipynb")))!;
        var setup = ExecutedNotebook.Text(ExecutedNotebook.CodeCells(primer)[0]["source"]!);
        var library = Path.Combine(RepositoryRoot, "artifacts", "bin", "WeakToStrong", "release", "WeakToStrong.dll");
        Assert.Contains("#r \"../artifacts/bin/WeakToStrong/release/WeakToStrong.dll\"", setup, StringComparison.Ordinal);
        var folder = Path.Combine(RepositoryRoot, "artifacts", "test-notebooks", "reader-chart");
        Directory.CreateDirectory(folder);
        var notebook = Path.Combine(folder, "reader-chart.ipynb");
        File.WriteAllText(notebook, NotebookJson(
            setup.Replace("../artifacts/bin/WeakToStrong/release/WeakToStrong.dll", library, StringComparison.Ordinal),
            "Plotly.NET.CSharp.Chart.Point<double, double, string>(x: new[] { 1.0, 2.0, 3.0 }, y: new[] { 1.0, 4.0, 9.0 })",
            "Console.Write(WeakToStrong.Hosting.FSharpCoreBinding.Describe());"));
        var log = new StringWriter();

        var exitCode = await RunnerCommand.RunAsync([notebook, "--output", Path.Combine(folder, "out"), "--no-html"], log);

        Assert.True(exitCode == RunnerCommand.Success, log.ToString());
        var executed = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "out", "reader-chart.ipynb")))!;
        var chart = ExecutedNotebook.Text(ExecutedNotebook.CodeCells(executed)[1]["outputs"]![0]!["data"]!["text/html"]!);
        Assert.Contains("Plotly.newPlot", chart, StringComparison.Ordinal);
        var described = ExecutedNotebook.Text(ExecutedNotebook.CodeCells(executed)[2]["outputs"]![0]!["text"]!);
        Assert.Contains("bound to the loaded copy", described, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotebookTwoGivesTheSameTablesAndNumbersAtOneAndTwoOpenBlasThreads()
    {
        // The library runs its BLAS with one thread whatever OPENBLAS_NUM_THREADS says, so every printed number and
        // every table (the digits section included, which differed in the last bits when the count followed the
        // variable) is the same. The kernel inherits the variable from this process.
        var runs = new List<JsonNode>();
        var before = Environment.GetEnvironmentVariable("OPENBLAS_NUM_THREADS");
        try
        {
            foreach (var threads in new[] { "1", "2" })
            {
                Environment.SetEnvironmentVariable("OPENBLAS_NUM_THREADS", threads);
                var output = Path.Combine(RepositoryRoot, "artifacts", "test-notebooks", $"openblas-{threads}");
                var log = new StringWriter();
                var exitCode = await RunnerCommand.RunAsync([Path.Combine(RepositoryRoot, "notebooks", "02-intrinsic-dimension.ipynb"), "--output", output, "--no-html"], log);
                Assert.True(exitCode == RunnerCommand.Success, log.ToString());
                runs.Add(JsonNode.Parse(File.ReadAllText(Path.Combine(output, "02-intrinsic-dimension.ipynb")))!);
            }
        }
        finally
        {
            Environment.SetEnvironmentVariable("OPENBLAS_NUM_THREADS", before);
        }

        Assert.Equal(ExecutedNotebook.PrintedNumbers(runs[0]), ExecutedNotebook.PrintedNumbers(runs[1]));
        var tables = runs.Select(ExecutedNotebook.Tables).ToList();
        Assert.NotEmpty(tables[0]);
        Assert.Equal(tables[0], tables[1]);
    }

    private static readonly KernelTool Kernel = KernelTool.FromRepository(RepositoryRoot);

    private static string NotebookJson(params string[] sources) => new JsonObject
    {
        ["cells"] = new JsonArray([.. sources.Select((source, index) => (JsonNode)new JsonObject
        {
            ["cell_type"] = "code",
            ["execution_count"] = null,
            ["id"] = $"cell-{index}",
            ["metadata"] = new JsonObject { ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "csharp" } },
            ["outputs"] = new JsonArray(),
            ["source"] = source,
        })]),
        ["metadata"] = new JsonObject { ["kernelspec"] = new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" } },
        ["nbformat"] = 4,
        ["nbformat_minor"] = 5,
    }.ToJsonString();
}
