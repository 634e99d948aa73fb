namespace NotebookEngine.Directives;

/// <summary>A magic command the engine does not support (another kernel, <c>#!connect</c>, <c>#!share</c>, ...): the cell fails with <paramref name="Reason"/>.</summary>
public sealed record UnsupportedDirective(int Line, string Text, string Reason) : Directive(Line, Text);
