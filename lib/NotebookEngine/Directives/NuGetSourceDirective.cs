namespace NotebookEngine.Directives;

/// <summary><c>#i "nuget: source"</c>: add a package source (a URL, or a local folder relative to the notebook's folder).</summary>
public sealed record NuGetSourceDirective(int Line, string Text, string Source) : Directive(Line, Text);
