using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.DotNet.Interactive.Formatting;
using NotebookEngine.Execution;
using NotebookEngine.Model;
using NotebookEngine.Parameters;
using NotebookEngine.Reading;

namespace NotebookEngine.Running;

/// <summary>
/// Executes a whole notebook: reads it, injects parameters, runs its C# code cells in order in one
/// <see cref="NotebookSession"/> whose working directory is the notebook's folder, and returns an executed copy
/// (the source notebook is never modified). Markdown and raw cells are not executed; cells of other kernels fail.
/// Notebooks share the process-wide <see cref="Formatter"/> and working directory, so run one notebook at a time per process.
/// </summary>
public static class NotebookExecutor
{
    /// <summary>Reads and executes the notebook at <paramref name="notebookPath"/>.</summary>
    /// <exception cref="NotebookFormatException">The file is not a C# Polyglot notebook.</exception>
    /// <exception cref="ParameterException">A parameter cannot be injected.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static Task<NotebookRunResult> ExecuteAsync(string notebookPath, NotebookExecutionOptions options, CancellationToken cancellationToken = default)
    {
        var notebook = NotebookReader.ReadFile(notebookPath);
        return ExecuteAsync(notebook, notebookPath, options, cancellationToken);
    }

    /// <summary>Executes <paramref name="notebook"/>, read from <paramref name="notebookPath"/> (its folder is the working directory).</summary>
    /// <exception cref="ParameterException">A parameter cannot be injected.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task<NotebookRunResult> ExecuteAsync(Notebook notebook, string notebookPath, NotebookExecutionOptions options, CancellationToken cancellationToken = default)
    {
        var total = Stopwatch.StartNew();
        var executed = notebook.Clone();
        ParameterInjector.Inject(executed, options.Parameters);
        foreach (var cell in executed.Cells.Where(c => c.Type == CellType.Code))
        {
            cell.Outputs.Clear();
            cell.ExecutionCount = null;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(notebookPath))!;
        var previousDirectory = Directory.GetCurrentDirectory();

        // Each notebook starts with Polyglot's default formatters, as in a fresh kernel; the formatter is process-wide,
        // so notebooks in one process must run one after another.
        Formatter.ResetToDefault();
        var session = new NotebookSession(folder, options.Restorer);
        session.DisplayUpdated += (_, e) =>
        {
            if (!e.IsInCurrentCell)
            {
                ReplaceDisplay(executed, e.Output);
            }
        };
        try
        {
            var failures = await ExecuteCellsAsync(executed, notebookPath, session, options, cancellationToken).ConfigureAwait(false);
            return new NotebookRunResult(notebookPath, executed, failures, total.Elapsed);
        }
        finally
        {
            Directory.SetCurrentDirectory(previousDirectory);
        }
    }

    private static async Task<List<CellFailureReport>> ExecuteCellsAsync(
        Notebook executed, string notebookPath, NotebookSession session, NotebookExecutionOptions options, CancellationToken cancellationToken)
    {
        var failures = new List<CellFailureReport>();
        for (var index = 0; index < executed.Cells.Count; index++)
        {
            var cell = executed.Cells[index];
            if (cell.Type != CellType.Code || string.IsNullOrWhiteSpace(cell.Source))
            {
                continue;
            }

            var number = index + 1;
            var firstLine = cell.Source.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "";
            options.OnProgress?.Invoke(new CellProgress(notebookPath, number, executed.Cells.Count, firstLine, false, TimeSpan.Zero, null));
            var started = DateTimeOffset.UtcNow;
            var (result, timedOut) = await ExecuteCellAsync(session, cell, options.CellTimeout, cancellationToken).ConfigureAwait(false);
            var ended = DateTimeOffset.UtcNow;
            cell.ExecutionCount = session.ExecutionCount;
            cell.Outputs.Clear();
            cell.Outputs.AddRange(result.Outputs);
            cell.Metadata["execution"] = new JsonObject
            {
                ["iopub.execute_input"] = started.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
                ["shell.execute_reply"] = ended.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            };
            options.OnProgress?.Invoke(new CellProgress(notebookPath, number, executed.Cells.Count, firstLine, true, result.Elapsed, result.Failure));
            if (result.Failure is { } failure)
            {
                failures.Add(new CellFailureReport(notebookPath, number, failure));
                if (options.FailFast || timedOut)
                {
                    break;
                }
            }
        }

        return failures;
    }

    private static async Task<(CellExecutionResult Result, bool TimedOut)> ExecuteCellAsync(
        NotebookSession session, NotebookCell cell, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        if (!KernelNames.IsCSharp(cell.KernelName))
        {
            var refusal = $"The {cell.KernelName} kernel is not supported: the engine executes C# cells only.";
            return (new CellExecutionResult([new ErrorOutput("Error", refusal, [refusal])], new CellFailure(null, refusal, IsInputError: true), TimeSpan.Zero), false);
        }

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (timeout is { } span)
        {
            limit.CancelAfter(span);
        }

        var result = await session.ExecuteCellAsync(cell.Source, limit.Token).ConfigureAwait(false);
        if (!result.WasCancelled)
        {
            return (result, false);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var message = $"The cell did not finish within {timeout?.TotalSeconds:0.###} s (--timeout-seconds); the remaining cells were not executed.";
        var outputs = result.Outputs.Where(o => o is not ErrorOutput).Append(new ErrorOutput("TimeoutException", message, [message])).ToList();
        return (new CellExecutionResult(outputs, new CellFailure(null, message), result.Elapsed, WasCancelled: true), true);
    }

    private static void ReplaceDisplay(Notebook notebook, DisplayDataOutput updated)
    {
        foreach (var cell in notebook.Cells)
        {
            var index = cell.Outputs.FindIndex(o => o is DisplayDataOutput display && display.DisplayId == updated.DisplayId);
            if (index >= 0)
            {
                cell.Outputs[index] = updated;
                return;
            }
        }
    }
}
