namespace NotebookEngine.Directives;

/// <summary>A cell split into its directives and its C# code.</summary>
/// <param name="Code">The code with every directive line replaced by an empty line, so that line numbers still match the cell's.</param>
/// <param name="Directives">The directives, in order.</param>
public sealed record ParsedCell(string Code, IReadOnlyList<Directive> Directives)
{
    /// <summary>True when the code has something besides whitespace.</summary>
    public bool HasCode => !string.IsNullOrWhiteSpace(Code);
}
