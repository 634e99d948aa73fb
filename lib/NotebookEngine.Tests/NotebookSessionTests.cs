using NotebookEngine.Execution;
using NotebookEngine.Model;

namespace NotebookEngine.Tests;

/// <summary>The session API a front end (a Jupyter kernel) drives directly.</summary>
public sealed class NotebookSessionTests
{
    [Fact]
    public async Task OutputsAreReportedLiveAndUpdatesNameTheirCell()
    {
        var session = new NotebookSession(TestSupport.NewTempFolder(), TestSupport.SharedRestorer);
        var produced = new List<CellOutput>();
        var updates = new List<DisplayUpdatedEventArgs>();
        session.OutputProduced += (_, e) => produced.Add(e.Output);
        session.DisplayUpdated += (_, e) => updates.Add(e);

        var first = await session.ExecuteCellAsync("Console.Write(\"a\");\nConsole.Write(\"b\");\nvar shown = display(1, \"text/plain\");\nshown.Update(2);");
        var second = await session.ExecuteCellAsync("shown.Update(3);");

        Assert.True(first.Succeeded && second.Succeeded);
        Assert.Equal([new StreamOutput("stdout", "a"), new StreamOutput("stdout", "b")], produced.OfType<StreamOutput>());
        Assert.Equal("1", Assert.Single(produced.OfType<DisplayDataOutput>()).Data["text/plain"]);
        Assert.Equal(new StreamOutput("stdout", "ab"), first.Outputs[0]);
        Assert.Equal("2", Assert.IsType<DisplayDataOutput>(first.Outputs[1]).Data["text/plain"]);
        Assert.Empty(second.Outputs);
        Assert.Equal([("2", true), ("3", false)], updates.Select(u => (u.Output.Data["text/plain"], u.IsInCurrentCell)));
    }

    [Fact]
    public async Task UpdatesUseTheMimeTypesOfTheFirstDisplay()
    {
        var session = new NotebookSession(TestSupport.NewTempFolder(), TestSupport.SharedRestorer);
        var result = await session.ExecuteCellAsync("var shown = display(\"first\");\nshown.Update(HTML(\"<b>x</b>\"));\nshown.MimeTypes.Single()");
        Assert.True(result.Succeeded, result.Failure?.Message);
        Assert.Equal(new Dictionary<string, string> { ["text/plain"] = "<b>x</b>" }, Assert.IsType<DisplayDataOutput>(result.Outputs[0]).Data);
        Assert.Equal("text/plain", Assert.IsType<DisplayDataOutput>(result.Outputs[1]).Data["text/plain"]);
    }

    [Fact]
    public async Task StateIsSharedAcrossCellsAndSurvivesAnException()
    {
        var session = new NotebookSession(TestSupport.NewTempFolder(), TestSupport.SharedRestorer);
        await session.ExecuteCellAsync("var kept = 41;\nstring Greet(string who) => $\"hi {who}\";");
        var failed = await session.ExecuteCellAsync("kept++;\nthrow new ArgumentException(\"no\");");
        var after = await session.ExecuteCellAsync("Greet(kept.ToString())");

        Assert.Equal(new CellFailure(2, "System.ArgumentException: no"), failed.Failure);
        Assert.True(session.TryGetVariable("kept", out var kept));
        Assert.Equal(42, kept);
        Assert.Equal("hi 42", Assert.IsType<DisplayDataOutput>(Assert.Single(after.Outputs)).Data["text/plain"]);
        Assert.Equal(3, session.ExecutionCount);
    }

    [Fact]
    public async Task DefaultImportsAndKernelHelpersAreAvailable()
    {
        var session = new NotebookSession(TestSupport.NewTempFolder(), TestSupport.SharedRestorer);
        var result = await session.ExecuteCellAsync(
            "var sb = new StringBuilder();\nvar list = new List<int> { 3, 1, 2 }.OrderBy(x => x).ToList();\nMicrosoft.AspNetCore.Html.IHtmlContent h = HTML(\"x\");\nvar shown = display(1);");
        Assert.Null(result.Failure);

        // As in Polyglot, the Formatter's namespace is not imported by default.
        var formatter = await session.ExecuteCellAsync("Formatter.ListExpansionLimit");
        Assert.Contains("error CS0103: The name 'Formatter' does not exist", formatter.Failure?.Message);
    }

    [Theory]
    [InlineData("var x = 1;", true)]
    [InlineData("#r \"nuget: MathNet.Numerics, 5.0.0\"\nvar x = 1;", true)]
    [InlineData("void F() {", false)]
    [InlineData("var s = \"open", false)]
    public void CompleteSubmissions(string source, bool complete) =>
        Assert.Equal(complete, NotebookSession.IsCompleteSubmission(source));

    [Fact]
    public async Task CancellationStopsWaitingForTheCell()
    {
        var session = new NotebookSession(TestSupport.NewTempFolder(), TestSupport.SharedRestorer);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var result = await session.ExecuteCellAsync("await Task.Delay(20_000);", cancellation.Token);
        Assert.True(result.WasCancelled);
        Assert.Equal("Command cancelled.", result.Failure?.Message);
        Assert.Equal("Command cancelled.", Assert.IsType<ErrorOutput>(Assert.Single(result.Outputs)).Value);
    }
}
