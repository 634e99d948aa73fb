namespace NotebookEngine.Execution;

/// <summary>Why a cell failed.</summary>
/// <param name="Line">The 1-based line of the cell where it failed, when known.</param>
/// <param name="Message">What failed, in one line (the compiler diagnostics, the exception type and message, or the directive error).</param>
public sealed record CellFailure(int? Line, string Message)
{
    /// <summary>The message prefixed with the line, e.g. <c>line 3: error CS0103: ...</c>.</summary>
    public override string ToString() => Line is { } line ? $"line {line}: {Message}" : Message;
}
