using static NotebookEngine.Tests.TestSupport;

namespace NotebookEngine.Tests;

/// <summary>How failures in the real kernel reach the executed copy and the log.</summary>
public sealed class FailureTests
{
    [Fact]
    public async Task FailingCellsBecomeErrorOutputsAndLaterCellsStillRun()
    {
        var outcome = await RunAsync(Fixture("failing.ipynb"));
        Assert.Equal(1, outcome.ExitCode);
        var notebook = outcome.Executed("failing.ipynb");

        // As the kernel's own Jupyter front end writes it: ename "Error", the kernel's message, its lines as traceback.
        var error = Error(notebook, 1);
        Assert.Equal("Error", (string?)error["ename"]);
        Assert.StartsWith("System.InvalidOperationException: boom\n", (string?)error["evalue"], StringComparison.Ordinal);
        Assert.Equal("System.InvalidOperationException: boom", (string?)error["traceback"]![0]);
        Assert.Contains("failing.ipynb: cell 2: System.InvalidOperationException: boom", outcome.Log);

        Assert.Equal("2", Stdout(notebook, 2));

        // The kernel compiles the cell without its #!time line, so its message says (2,1); the log names the cell's own line 3.
        var compilation = Error(notebook, 3);
        Assert.Equal("(2,1): error CS0103: The name 'notDefined' does not exist in the current context", (string?)compilation["evalue"]);
        Assert.Contains("failing.ipynb: cell 4, line 3: (2,1): error CS0103", outcome.Log);
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
    public async Task FSharpCellsRunInTheKernelsFSharpSubkernelAndCSharpStateSurvivesThem()
    {
        var outcome = await RunAsync(Fixture("fsharp.ipynb"));
        Assert.True(outcome.ExitCode == 0, outcome.Log);
        var notebook = outcome.Executed("fsharp.ipynb");
        Assert.Empty(Outputs(notebook, 1));
        Assert.Empty(Outputs(notebook, 2));
        Assert.Equal("1", Stdout(notebook, 3));
    }

    [Fact]
    public async Task ChoosersInsideACellSwitchKernelsForTheLinesBelowThem()
    {
        var folder = NewTempFolder();
        var path = WriteNotebook(
            folder,
            "mixed.ipynb",
            "var n = 20;\n#!fsharp\nlet m = 1 + 1\nprintf \"%d|\" m\n#!csharp\nConsole.Write(n + 1);",
            "#!fsharp\nprintf \"%d\" (m * 3)",
            "#!c#\nConsole.Write(n * 2);");
        var outcome = await RunAsync(path);
        Assert.True(outcome.ExitCode == 0, outcome.Log);
        var notebook = outcome.Executed("mixed.ipynb");
        Assert.Equal("2|21", Stdout(notebook, 0));
        Assert.Equal("6", Stdout(notebook, 1));
        Assert.Equal("40", Stdout(notebook, 2));
    }

    [Fact]
    public async Task AKernelTheToolDoesNotHaveFailsTheCellByName()
    {
        var folder = NewTempFolder();
        var path = WriteNotebook(folder, "sql.ipynb", "#!sql\nSELECT 1", "Console.Write(5);");
        var outcome = await RunAsync(path);
        Assert.Equal(1, outcome.ExitCode);
        var notebook = outcome.Executed("sql.ipynb");
        Assert.Contains("The kernel has no subkernel named 'sql'", (string?)Error(notebook, 0)["evalue"]);
        Assert.Equal("5", Stdout(notebook, 1));
    }

    [Fact]
    public async Task AnUnknownMagicFailsTheCellWithTheKernelsMessage()
    {
        var folder = NewTempFolder();
        var path = WriteNotebook(folder, "magic.ipynb", "var x = 1;\n#!frobnicate --now", "Console.Write(x);");
        var outcome = await RunAsync(path);
        Assert.Equal(1, outcome.ExitCode);
        var notebook = outcome.Executed("magic.ipynb");
        Assert.Contains("#!frobnicate", (string?)Error(notebook, 0)["evalue"]);
        Assert.Contains("magic.ipynb: cell 1", outcome.Log);
    }

    [Fact]
    public async Task ACellPastTheTimeLimitStopsTheKernelEvenWhenItNeverYields()
    {
        var folder = NewTempFolder();
        // The pause lets the kernel send "started" before the loop takes the core, even on a loaded machine.
        var path = WriteNotebook(folder, "busy.ipynb", "Console.WriteLine(\"started\");\nawait Task.Delay(1500);\nwhile (true) { }", "Console.Write(1);");
        var outcome = await RunAsync(path, "--timeout-seconds", "5");
        Assert.Equal(1, outcome.ExitCode);
        var notebook = outcome.Executed("busy.ipynb");
        Assert.Equal("started\n", Stdout(notebook, 0));
        Assert.Contains("did not finish within 5 s", (string?)Error(notebook, 0)["evalue"]);
        Assert.Null(notebook["cells"]![1]!["execution_count"]);
        Assert.Contains("busy.ipynb: cell 1: The cell did not finish within 5 s", outcome.Log);
    }

    [Fact]
    public async Task EnvironmentExitInACellFailsTheRunAndTheExecutedCopyIsStillWritten()
    {
        var folder = NewTempFolder();
        var path = WriteNotebook(folder, "exit.ipynb", "throw new Exception(\"first\");", "Console.WriteLine(\"leaving\");\nawait Task.Delay(1500);\nEnvironment.Exit(0);", "Console.Write(1);");
        var outcome = await RunAsync(path);
        Assert.Equal(1, outcome.ExitCode);
        var notebook = outcome.Executed("exit.ipynb");
        Assert.Contains("The kernel process exited with code 0 while this cell ran", (string?)Error(notebook, 1)["evalue"]);
        Assert.Equal("leaving\n", Stdout(notebook, 1));
        Assert.Null(notebook["cells"]![2]!["execution_count"]);
        Assert.Contains("exit.ipynb: cell 2: The kernel process exited with code 0", outcome.Log);
        Assert.True(File.Exists(Path.Combine(outcome.OutputFolder, "html", "exit.html")), outcome.Log);
    }
}
