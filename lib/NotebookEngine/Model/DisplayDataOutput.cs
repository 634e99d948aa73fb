namespace NotebookEngine.Model;

/// <summary>A rich output: one value formatted in one or more MIME types (nbformat <c>display_data</c>; <c>execute_result</c> is read into it too).</summary>
/// <param name="Data">MIME type → formatted content, in order of preference.</param>
/// <param name="DisplayId">The display id that <c>DisplayedValue.Update</c> refers to, or <see langword="null"/>.</param>
public sealed record DisplayDataOutput(IReadOnlyDictionary<string, string> Data, string? DisplayId = null) : CellOutput;
