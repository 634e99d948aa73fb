using System.Text.Json.Nodes;
using NotebookEngine.Kernel;
using NotebookRunner;

namespace NotebookEngine.Tests;

/// <summary>Fixture paths, the pinned kernel, the runner run in-process, and readers for the executed .ipynb.</summary>
public static class TestSupport
{
    /// <summary>The repository's pinned .NET Interactive kernel (the global tool, installed on first use if missing).</summary>
    public static KernelTool Kernel { get; } = KernelTool.FromRepository(NotebookDiscovery.RepositoryRoot(AppContext.BaseDirectory));

    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static string NewTempFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "w2s-engine-tests", Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>
    /// Runs the runner's command in-process in the pinned kernel; returns the exit code, the log, and the output folder.
    /// Executed copies, and the HTML book unless the arguments choose one, go to a new temporary folder: tests never
    /// write into the repository's artifacts/notebooks or artifacts/html.
    /// </summary>
    public static async Task<RunOutcome> RunAsync(params string[] args)
    {
        var output = NewTempFolder();
        var log = new StringWriter();
        string[] html = args.Any(a => a.StartsWith("--html", StringComparison.Ordinal) || a == "--no-html") ? [] : ["--html", Path.Combine(output, "html")];
        var exitCode = await RunnerCommand.RunAsync([.. args, "--output", output, .. html], log, kernel: Kernel);
        return new RunOutcome(exitCode, log.ToString(), output);
    }

    /// <summary>Writes a Polyglot-style notebook with one C# code cell per source.</summary>
    public static string WriteNotebook(string folder, string name, params string[] sources)
    {
        var cells = new JsonArray();
        foreach (var source in sources)
        {
            cells.Add(new JsonObject
            {
                ["cell_type"] = "code",
                ["execution_count"] = null,
                ["id"] = Guid.NewGuid().ToString("N")[..8],
                ["metadata"] = new JsonObject { ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "csharp" } },
                ["outputs"] = new JsonArray(),
                ["source"] = source,
            });
        }

        var notebook = new JsonObject
        {
            ["cells"] = cells,
            ["metadata"] = new JsonObject { ["kernelspec"] = new JsonObject { ["name"] = ".net-csharp" } },
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        };
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, notebook.ToJsonString());
        return path;
    }

    /// <summary>The outputs of the cell at <paramref name="index"/> (0-based, all cells counted).</summary>
    public static JsonArray Outputs(JsonNode notebook, int index) => (JsonArray)notebook["cells"]![index]!["outputs"]!;

    /// <summary>An nbformat multi-line string joined.</summary>
    public static string Text(JsonNode? node) =>
        node is JsonArray lines ? string.Concat(lines.Select(l => l!.GetValue<string>())) : node?.GetValue<string>() ?? "";

    /// <summary>The concatenated stdout of a cell.</summary>
    public static string Stdout(JsonNode notebook, int index) =>
        string.Concat(Outputs(notebook, index).Where(o => (string?)o!["output_type"] == "stream" && (string?)o["name"] == "stdout").Select(o => Text(o!["text"])));

    /// <summary>The content of MIME type <paramref name="mime"/> of the only display_data output of a cell.</summary>
    public static string Display(JsonNode notebook, int index, string mime)
    {
        var displays = Outputs(notebook, index).Where(o => (string?)o!["output_type"] == "display_data").ToList();
        Assert.Single(displays);
        return Text(displays[0]!["data"]![mime]);
    }

    /// <summary>The only error output of a cell.</summary>
    public static JsonNode Error(JsonNode notebook, int index) =>
        Assert.Single(Outputs(notebook, index), o => (string?)o!["output_type"] == "error")!;
}

/// <summary>The result of one in-process runner invocation.</summary>
public sealed record RunOutcome(int ExitCode, string Log, string OutputFolder)
{
    /// <summary>The executed copy of notebook <paramref name="name"/>, parsed.</summary>
    public JsonNode Executed(string name) => JsonNode.Parse(File.ReadAllText(Path.Combine(OutputFolder, name)))!;
}
