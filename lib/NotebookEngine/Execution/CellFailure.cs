namespace NotebookEngine.Execution;

/// <summary>Why a cell failed.</summary>
/// <param name="Line">The 1-based line of the cell where it failed, when known.</param>
/// <param name="Message">What failed (the compiler diagnostics, the exception type and message, or the directive error).</param>
/// <param name="IsInputError">True when the notebook's input is at fault rather than its code running: an unsupported kernel or magic, a malformed directive, an unknown package or version, two versions of one package, a missing file.</param>
public sealed record CellFailure(int? Line, string Message, bool IsInputError = false)
{
    /// <summary>The message prefixed with the line, e.g. <c>line 3: error CS0103: ...</c>.</summary>
    public override string ToString() => Line is { } line ? $"line {line}: {Message}" : Message;
}
