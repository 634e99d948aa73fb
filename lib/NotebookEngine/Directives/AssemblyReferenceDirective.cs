namespace NotebookEngine.Directives;

/// <summary><c>#r "path/to.dll"</c>: reference an assembly by path (relative to the notebook's folder).</summary>
public sealed record AssemblyReferenceDirective(int Line, string Text, string Path) : Directive(Line, Text);
