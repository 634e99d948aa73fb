namespace NotebookEngine.Export;

/// <summary>
/// The HTML book could not be exported: a notebook is unreadable or malformed, or a required asset (KaTeX,
/// plotly.js) is missing. The message is one line that names the file or setting at fault and what to do.
/// </summary>
public sealed class HtmlBookException : Exception
{
    /// <summary>Creates the exception with a one-line message.</summary>
    public HtmlBookException(string message) : base(message) { }

    /// <summary>Creates the exception with a one-line message and the underlying cause.</summary>
    public HtmlBookException(string message, Exception innerException) : base(message, innerException) { }
}
