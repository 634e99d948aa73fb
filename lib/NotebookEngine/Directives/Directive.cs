namespace NotebookEngine.Directives;

/// <summary>A magic command or directive line of a cell (<c>#r</c>, <c>#i</c>, <c>#load</c>, <c>#!...</c>), stripped from the code that Roslyn compiles.</summary>
/// <param name="Line">The 1-based line of the cell it is on.</param>
/// <param name="Text">The line as written.</param>
public abstract record Directive(int Line, string Text);
