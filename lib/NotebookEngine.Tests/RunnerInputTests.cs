using System.Security.Cryptography;
using System.Text.Json.Nodes;
using static NotebookEngine.Tests.TestSupport;

namespace NotebookEngine.Tests;

/// <summary>Inputs that once crashed the runner or overwrote a source: each is a one-line error or a correct run.</summary>
public sealed class RunnerInputTests
{
    private static string ErrorLine(RunOutcome outcome) =>
        Assert.Single(outcome.Log.Split('\n'), line => line.StartsWith("error:", StringComparison.Ordinal));

    private static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));

    /// <summary>A one-cell notebook whose JSON is changed by <paramref name="change"/> before it is written.</summary>
    private static string NotebookWith(string name, Action<JsonObject> change)
    {
        var folder = NewTempFolder();
        var path = WriteNotebook(folder, name, "Console.Write(6 * 7);");
        var json = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        change(json);
        File.WriteAllText(path, json.ToJsonString());
        return path;
    }

    [Theory]
    [InlineData("kernelspec as a string")]
    [InlineData("polyglot_notebook as a string")]
    [InlineData("kernelInfo as a string")]
    [InlineData("defaultKernelName as a number")]
    [InlineData("cell kernelName as a number")]
    [InlineData("tags as a string")]
    public async Task MetadataOfTheWrongShapeIsIgnoredAndTheNotebookRuns(string shape)
    {
        var path = NotebookWith("shapes.ipynb", json =>
        {
            var metadata = json["metadata"]!.AsObject();
            var cell = json["cells"]![0]!.AsObject();
            switch (shape)
            {
                case "kernelspec as a string": metadata["kernelspec"] = ".net-csharp"; break;
                case "polyglot_notebook as a string": cell["metadata"]!["polyglot_notebook"] = "csharp"; break;
                case "kernelInfo as a string": metadata["polyglot_notebook"] = new JsonObject { ["kernelInfo"] = "csharp" }; break;
                case "defaultKernelName as a number": metadata["polyglot_notebook"] = new JsonObject { ["kernelInfo"] = new JsonObject { ["defaultKernelName"] = 7 } }; break;
                case "cell kernelName as a number": cell["metadata"]!["polyglot_notebook"] = new JsonObject { ["kernelName"] = 7 }; break;
                case "tags as a string": cell["metadata"]!["tags"] = "parameters"; break;
            }
        });

        var outcome = await RunAsync(path);

        Assert.True(outcome.ExitCode == 0, outcome.Log);
        Assert.Equal("42", Stdout(outcome.Executed("shapes.ipynb"), 0));
    }

    [Fact]
    public async Task AnOutputFolderThatHoldsTheSourceIsRefusedBeforeAnythingRuns()
    {
        var folder = NewTempFolder();
        var path = WriteNotebook(folder, "same.ipynb", "Console.Write(1);");
        var before = Hash(path);
        var log = new StringWriter();

        var exitCode = await NotebookRunner.RunnerCommand.RunAsync([path, "--output", folder, "--no-html"], log, kernel: TestSupport.Kernel);

        Assert.Equal(2, exitCode);
        Assert.Contains($"the executed copy of {path} would overwrite the source notebook", log.ToString());
        Assert.DoesNotContain("cell 1/1", log.ToString());
        Assert.Equal(before, Hash(path));
    }

    [Theory]
    [InlineData("--output")]
    [InlineData("--html")]
    public async Task AFileWhereAFolderIsExpectedIsRefusedBeforeAnythingRuns(string option)
    {
        var folder = NewTempFolder();
        var path = WriteNotebook(folder, "a.ipynb", "Console.Write(1);");
        var file = Path.Combine(folder, "not-a-folder.txt");
        File.WriteAllText(file, "x");
        var log = new StringWriter();
        string[] other = option == "--output" ? ["--html", Path.Combine(folder, "html")] : ["--output", Path.Combine(folder, "out")];

        var exitCode = await NotebookRunner.RunnerCommand.RunAsync([path, option, file, .. other], log, kernel: TestSupport.Kernel);

        Assert.Equal(2, exitCode);
        Assert.Contains($"error: {option} {file} is a file; give a folder", log.ToString());
        Assert.DoesNotContain("cell 1/1", log.ToString());
    }

    [Fact]
    public async Task ANotebookNamedIndexIsRefusedWhenItsPageWouldBeTheBooksIndex()
    {
        var folder = NewTempFolder();
        var path = WriteNotebook(folder, "index.ipynb", "Console.Write(1);");

        var refused = await RunAsync(path);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("its HTML page would overwrite the book's index.html", ErrorLine(refused));

        var withoutBook = await RunAsync(path, "--no-html");
        Assert.True(withoutBook.ExitCode == 0, withoutBook.Log);
    }

    [Theory]
    [InlineData("1e300")]
    [InlineData("5184000")]
    [InlineData("0")]
    [InlineData("NaN")]
    public async Task ATimeoutOutsideItsRangeIsRefused(string seconds)
    {
        var outcome = await RunAsync(Fixture("display.ipynb"), "--timeout-seconds", seconds);
        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains($"--timeout-seconds must be a number of seconds in (0, 86400] (one day), got '{seconds}'.", ErrorLine(outcome));
    }

    [Theory]
    [InlineData("rate=NaN", "Parameter 'rate' is double with a finite default: 'NaN' is not a finite number.")]
    [InlineData("rate=-Infinity", "Parameter 'rate' is double with a finite default: '-Infinity' is not a finite number.")]
    [InlineData("rate=1e400", "Parameter 'rate' is double with a finite default: '1e400' is not a finite number.")]
    [InlineData("sizes=", "Parameter 'sizes' is int[] with a non-empty default: give at least one value (comma-separated).")]
    [InlineData("weights=NaN,1", "Parameter 'weights' is double[] with a finite default: 'NaN' is not a finite number.")]
    public async Task NonFiniteOrEmptyValuesForFiniteOrNonEmptyDefaultsAreRefused(string parameter, string expected)
    {
        var outcome = await RunAsync(Fixture("parameters.ipynb"), "--param", parameter);
        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains(expected, ErrorLine(outcome));
    }

    [Fact]
    public async Task CancellingTheRunWritesTheCopyOfTheCellsThatRanAndExitsWith130()
    {
        var folder = NewTempFolder();
        var path = WriteNotebook(folder, "cancel.ipynb", "Console.Write(\"ran\");", "while (true) { }", "Console.Write(2);");
        var output = Path.Combine(folder, "out");
        var log = new StringWriter();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromSeconds(15));

        var exitCode = await NotebookRunner.RunnerCommand.RunAsync([path, "--output", output, "--html", Path.Combine(folder, "html")], log, cancellation.Token, TestSupport.Kernel);

        Assert.Equal(130, exitCode);
        var notebook = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "cancel.ipynb")))!;
        Assert.Equal("ran", Stdout(notebook, 0));
        Assert.StartsWith("Cancelled (Ctrl-C or SIGTERM) while this cell ran", (string?)Error(notebook, 1)["evalue"], StringComparison.Ordinal);
        Assert.Null(notebook["cells"]![2]!["execution_count"]);
        Assert.Contains("[cancel.ipynb] CANCELLED in", log.ToString());
        Assert.True(File.Exists(Path.Combine(folder, "html", "cancel.html")), log.ToString());
    }

    [Fact]
    public async Task AStackOverflowIsOneLineNamingTheCellAndTheCopyIsWritten()
    {
        var folder = NewTempFolder();
        var path = WriteNotebook(folder, "deep.ipynb", "Console.Write(\"before\");", "int Down(int n) => Down(n + 1) + 1;\nDown(0);", "Console.Write(3);");

        var outcome = await RunAsync(path);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("deep.ipynb: cell 2: The kernel process exited with code 134 while this cell ran (SIGABRT: a stack overflow or a fatal runtime error)", ErrorLine(outcome));
        var notebook = outcome.Executed("deep.ipynb");
        Assert.Equal("before", Stdout(notebook, 0));
        Assert.Null(notebook["cells"]![2]!["execution_count"]);
    }

    [Fact]
    public async Task TheTimeLimitDoesNotCountTheCellsPackageRestore()
    {
        // A package never restored before: the kernel's restore takes seconds, longer than the 1 s limit.
        var folder = NewTempFolder();
        var feed = Path.Combine(folder, "feed");
        var id = $"WeakToStrong.TestFixture.Restore{Guid.NewGuid():N}"[..48];
        CompiledLibrary.Pack(id, "1.0.0", "namespace Restored; public static class Value { public static int Get() => 5; }", feed);
        var restore = $"#i \"nuget: {feed}\"\n#r \"nuget: {id}, 1.0.0\"\n";
        var path = WriteNotebook(folder, "restore.ipynb", restore + "Console.Write(Restored.Value.Get());", "System.Threading.Thread.Sleep(3000);");

        var outcome = await RunAsync(path, "--timeout-seconds", "1");

        var notebook = outcome.Executed("restore.ipynb");
        Assert.Equal("5", Stdout(notebook, 0));
        Assert.Contains("did not finish within 1 s", (string?)Error(notebook, 1)["evalue"]);
        var setup = notebook["cells"]![0]!["metadata"]!["execution"]!;
        var seconds = (DateTimeOffset.Parse((string)setup["shell.execute_reply"]!) - DateTimeOffset.Parse((string)setup["iopub.execute_input"]!)).TotalSeconds;
        Assert.True(seconds > 1, $"the restoring cell took {seconds:0.00} s, so it did not show that restore time is excluded");
    }
}
