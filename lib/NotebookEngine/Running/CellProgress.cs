using NotebookEngine.Execution;

namespace NotebookEngine.Running;

/// <summary>Progress of one code cell of a notebook run.</summary>
/// <param name="NotebookPath">The notebook being executed.</param>
/// <param name="CellNumber">The 1-based position of the cell in the notebook (Markdown cells count, as in the editor).</param>
/// <param name="CellCount">The number of cells of the notebook.</param>
/// <param name="FirstLine">The cell's first non-empty line, for display.</param>
/// <param name="Finished">False when the cell starts, true when it has finished.</param>
/// <param name="Elapsed">The cell's wall time (zero when it starts).</param>
/// <param name="Failure">Why the cell failed, or <see langword="null"/>.</param>
public sealed record CellProgress(string NotebookPath, int CellNumber, int CellCount, string FirstLine, bool Finished, TimeSpan Elapsed, CellFailure? Failure);
