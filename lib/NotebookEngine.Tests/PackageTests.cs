using System.Diagnostics;
using System.Text.Json.Nodes;
using NotebookEngine.Execution;
using NotebookEngine.Packages;
using Xunit.Abstractions;
using static NotebookEngine.Tests.TestSupport;

namespace NotebookEngine.Tests;

/// <summary>Runs Fixtures/packages.ipynb (MathNet, Plotly.NET, DataFrame, a version conflict) once, with the shared package cache.</summary>
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
    public void RestoredPackageIsUsable()
    {
        Assert.Empty(Outputs(Notebook, 0));
        Assert.Equal("24", Stdout(Notebook, 1));
    }

    [Fact]
    public void PlotlyChartIsHtmlThatCallsPlotlyWithoutACdn()
    {
        var html = Display(Notebook, 2, "text/html");
        Assert.Contains("Plotly.newPlot", html);
        Assert.Contains("<div", html);
        Assert.DoesNotContain("cdn.plot.ly", html);
        Assert.DoesNotContain("require", html);
    }

    [Fact]
    public void DataFrameIsAPagedTable()
    {
        var html = Display(Notebook, 3, "text/html");
        Assert.Contains("DataFrame - 3 rows", html);
        Assert.StartsWith("<table class=\"dni-dataframe\">", html);
        Assert.Contains("<th>label</th>", html);
        Assert.Contains("<pre>z</pre>", html);
    }

    [Fact]
    public void TheSameVersionAgainIsAccepted() => Assert.Equal("same version again is fine", Stdout(Notebook, 4));

    [Fact]
    public void TwoVersionsOfOnePackageAreRefused()
    {
        Assert.Equal("MathNet.Numerics version 4.15.0 cannot be added because version 5.0.0 was added previously.", (string?)Error(Notebook, 5)["evalue"]);
        Assert.Contains("packages.ipynb: cell 6, line 1: MathNet.Numerics version 4.15.0 cannot be added", fixture.Outcome.Log);
        Assert.Equal(2, fixture.Outcome.ExitCode);
    }
}

public sealed class RestoreTests(ITestOutputHelper output)
{
    [Fact]
    public async Task ASecondRunRestoresNothing()
    {
        var restorer = new PackageRestorer(NewTempFolder());
        var cell = "#r \"nuget: MathNet.Numerics, 5.0.0\"\nMathNet.Numerics.SpecialFunctions.Factorial(4)";

        var cold = Stopwatch.StartNew();
        var first = new NotebookSession(NewTempFolder(), restorer);
        var firstResult = await first.ExecuteCellAsync(cell);
        cold.Stop();
        Assert.True(firstResult.Succeeded, firstResult.Failure?.Message);
        Assert.Equal(1, first.RestoresRun);
        Assert.True(File.Exists(Path.Combine(restorer.CacheFolderFor([new PackageReference("MathNet.Numerics", "5.0.0")], []), "assemblies.json")));

        var warm = Stopwatch.StartNew();
        var second = new NotebookSession(NewTempFolder(), restorer);
        var secondResult = await second.ExecuteCellAsync(cell);
        warm.Stop();
        Assert.True(secondResult.Succeeded, secondResult.Failure?.Message);
        Assert.Equal(0, second.RestoresRun);
        output.WriteLine($"MathNet.Numerics cell: cold restore {cold.ElapsedMilliseconds} ms, warm (cached) {warm.ElapsedMilliseconds} ms");
    }

    [Theory]
    [InlineData("WeakToStrong.NoSuchPackage.Anywhere, 1.0.0", "NU1101", "WeakToStrong.NoSuchPackage.Anywhere")]
    [InlineData("MathNet.Numerics, 99.0.0", "NU1102", "MathNet.Numerics")]
    public async Task UnknownPackageOrVersionIsOneLineNamingIt(string package, string code, string name)
    {
        var folder = NewTempFolder();
        var path = WriteNotebook(folder, "unknown.ipynb", $"#r \"nuget: {package}\"");
        var outcome = await RunAsync(path);
        Assert.Equal(2, outcome.ExitCode);
        var line = Assert.Single(outcome.Log.Split('\n'), l => l.StartsWith("error:", StringComparison.Ordinal));
        Assert.Contains("unknown.ipynb: cell 1, line 1: Package restore failed", line);
        Assert.Contains(code, line);
        Assert.Contains(name, line);
    }

    [Fact]
    public async Task LocalFolderSourceProvidesAPackage()
    {
        var folder = NewTempFolder();
        CompiledLibrary.Pack(
            "WeakToStrong.TestFixture.Greeting",
            "1.0.0",
            "namespace Greeting; public static class Greeter { public static string Hello(string name) => $\"hello {name}\"; }",
            Path.Combine(folder, "feed"));
        var path = WriteNotebook(folder, "local.ipynb", "#i \"nuget: feed\"\n#r \"nuget: WeakToStrong.TestFixture.Greeting, 1.0.0\"\nConsole.Write(Greeting.Greeter.Hello(\"feed\"));");
        var outcome = await RunAsync(path);
        Assert.True(outcome.ExitCode == 0, outcome.Log);
        Assert.Equal("hello feed", Stdout(outcome.Executed("local.ipynb"), 0));
    }

    [Fact]
    public async Task AssemblyReferenceByRelativePath()
    {
        var folder = NewTempFolder();
        CompiledLibrary.Compile("Tiny", "namespace Tiny; public static class Numbers { public static int Answer => 42; }", Path.Combine(folder, "lib", "Tiny.dll"));
        var path = WriteNotebook(folder, "dll.ipynb", "var before = 1;\n#r \"lib/Tiny.dll\"\nConsole.Write(Tiny.Numbers.Answer + before);");
        var outcome = await RunAsync(path);
        Assert.True(outcome.ExitCode == 0, outcome.Log);
        Assert.Equal("43", Stdout(outcome.Executed("dll.ipynb"), 0));
    }

    [Fact]
    public async Task MissingAssemblyNamesTheResolvedPath()
    {
        var folder = NewTempFolder();
        var path = WriteNotebook(folder, "missing.ipynb", "#r \"lib/Missing.dll\"");
        var outcome = await RunAsync(path);
        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains($"missing.ipynb: cell 1, line 1: Assembly not found: {Path.Combine(folder, "lib", "Missing.dll")}", outcome.Log);
    }
}
