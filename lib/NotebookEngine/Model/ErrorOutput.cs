namespace NotebookEngine.Model;

/// <summary>A failure of a cell (nbformat <c>error</c> output).</summary>
/// <param name="Name">The error's name (the exception type, or <c>Error</c> for a compilation or directive error).</param>
/// <param name="Value">The error message.</param>
/// <param name="Traceback">The traceback lines.</param>
public sealed record ErrorOutput(string Name, string Value, IReadOnlyList<string> Traceback) : CellOutput;
