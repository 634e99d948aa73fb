namespace NotebookEngine.Kernel;

/// <summary>The kernel could not be restored or started (no notebook cell ran).</summary>
public sealed class KernelStartException : Exception
{
    /// <summary>Creates the exception.</summary>
    public KernelStartException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public KernelStartException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
