using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using NotebookEngine.Execution;
using NotebookEngine.Kernel;
using NotebookEngine.Model;
using NotebookEngine.Parameters;
using NotebookEngine.Reading;

namespace NotebookEngine.Running;

/// <summary>
/// Executes a whole notebook in the real .NET Interactive kernel: reads it, injects parameters, starts one
/// <see cref="KernelSession"/> (the pinned tool over stdio) whose working directory is the notebook's folder, submits its
/// code cells in order, and returns an executed copy with the kernel's outputs and each cell's start and end times
/// (the source notebook is never modified). Markdown and raw cells are not executed. Each notebook gets its own kernel
/// process, so notebooks may run concurrently.
/// </summary>
public static class NotebookExecutor
{
    /// <summary>Reads and executes the notebook at <paramref name="notebookPath"/>.</summary>
    /// <exception cref="NotebookFormatException">The file is not a C# Polyglot notebook.</exception>
    /// <exception cref="ParameterException">A parameter cannot be injected.</exception>
    /// <exception cref="KernelStartException">The kernel could not be restored or started.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static Task<NotebookRunResult> ExecuteAsync(string notebookPath, NotebookExecutionOptions options, CancellationToken cancellationToken = default)
    {
        var notebook = NotebookReader.ReadFile(notebookPath);
        return ExecuteAsync(notebook, notebookPath, options, cancellationToken);
    }

    /// <summary>Executes <paramref name="notebook"/>, read from <paramref name="notebookPath"/> (its folder is the kernel's working directory).</summary>
    /// <exception cref="ParameterException">A parameter cannot be injected.</exception>
    /// <exception cref="KernelStartException">The kernel could not be restored or started.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task<NotebookRunResult> ExecuteAsync(Notebook notebook, string notebookPath, NotebookExecutionOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var total = Stopwatch.StartNew();
        var executed = notebook.Clone();
        ParameterInjector.Inject(executed, options.Parameters);
        foreach (var cell in executed.Cells.Where(c => c.Type == CellType.Code))
        {
            cell.Outputs.Clear();
            cell.ExecutionCount = null;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(notebookPath))!;
        await using var session = await KernelSession.StartAsync(options.Kernel, folder, cancellationToken).ConfigureAwait(false);
        var (failures, cancelled) = await ExecuteCellsAsync(executed, notebookPath, session, options, cancellationToken).ConfigureAwait(false);
        return new NotebookRunResult(notebookPath, executed, failures, total.Elapsed) { Cancelled = cancelled };
    }

    private static async Task<(List<CellFailureReport> Failures, bool Cancelled)> ExecuteCellsAsync(
        Notebook executed, string notebookPath, KernelSession session, NotebookExecutionOptions options, CancellationToken cancellationToken)
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
            CellExecutionResult result;
            try
            {
                result = await session.ExecuteAsync(cell.KernelName, cell.Source, options.CellTimeout, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // The session has killed the kernel; keep what ran, and say in this cell why it stopped.
                const string message = "Cancelled (Ctrl-C or SIGTERM) while this cell ran; the kernel was stopped and the remaining cells were not executed.";
                cell.ExecutionCount = session.ExecutionCount;
                cell.Outputs.Clear();
                cell.Outputs.Add(new ErrorOutput("Error", message, [message]));
                failures.Add(new CellFailureReport(notebookPath, number, new CellFailure(null, message)));
                return (failures, true);
            }

            var ended = DateTimeOffset.UtcNow;
            cell.ExecutionCount = session.ExecutionCount;
            cell.Outputs.Clear();
            cell.Outputs.AddRange(result.Outputs);
            foreach (var update in result.EarlierDisplayUpdates)
            {
                ReplaceDisplay(executed, update);
            }

            cell.Metadata["execution"] = new JsonObject
            {
                ["iopub.execute_input"] = started.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
                ["shell.execute_reply"] = ended.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            };
            options.OnProgress?.Invoke(new CellProgress(notebookPath, number, executed.Cells.Count, firstLine, true, result.Elapsed, result.Failure));
            if (result.Failure is { } failure)
            {
                failures.Add(new CellFailureReport(notebookPath, number, failure));
                if (options.FailFast || session.EndedBecause is not null)
                {
                    break;
                }
            }
        }

        return (failures, false);
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
