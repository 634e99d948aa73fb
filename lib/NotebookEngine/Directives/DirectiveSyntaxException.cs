namespace NotebookEngine.Directives;

/// <summary>A directive line that cannot be parsed (e.g. <c>#!set</c> without <c>--name</c>).</summary>
public sealed class DirectiveSyntaxException(int line, string message) : Exception(message)
{
    /// <summary>The 1-based line of the cell.</summary>
    public int Line { get; } = line;
}
