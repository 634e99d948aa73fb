namespace NotebookEngine.Directives;

/// <summary><c>#!set --name x --value v</c>: declare, or assign, the string variable <c>x</c> in the notebook's state.</summary>
public sealed record SetVariableDirective(int Line, string Text, string Name, string Value) : Directive(Line, Text);
