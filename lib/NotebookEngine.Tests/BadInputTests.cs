using static NotebookEngine.Tests.TestSupport;

namespace NotebookEngine.Tests;

public sealed class BadInputTests
{
    private static string ErrorLine(RunOutcome outcome) =>
        Assert.Single(outcome.Log.Split('\n'), line => line.StartsWith("error:", StringComparison.Ordinal));

    [Fact]
    public async Task MalformedJsonIsOneLineWithItsPosition()
    {
        var outcome = await RunAsync(Fixture("malformed.ipynb"));
        Assert.Equal(2, outcome.ExitCode);
        Assert.Matches(@"malformed\.ipynb: malformed JSON at line 4, position 2: .*invalid without a matching open\.$", ErrorLine(outcome).TrimEnd());
        Assert.DoesNotContain("   at ", outcome.Log);
    }

    [Fact]
    public async Task AJsonFileThatIsNotANotebookIsRefused()
    {
        var outcome = await RunAsync(Fixture("not-a-notebook.ipynb"));
        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("not a Jupyter notebook", ErrorLine(outcome));
    }

    [Fact]
    public async Task UnsupportedKernelspecIsRefused()
    {
        var outcome = await RunAsync(Fixture("python.ipynb"));
        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("unsupported kernelspec \"python3\"", ErrorLine(outcome));
    }

    [Fact]
    public async Task MissingFileIsRefused()
    {
        var outcome = await RunAsync(Path.Combine(NewTempFolder(), "nowhere.ipynb"));
        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("nowhere.ipynb: no such file or folder", ErrorLine(outcome));
    }

    [Theory]
    [InlineData("--frobnicate", "Unknown option '--frobnicate'")]
    [InlineData("--param=novalue", "--param expects name=value, got 'novalue'")]
    [InlineData("--timeout-seconds=-1", "--timeout-seconds must be a number of seconds in (0, 86400] (one day), got '-1'.")]
    public async Task BadUsageIsOneLine(string option, string expected)
    {
        var outcome = await RunAsync(Fixture("display.ipynb"), option);
        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains(expected, ErrorLine(outcome));
    }

    [Fact]
    public async Task HelpPrintsUsage()
    {
        var log = new StringWriter();
        Assert.Equal(0, await NotebookRunner.RunnerCommand.RunAsync(["--help"], log));
        Assert.Contains("--timeout-seconds", log.ToString());
    }

    [Fact]
    public void FoldersExpandToSortedNotebooksSkippingExecutedCopiesAndArtifacts()
    {
        var folder = NewTempFolder();
        foreach (var name in new[] { "b.ipynb", "a.ipynb", "a.executed.ipynb", "artifacts/c.ipynb", "sub/d.ipynb" })
        {
            var path = Path.Combine(folder, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, "{}");
        }

        var found = NotebookRunner.NotebookDiscovery.Expand([folder]).Select(p => Path.GetRelativePath(folder, p)).ToList();
        Assert.Equal(["a.ipynb", "b.ipynb", Path.Combine("sub", "d.ipynb")], found);
    }

    [Fact]
    public void RepositoryRootIsTheFolderWithTheSolution()
    {
        var root = NotebookRunner.NotebookDiscovery.RepositoryRoot(AppContext.BaseDirectory);
        Assert.True(File.Exists(Path.Combine(root, "WeakToStrongNotebooks.sln")), root);
    }
}
