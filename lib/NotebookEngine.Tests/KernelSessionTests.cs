using NotebookEngine.Kernel;
using NotebookEngine.Model;

namespace NotebookEngine.Tests;

/// <summary>One kernel process driven directly: state across cells, chooser routing, time limits, exits, clean shutdown.</summary>
public sealed class KernelSessionTests
{
    [Fact]
    public async Task StateIsSharedAcrossCellsAndSurvivesAnException()
    {
        await using var session = await KernelSession.StartAsync(TestSupport.Kernel, TestSupport.NewTempFolder());
        await session.ExecuteAsync("csharp", "var kept = 41;\nstring Greet(string who) => $\"hi {who}\";", null);
        var failed = await session.ExecuteAsync("csharp", "kept++;\nthrow new ArgumentException(\"no\");", null);
        var after = await session.ExecuteAsync("csharp", "Console.Write(Greet(kept.ToString()));", null);

        Assert.Equal("System.ArgumentException: no", failed.Failure?.Message);
        Assert.Equal(new StreamOutput("stdout", "hi 42"), Assert.Single(after.Outputs));
        Assert.Equal(3, session.ExecutionCount);
    }

    [Fact]
    public void ACellIsSplitAtItsKernelChoosersKeepingEveryLineAtItsPlace()
    {
        Assert.Equal([("csharp", "\nvar x = 1;")], KernelSession.SplitAtChoosers("csharp", "#!csharp\nvar x = 1;"));
        Assert.Equal([("fsharp", "\n\nlet x = 1")], KernelSession.SplitAtChoosers("csharp", "\n  #!fsharp\nlet x = 1"));
        Assert.Equal([("csharp", "\nvar x = 1;")], KernelSession.SplitAtChoosers("fsharp", "#!C#\nvar x = 1;"));
        Assert.Equal(
            [("csharp", "var x = 1;"), ("fsharp", "\n\nlet y = 2"), ("csharp", "\n\n\n\nConsole.Write(x);")],
            KernelSession.SplitAtChoosers("csharp", "var x = 1;\n#!fsharp\nlet y = 2\n#!csharp\nConsole.Write(x);"));

        // Magics that are not kernel choosers stay in their part; a cell without choosers is one part, unchanged.
        Assert.Equal([("csharp", "#!time\nvar x = 1;")], KernelSession.SplitAtChoosers("csharp", "#!time\nvar x = 1;"));
        Assert.Empty(KernelSession.SplitAtChoosers("csharp", "#!fsharp\n  \n"));
    }

    [Fact]
    public async Task CompileErrorsReportTheCellsOwnLine()
    {
        await using var session = await KernelSession.StartAsync(TestSupport.Kernel, TestSupport.NewTempFolder());
        var result = await session.ExecuteAsync("csharp", "// one\n// two\nvar y = undefinedName;", null);
        Assert.Equal(3, result.Failure?.Line);
        Assert.Contains("error CS0103: The name 'undefinedName' does not exist", result.Failure?.Message);
    }

    [Fact]
    public async Task DisposingStopsTheKernelProcessAndEveryChildItStarted()
    {
        int[] family;
        await using (var session = await KernelSession.StartAsync(TestSupport.Kernel, TestSupport.NewTempFolder()))
        {
            // The kernel is one process (dotnet running the tool's entry assembly); a cell gives it a child to clean up.
            var started = await session.ExecuteAsync("csharp", "var child = System.Diagnostics.Process.Start(\"sleep\", \"300\");", null);
            Assert.Null(started.Failure);
            family = [session.ProcessId, .. LinuxProcesses.DescendantsOf(session.ProcessId)];
            Assert.True(family.Length >= 2, $"expected the kernel and the process its cell started, saw {string.Join(", ", family)}");
        }

        Assert.Empty(LinuxProcesses.StillRunningAfterGracePeriod(family)); // still running after the session was disposed
    }

    [Fact]
    public async Task ATimedOutCellKillsTheKernelAndLaterCellsReportWhy()
    {
        await using var session = await KernelSession.StartAsync(TestSupport.Kernel, TestSupport.NewTempFolder());
        var family = new[] { session.ProcessId }.Concat(LinuxProcesses.DescendantsOf(session.ProcessId)).ToList();
        var busy = await session.ExecuteAsync("csharp", "while (true) { }", TimeSpan.FromSeconds(2));
        Assert.StartsWith("The cell did not finish within 2 s", busy.Failure?.Message, StringComparison.Ordinal);
        Assert.Empty(LinuxProcesses.StillRunningAfterGracePeriod(family)); // still running after the time limit

        var later = await session.ExecuteAsync("csharp", "var x = 1;", null);
        Assert.Equal("Not executed: an earlier cell ran past the 2 s time limit and the kernel was stopped.", later.Failure?.Message);
    }

    [Fact]
    public async Task AnExitCodeFromACellIsReportedWithTheOutputSoFar()
    {
        await using var session = await KernelSession.StartAsync(TestSupport.Kernel, TestSupport.NewTempFolder());
        var result = await session.ExecuteAsync("csharp", "Console.Write(\"bye\");\nawait Task.Delay(1500);\nEnvironment.Exit(3);", null);
        Assert.StartsWith("The kernel process exited with code 3 while this cell ran", result.Failure?.Message, StringComparison.Ordinal);
        Assert.Equal(new StreamOutput("stdout", "bye"), result.Outputs[0]);
        Assert.Equal("the kernel process exited with code 3 in an earlier cell.", session.EndedBecause);
    }

    [Fact]
    public async Task CancellationKillsTheKernelAndPropagates()
    {
        await using var session = await KernelSession.StartAsync(TestSupport.Kernel, TestSupport.NewTempFolder());
        var family = new[] { session.ProcessId }.Concat(LinuxProcesses.DescendantsOf(session.ProcessId)).ToList();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => session.ExecuteAsync("csharp", "while (true) { }", null, cancellation.Token));
        Assert.Empty(LinuxProcesses.StillRunningAfterGracePeriod(family)); // still running after cancellation
    }
}
