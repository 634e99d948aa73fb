using System.Text.Json.Nodes;
using static NotebookEngine.Tests.TestSupport;

namespace NotebookEngine.Tests;

/// <summary>Runs Fixtures/packages.ipynb (MathNet, Plotly.NET, DataFrame, a version conflict) once in the real kernel.</summary>
public sealed class PackagesNotebookFixture : IAsyncLifetime
{
    public RunOutcome Outcome { get; private set; } = null!;

    public JsonNode Notebook { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Outcome = await RunAsync(Fixture("packages.ipynb"));
        Notebook = Outcome.Executed("packages.ipynb");
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

public sealed class PackagesNotebookTests(PackagesNotebookFixture fixture) : IClassFixture<PackagesNotebookFixture>
{
    private JsonNode Notebook => fixture.Notebook;

    [Fact]
    public void TheKernelListsTheInstalledPackagesAndLoadsTheirExtensions()
    {
        var outputs = Outputs(Notebook, 0);
        var installed = Text(outputs[0]!["data"]!["text/html"]);
        Assert.Contains("<strong>Installed Packages</strong>", installed);
        Assert.Contains("MathNet.Numerics, 5.0.0", installed);
        Assert.Contains(outputs, o => Text(o!["data"]?["text/plain"]).StartsWith("Loading extensions from `", StringComparison.Ordinal) && Text(o!["data"]?["text/plain"]).Contains("Plotly.NET.Interactive.dll", StringComparison.Ordinal));
        Assert.Equal("24", Stdout(Notebook, 1));
    }

    // What every user of kernel 1.0.712001 sees without the WeakToStrong library: Plotly.NET 6 is built against
    // FSharp.Core 10.1, the kernel ships 10.0. (Notebooks.Tests checks that the library's binding makes the same chart work.)
    [Fact]
    public void APlotlyChartWithoutTheLibraryFailsOnTheKernelsOlderFSharpCore()
    {
        Assert.StartsWith("System.IO.FileNotFoundException: Could not load file or assembly 'FSharp.Core, Version=10.1.0.0", (string?)Error(Notebook, 2)["evalue"], StringComparison.Ordinal);
        Assert.Contains("packages.ipynb: cell 3: System.IO.FileNotFoundException: Could not load file or assembly 'FSharp.Core, Version=10.1.0.0", fixture.Outcome.Log);
    }

    [Fact]
    public void ADataFrameIsTheKernelsHtmlTable()
    {
        var html = Display(Notebook, 3, "text/html");
        Assert.Matches("^<table id=\"table_[0-9]+\"><thead><tr><th><i>index</i></th><th>n</th><th>label</th></tr></thead>", html);
        Assert.Contains("z", html);
    }

    [Fact]
    public void TheSameVersionAgainIsAccepted() => Assert.Equal("same version again is fine", Stdout(Notebook, 4));

    [Fact]
    public void TwoVersionsOfOnePackageAreRefused()
    {
        Assert.Equal("MathNet.Numerics version 4.15.0 cannot be added because version 5.0.0 was added previously.", (string?)Error(Notebook, 5)["evalue"]);
        Assert.Contains("packages.ipynb: cell 6: MathNet.Numerics version 4.15.0 cannot be added", fixture.Outcome.Log);
        Assert.Equal(1, fixture.Outcome.ExitCode);
    }
}

public sealed class RestoreTests
{
    [Theory]
    [InlineData("WeakToStrong.NoSuchPackage.Anywhere, 1.0.0", "error NU1101: Unable to find package WeakToStrong.NoSuchPackage.Anywhere")]
    [InlineData("MathNet.Numerics, 99.0.0", "error NU1102: Unable to find package MathNet.Numerics with version (>= 99.0.0)")]
    public async Task AnUnknownPackageOrVersionFailsTheCellWithNuGetsOwnError(string package, string expected)
    {
        var folder = NewTempFolder();
        var path = WriteNotebook(folder, "unknown.ipynb", $"#r \"nuget: {package}\"", "Console.Write(1);");
        var outcome = await RunAsync(path);
        Assert.Equal(1, outcome.ExitCode);
        var line = Assert.Single(outcome.Log.Split('\n'), l => l.StartsWith("error:", StringComparison.Ordinal));
        Assert.Contains("unknown.ipynb: cell 1: ", line);
        Assert.Contains(expected, line);
        Assert.Equal("1", Stdout(outcome.Executed("unknown.ipynb"), 1));
    }

    [Fact]
    public async Task ALocalFolderSourceGivenByAbsolutePathProvidesAPackage()
    {
        // The kernel takes #i sources as URIs: an absolute folder works, a relative one fails with "Invalid URI".
        var folder = NewTempFolder();
        var feed = Path.Combine(folder, "feed");
        CompiledLibrary.Pack(
            "WeakToStrong.TestFixture.Greeting",
            "1.0.0",
            "namespace Greeting; public static class Greeter { public static string Hello(string name) => $\"hello {name}\"; }",
            feed);
        var path = WriteNotebook(folder, "local.ipynb", $"#i \"nuget: {feed}\"\n#r \"nuget: WeakToStrong.TestFixture.Greeting, 1.0.0\"\nConsole.Write(Greeting.Greeter.Hello(\"feed\"));");
        var outcome = await RunAsync(path);
        Assert.True(outcome.ExitCode == 0, outcome.Log);
        Assert.Equal("hello feed", Stdout(outcome.Executed("local.ipynb"), 0));
    }

    [Fact]
    public async Task AnAssemblyReferenceIsRelativeToTheNotebooksFolderAndMustComeBeforeCode()
    {
        var folder = NewTempFolder();
        CompiledLibrary.Compile("Tiny", "namespace Tiny; public static class Numbers { public static int Answer => 42; }", Path.Combine(folder, "lib", "Tiny.dll"));
        var path = WriteNotebook(
            folder,
            "dll.ipynb",
            "#r \"lib/Tiny.dll\"\nvar before = 1;\nConsole.Write(Tiny.Numbers.Answer + before);",
            "var x = 1;\n#r \"lib/Tiny.dll\"");
        var outcome = await RunAsync(path);
        Assert.Equal(1, outcome.ExitCode);
        var notebook = outcome.Executed("dll.ipynb");
        Assert.Equal("43", Stdout(notebook, 0));
        Assert.Contains("error CS7009: Cannot use #r after first token in file", (string?)Error(notebook, 1)["evalue"]);
        Assert.Contains("dll.ipynb: cell 2, line 2: ", outcome.Log);
    }

    [Fact]
    public async Task AMissingAssemblyFailsTheCellNamingIt()
    {
        var folder = NewTempFolder();
        var path = WriteNotebook(folder, "missing.ipynb", "#r \"lib/Missing.dll\"");
        var outcome = await RunAsync(path);
        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("missing.ipynb: cell 1, line 1: (1,1): error CS0006: Metadata file 'lib/Missing.dll' could not be found", outcome.Log);
    }
}
