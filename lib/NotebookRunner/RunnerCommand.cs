using System.Globalization;
using NotebookEngine.Export;
using NotebookEngine.Kernel;
using NotebookEngine.Parameters;
using NotebookEngine.Reading;
using NotebookEngine.Running;

namespace NotebookRunner;

/// <summary>The runner's command: parses arguments, executes each notebook, writes the executed copies, reports progress and failures.</summary>
public static class RunnerCommand
{
    /// <summary>Every cell of every notebook succeeded.</summary>
    public const int Success = 0;

    /// <summary>A cell failed.</summary>
    public const int CellFailed = 1;

    /// <summary>Bad usage or bad input.</summary>
    public const int BadInput = 2;

    /// <summary>The kernel could not be restored or started.</summary>
    public const int KernelUnavailable = 3;

    /// <summary>The run was cancelled (Ctrl-C, SIGTERM); the copy of the notebook that was running is still written.</summary>
    public const int Cancelled = 130;

    /// <summary>Runs the command.</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="log">Where progress and errors go (standard error for the executable).</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <param name="kernel">The kernel (default: the pinned tool of the repository this runner was built in).</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter log, CancellationToken cancellationToken = default, KernelTool? kernel = null)
    {
        RunnerOptions options;
        IReadOnlyList<string> notebooks;
        try
        {
            options = CommandLine.Parse(args);
            if (options.ShowHelp)
            {
                await log.WriteLineAsync(CommandLine.Usage).ConfigureAwait(false);
                return Success;
            }

            notebooks = NotebookDiscovery.Expand(options.Inputs);
            if (notebooks.Count == 0)
            {
                throw new UsageException($"No notebooks found in {string.Join(", ", options.Inputs)}.");
            }

            var duplicate = notebooks.GroupBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null)
            {
                throw new UsageException($"Two notebooks are named {duplicate.Key} ({string.Join(", ", duplicate)}); their executed copies would overwrite each other.");
            }
        }
        catch (UsageException e)
        {
            await log.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            return BadInput;
        }

        var outputDirectory = Path.GetFullPath(options.OutputDirectory
            ?? Path.Combine(NotebookDiscovery.RepositoryRoot(Directory.GetCurrentDirectory()), "artifacts", "notebooks"));
        var htmlDirectory = options.NoHtml ? null : Path.GetFullPath(options.HtmlDirectory
            ?? Path.Combine(NotebookDiscovery.RepositoryRoot(Directory.GetCurrentDirectory()), "artifacts", "html"));
        try
        {
            OutputLocations.Check(notebooks, outputDirectory, htmlDirectory);
        }
        catch (UsageException e)
        {
            await log.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            return BadInput;
        }
        try
        {
            kernel ??= KernelTool.FromRepository(NotebookDiscovery.RepositoryRoot(AppContext.BaseDirectory));
        }
        catch (KernelStartException e)
        {
            await log.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            return KernelUnavailable;
        }

        var executionOptions = new NotebookExecutionOptions
        {
            Kernel = kernel,
            Parameters = options.Parameters,
            FailFast = options.FailFast,
            CellTimeout = options.TimeoutSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
            OnProgress = progress => ReportProgress(log, progress),
        };

        var exitCode = Success;
        var written = new List<string>();
        foreach (var notebook in notebooks)
        {
            var outcome = await RunNotebookAsync(notebook, outputDirectory, executionOptions, log, cancellationToken).ConfigureAwait(false);
            if (outcome.WrittenPath is { } path)
            {
                written.Add(path);
            }

            exitCode = Math.Max(exitCode, outcome.ExitCode);
            if (outcome.ExitCode == Cancelled || (options.FailFast && outcome.ExitCode != Success))
            {
                break;
            }
        }

        if (htmlDirectory is not null && written.Count > 0)
        {
            try
            {
                var book = HtmlBook.Export(written, htmlDirectory, new HtmlBookOptions { Title = options.HtmlTitle });
                foreach (var warning in book.Warnings)
                {
                    await log.WriteLineAsync($"warning: {warning}").ConfigureAwait(false);
                }

                await log.WriteLineAsync($"HTML book: {book.IndexPath}").ConfigureAwait(false);
                if (options.Figures)
                {
                    try
                    {
                        var sheet = FigureSheet.Write(book);
                        await log.WriteLineAsync($"Contact sheet ({string.Join(", ", sheet.FiguresPerNotebook.Select(f => $"{f.Notebook}: {f.Figures}"))} figures): {sheet.SheetPath}").ConfigureAwait(false);
                    }
                    catch (Exception e) when (e is InvalidOperationException or TimeoutException)
                    {
                        await log.WriteLineAsync($"error: contact sheet: {e.Message}").ConfigureAwait(false);
                        exitCode = Math.Max(exitCode, BadInput);
                    }
                }
            }
            catch (HtmlBookException e)
            {
                await log.WriteLineAsync($"error: HTML export failed: {e.Message}").ConfigureAwait(false);
                exitCode = Math.Max(exitCode, BadInput);
            }
        }

        await log.WriteLineAsync(exitCode == Success
            ? $"{written.Count} notebook(s) executed, all cells succeeded; executed copies in {outputDirectory}"
            : $"{written.Count} notebook(s) written to {outputDirectory}; see the errors above (exit code {exitCode})").ConfigureAwait(false);
        return exitCode;
    }

    private static async Task<(int ExitCode, string? WrittenPath)> RunNotebookAsync(
        string notebook, string outputDirectory, NotebookExecutionOptions options, TextWriter log, CancellationToken cancellationToken)
    {
        NotebookRunResult result;
        try
        {
            result = await NotebookExecutor.ExecuteAsync(notebook, options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NotebookFormatException or ParameterException or FileNotFoundException)
        {
            var message = e is NotebookFormatException ? e.Message : $"{notebook}: {e.Message}";
            await log.WriteLineAsync($"error: {message}").ConfigureAwait(false);
            return (BadInput, null);
        }
        catch (KernelStartException e)
        {
            await log.WriteLineAsync($"error: {notebook}: {e.Message}").ConfigureAwait(false);
            return (KernelUnavailable, null);
        }

        var outputPath = Path.Combine(outputDirectory, Path.GetFileName(notebook));
        NotebookWriter.WriteFile(result.Executed, outputPath);

        var exitCode = result.Cancelled ? Cancelled : result.Succeeded ? Success : CellFailed;
        var status = result.Cancelled ? "CANCELLED" : result.Succeeded ? "ok" : "FAILED";
        await log.WriteLineAsync($"[{Path.GetFileName(notebook)}] {status} in {Seconds(result.Elapsed)} -> {outputPath}").ConfigureAwait(false);
        return (exitCode, outputPath);
    }

    private static void ReportProgress(TextWriter log, CellProgress progress)
    {
        if (!progress.Finished)
        {
            return;
        }

        var firstLine = progress.FirstLine.Length > 60 ? progress.FirstLine[..57] + "..." : progress.FirstLine;
        var status = progress.Failure is null ? "" : " FAILED";
        log.WriteLine($"[{Path.GetFileName(progress.NotebookPath)}] cell {progress.CellNumber}/{progress.CellCount} {firstLine} {Seconds(progress.Elapsed)}{status}");
        if (progress.Failure is { } failure)
        {
            log.WriteLine($"error: {new CellFailureReport(progress.NotebookPath, progress.CellNumber, failure)}");
        }
    }

    private static string Seconds(TimeSpan elapsed) => elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";
}
