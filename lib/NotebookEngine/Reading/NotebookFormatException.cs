namespace NotebookEngine.Reading;

/// <summary>A file that cannot be read as a C# Polyglot notebook: malformed JSON, not a notebook, or an unsupported kernelspec.</summary>
public sealed class NotebookFormatException : Exception
{
    /// <summary>Creates the exception for the notebook at <paramref name="path"/>.</summary>
    public NotebookFormatException(string path, string reason, Exception? inner = null)
        : base($"{path}: {reason}", inner)
    {
        Path = path;
        Reason = reason;
    }

    /// <summary>The notebook's path.</summary>
    public string Path { get; }

    /// <summary>What is wrong, without the path.</summary>
    public string Reason { get; }
}
