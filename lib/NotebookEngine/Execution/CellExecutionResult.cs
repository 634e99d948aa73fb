using NotebookEngine.Model;

namespace NotebookEngine.Execution;

/// <summary>The outcome of executing one cell.</summary>
/// <param name="Outputs">The outputs, in order (an error output last when the cell failed).</param>
/// <param name="Failure">Why the cell failed, or <see langword="null"/> when it succeeded.</param>
/// <param name="Elapsed">The wall time of the cell, directives included.</param>
/// <param name="WasCancelled">True when the cell was cancelled before it finished (its outputs are those produced until then).</param>
public sealed record CellExecutionResult(IReadOnlyList<CellOutput> Outputs, CellFailure? Failure, TimeSpan Elapsed, bool WasCancelled = false)
{
    /// <summary>True when the cell succeeded.</summary>
    public bool Succeeded => Failure is null;
}
