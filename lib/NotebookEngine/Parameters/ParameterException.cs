namespace NotebookEngine.Parameters;

/// <summary>A parameter that cannot be injected: unknown name, unsupported type, or a value that does not parse as the declared type.</summary>
public sealed class ParameterException(string message) : Exception(message);
