namespace NotebookRunner;

/// <summary>Bad command-line usage or bad input: reported as one line, exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
