using NotebookEngine.Model;

namespace NotebookEngine.Execution;

/// <summary>The outcome of executing one cell.</summary>
/// <param name="Outputs">The outputs, in order (an error output last when the cell failed).</param>
/// <param name="Failure">Why the cell failed, or <see langword="null"/> when it succeeded.</param>
/// <param name="Elapsed">The wall time of the cell, directives included.</param>
public sealed record CellExecutionResult(IReadOnlyList<CellOutput> Outputs, CellFailure? Failure, TimeSpan Elapsed)
{
    /// <summary>True when the cell succeeded.</summary>
    public bool Succeeded => Failure is null;
}
