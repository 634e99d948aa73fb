namespace NotebookEngine.Export;

/// <summary>One saved output of a code cell (nbformat 4 <c>outputs</c> entry).</summary>
internal abstract record CellOutput;

/// <summary>A <c>stream</c> output: text written to stdout or stderr.</summary>
/// <param name="Name"><c>stdout</c> or <c>stderr</c>.</param>
/// <param name="Text">The text, lines joined.</param>
internal sealed record StreamOutput(string Name, string Text) : CellOutput;

/// <summary>
/// A <c>display_data</c> or <c>execute_result</c> output: a mime bundle mapping each mime type to its content
/// (text joined from lines; binary images as base64).
/// </summary>
internal sealed record RichOutput(IReadOnlyDictionary<string, string> MimeBundle) : CellOutput;

/// <summary>An <c>error</c> output: exception name, message and traceback lines.</summary>
internal sealed record ErrorOutput(string Name, string Value, IReadOnlyList<string> Traceback) : CellOutput;
