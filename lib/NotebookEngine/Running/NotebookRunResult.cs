using NotebookEngine.Model;

namespace NotebookEngine.Running;

/// <summary>The outcome of executing a notebook.</summary>
/// <param name="NotebookPath">The source notebook (never modified).</param>
/// <param name="Executed">The executed copy: outputs, execution counts, per-cell start and end times.</param>
/// <param name="Failures">The failed cells, in order.</param>
/// <param name="Elapsed">The wall time of the whole notebook.</param>
public sealed record NotebookRunResult(string NotebookPath, Notebook Executed, IReadOnlyList<CellFailureReport> Failures, TimeSpan Elapsed)
{
    /// <summary>True when every cell succeeded.</summary>
    public bool Succeeded => Failures.Count == 0;

    /// <summary>True when the run was cancelled (Ctrl-C, SIGTERM) during a cell: the copy holds the cells that ran, and that cell's cancellation.</summary>
    public bool Cancelled { get; init; }
}
