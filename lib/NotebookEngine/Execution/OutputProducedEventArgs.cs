using NotebookEngine.Model;

namespace NotebookEngine.Execution;

/// <summary>A cell produced output: console text (each write, as a <see cref="StreamOutput"/>) or a new display.</summary>
/// <param name="output">The output.</param>
public sealed class OutputProducedEventArgs(CellOutput output) : EventArgs
{
    /// <summary>The output; for console text, only the text of this write.</summary>
    public CellOutput Output { get; } = output;
}
