namespace NotebookEngine.Directives;

/// <summary><c>#!time</c>: report the cell's wall time as <c>Wall time: N ms</c>.</summary>
public sealed record TimeDirective(int Line, string Text) : Directive(Line, Text);
