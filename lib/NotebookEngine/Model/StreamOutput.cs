namespace NotebookEngine.Model;

/// <summary>Text written by a cell to standard output or standard error (nbformat <c>stream</c> output).</summary>
/// <param name="Name"><c>stdout</c> or <c>stderr</c>.</param>
/// <param name="Text">The text written.</param>
public sealed record StreamOutput(string Name, string Text) : CellOutput
{
    /// <summary>The stream name of standard output.</summary>
    public const string StandardOutput = "stdout";

    /// <summary>The stream name of standard error.</summary>
    public const string StandardError = "stderr";
}
