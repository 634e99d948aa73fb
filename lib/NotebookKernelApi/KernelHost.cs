namespace NotebookKernelApi;

/// <summary>
/// Connects the kernel API that cells call (<c>display</c>, <c>Display</c>, ...) to the engine executing the cell.
/// The sink flows with the execution context, so tasks started by a cell display into that cell's notebook.
/// </summary>
public static class KernelHost
{
    private static readonly AsyncLocal<IDisplaySink?> CurrentSink = new();

    /// <summary>The sink of the cell being executed on this execution context, or <see langword="null"/> outside a cell.</summary>
    public static IDisplaySink? Current
    {
        get => CurrentSink.Value;
        set => CurrentSink.Value = value;
    }

    /// <summary>The current sink; outside a cell, a sink that writes the plain-text form to the console, as .NET Interactive does without a kernel.</summary>
    internal static IDisplaySink Sink => Current ?? ConsoleDisplaySink.Instance;
}
