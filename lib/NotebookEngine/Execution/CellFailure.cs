namespace NotebookEngine.Execution;

/// <summary>Why a cell failed.</summary>
/// <param name="Line">The 1-based line of the cell where it failed, when the kernel's message gives it (compiler diagnostics).</param>
/// <param name="Message">The first line of the kernel's failure message, or the runner's (time limit, kernel exit).</param>
public sealed record CellFailure(int? Line, string Message)
{
    /// <summary>The message prefixed with the line, e.g. <c>line 3: (3,1): error CS0103: ...</c>.</summary>
    public override string ToString() => Line is { } line ? $"line {line}: {Message}" : Message;
}
