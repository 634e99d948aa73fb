using static NotebookEngine.Tests.TestSupport;

namespace NotebookEngine.Tests;

public sealed class FailureTests
{
    [Fact]
    public async Task FailingCellsBecomeErrorOutputsAndLaterCellsStillRun()
    {
        var outcome = await RunAsync(Fixture("failing.ipynb"));
        Assert.Equal(1, outcome.ExitCode);
        var notebook = outcome.Executed("failing.ipynb");

        var error = Error(notebook, 1);
        Assert.Equal("System.InvalidOperationException", (string?)error["ename"]);
        Assert.Equal("boom", (string?)error["evalue"]);
        Assert.Contains(error["traceback"]!.AsArray(), line => ((string)line!).Contains("InvalidOperationException: boom", StringComparison.Ordinal));
        Assert.Contains("failing.ipynb: cell 2, line 2: System.InvalidOperationException: boom", outcome.Log);

        Assert.Equal("2", Stdout(notebook, 2));

        var compilation = Error(notebook, 3);
        Assert.Equal("(3,1): error CS0103: The name 'notDefined' does not exist in the current context", (string?)compilation["evalue"]);
        Assert.Contains("failing.ipynb: cell 4, line 3: (3,1): error CS0103", outcome.Log);
    }

    [Fact]
    public async Task FailFastStopsAtTheFirstFailingCell()
    {
        var outcome = await RunAsync(Fixture("failing.ipynb"), "--fail-fast");
        Assert.Equal(1, outcome.ExitCode);
        var notebook = outcome.Executed("failing.ipynb");
        Assert.Equal(2, (int)notebook["cells"]![1]!["execution_count"]!);
        Assert.Null(notebook["cells"]![2]!["execution_count"]);
        Assert.Empty(Outputs(notebook, 2));
    }

    [Fact]
    public async Task OtherKernelsAreRefusedAndTheRestOfTheNotebookRuns()
    {
        var outcome = await RunAsync(Fixture("fsharp.ipynb"));
        Assert.Equal(2, outcome.ExitCode);
        var notebook = outcome.Executed("fsharp.ipynb");
        Assert.Contains("fsharp kernel is not supported", (string?)Error(notebook, 1)["evalue"]);
        Assert.Contains("fsharp kernel is not supported", (string?)Error(notebook, 2)["evalue"]);
        Assert.Equal("1", Stdout(notebook, 3));
    }

    [Fact]
    public async Task UnsupportedMagicFailsTheCell()
    {
        var folder = NewTempFolder();
        var path = WriteNotebook(folder, "magic.ipynb", "var x = 1;\n#!connect jupyter --kernel-name py");
        var outcome = await RunAsync(path);
        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("magic.ipynb: cell 1, line 2: The magic command #!connect is not supported", outcome.Log);
    }

    [Fact]
    public async Task CellTimeoutFailsTheCellAndStopsTheNotebook()
    {
        var folder = NewTempFolder();
        var path = WriteNotebook(folder, "slow.ipynb", "Console.WriteLine(\"started\");\nawait Task.Delay(TimeSpan.FromSeconds(30));", "Console.Write(1);");
        var outcome = await RunAsync(path, "--timeout-seconds", "0.5");
        Assert.Equal(1, outcome.ExitCode);
        var notebook = outcome.Executed("slow.ipynb");
        Assert.Equal("started\n", Stdout(notebook, 0));
        Assert.Equal("TimeoutException", (string?)Error(notebook, 0)["ename"]);
        Assert.Null(notebook["cells"]![1]!["execution_count"]);
    }
}
