namespace NotebookEngine.Directives;

/// <summary><c>#load "x.csx"</c>: run a C# script file (relative to the notebook's folder) in the notebook's state.</summary>
public sealed record LoadScriptDirective(int Line, string Text, string Path) : Directive(Line, Text);
