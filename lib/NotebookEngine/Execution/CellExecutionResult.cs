using NotebookEngine.Model;

namespace NotebookEngine.Execution;

/// <summary>The outcome of executing one cell in the kernel.</summary>
/// <param name="Outputs">The outputs, in order (an error output last when the cell failed).</param>
/// <param name="Failure">Why the cell failed, or <see langword="null"/> when it succeeded.</param>
/// <param name="Elapsed">The wall time of the cell, from submission to the kernel's reply.</param>
public sealed record CellExecutionResult(IReadOnlyList<CellOutput> Outputs, CellFailure? Failure, TimeSpan Elapsed)
{
    /// <summary>True when the cell succeeded.</summary>
    public bool Succeeded => Failure is null;

    /// <summary>Updates this cell made to displays of earlier cells (matched by display id), in order.</summary>
    public IReadOnlyList<DisplayDataOutput> EarlierDisplayUpdates { get; init; } = [];
}
