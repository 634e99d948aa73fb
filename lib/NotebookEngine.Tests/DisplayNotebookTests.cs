using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using static NotebookEngine.Tests.TestSupport;

namespace NotebookEngine.Tests;

/// <summary>Runs Fixtures/display.ipynb once through the runner and checks every display path in the written notebook.</summary>
public sealed class DisplayNotebookFixture : IAsyncLifetime
{
    public RunOutcome Outcome { get; private set; } = null!;

    public JsonNode Notebook { get; private set; } = null!;

    public string SourceHashBefore { get; private set; } = "";

    public async Task InitializeAsync()
    {
        SourceHashBefore = Hash(Fixture("display.ipynb"));
        Outcome = await RunAsync(Fixture("display.ipynb"));
        Notebook = Outcome.Executed("display.ipynb");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));
}

public sealed class DisplayNotebookTests(DisplayNotebookFixture fixture) : IClassFixture<DisplayNotebookFixture>
{
    private JsonNode Notebook => fixture.Notebook;

    [Fact]
    public void EveryCellSucceedsAndTheExitCodeIsZero()
    {
        Assert.True(fixture.Outcome.ExitCode == 0, fixture.Outcome.Log);
        Assert.Contains("[display.ipynb] cell 2/16 Console.WriteLine(\"to stdout\");", fixture.Outcome.Log);
    }

    [Fact]
    public void ConsoleOutAndErrorBecomeStreams()
    {
        var outputs = Outputs(Notebook, 1);
        Assert.Equal(2, outputs.Count);
        Assert.Equal("stdout", (string?)outputs[0]!["name"]);
        Assert.Equal("to stdout\n", Text(outputs[0]!["text"]));
        Assert.Equal("stderr", (string?)outputs[1]!["name"]);
        Assert.Equal("to stderr\n", Text(outputs[1]!["text"]));
    }

    // Kernel 1.0.712001: display(x) publishes its value under one display id and returns a handle with another, so
    // handle.Update(...) reaches no output, in VS Code and in Jupyter alike; the runner shows what they show.
    [Fact]
    public void AnUpdateThroughTheHandleDisplayReturnsLeavesTheFirstValue() => Assert.Equal("first", Display(Notebook, 2, "text/plain"));

    [Fact]
    public void AnUpdateFromALaterCellLeavesTheEarlierOutputAndAddsNothing()
    {
        Assert.Equal("<b>v1</b>", Display(Notebook, 3, "text/html"));
        Assert.Empty(Outputs(Notebook, 4));
    }

    [Fact]
    public void DisplayExtensionUsesTheRequestedMimeType() => Assert.Equal("42", Display(Notebook, 5, "text/plain"));

    [Fact]
    public void DisplayAsWritesTheContentRaw() => Assert.Equal("<i>raw</i>", Display(Notebook, 6, "text/html"));

    [Fact]
    public void HtmlContentIsWrittenRaw() => Assert.Equal("<p>trailing</p>", Display(Notebook, 7, "text/html"));

    [Fact]
    public void TrailingValueIsDisplayedAsHtml()
    {
        var html = Display(Notebook, 8, "text/html");
        Assert.Contains("<pre>3</pre>", html);
    }

    [Fact]
    public void FormatterRegisterAppliesToTrailingValues() => Assert.Equal("<b>Point 7</b>", Display(Notebook, 9, "text/html"));

    [Fact]
    public void TimeMagicReportsWallTime() => Assert.Matches(new Regex(@"^Wall time: \d+(\.\d+)?ms$"), Display(Notebook, 10, "text/plain"));

    [Fact]
    public void SetMagicDeclaresAStringVariable() => Assert.Equal("\"HELLO WORLD\"", Display(Notebook, 11, "text/plain"));

    [Fact]
    public void ACellOpeningWithTheCSharpKernelChooserRuns() => Assert.Equal("10", Stdout(Notebook, 12));

    [Fact]
    public void WorkingDirectoryIsTheNotebookFolder() => Assert.Equal("data next to the notebook", Stdout(Notebook, 13));

    [Fact]
    public void LoadDirectiveOnASecondLineRunsTheScript() => Assert.Equal("42", Stdout(Notebook, 14));

    [Fact]
    public void OutputOfTasksStartedByACellIsCaptured() => Assert.Equal("from a task\n5", Stdout(Notebook, 15));

    [Fact]
    public void WrittenNotebookHasPolyglotShape()
    {
        var bytes = File.ReadAllBytes(Path.Combine(fixture.Outcome.OutputFolder, "display.ipynb"));
        Assert.False(bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF, "no BOM");
        var text = System.Text.Encoding.UTF8.GetString(bytes);
        Assert.StartsWith("{\n \"cells\": [\n  {\n", text);
        Assert.Equal(4, (int)Notebook["nbformat"]!);
        Assert.Equal(5, (int)Notebook["nbformat_minor"]!);
        Assert.Equal(".net-csharp", (string?)Notebook["metadata"]!["kernelspec"]!["name"]);
        var source = (JsonArray)Notebook["cells"]![1]!["source"]!;
        Assert.Equal(["Console.WriteLine(\"to stdout\");\n", "Console.Error.WriteLine(\"to stderr\");"], source.Select(l => (string)l!));
        var counts = Notebook["cells"]!.AsArray().Skip(1).Select(c => (int)c!["execution_count"]!).ToList();
        Assert.Equal(Enumerable.Range(1, 15), counts);
        Assert.Null(Notebook["cells"]![0]!["execution_count"]);
        var execution = Notebook["cells"]![1]!["metadata"]!["execution"]!;
        Assert.True(DateTimeOffset.Parse((string)execution["iopub.execute_input"]!) <= DateTimeOffset.Parse((string)execution["shell.execute_reply"]!));
    }

    [Fact]
    public void SourceNotebookIsNotModified() =>
        Assert.Equal(fixture.SourceHashBefore, DisplayNotebookFixture.Hash(Fixture("display.ipynb")));
}
