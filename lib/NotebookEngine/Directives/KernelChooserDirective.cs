namespace NotebookEngine.Directives;

/// <summary>A kernel chooser such as <c>#!csharp</c> or <c>#!fsharp</c>: the rest of the cell is for that kernel.</summary>
public sealed record KernelChooserDirective(int Line, string Text, string KernelName) : Directive(Line, Text);
