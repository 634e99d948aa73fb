namespace NotebookKernelApi;

/// <summary>
/// Receives the values that a notebook cell displays. The notebook engine implements it for the cell being executed;
/// a value is formatted by the sink (so that formatters registered by the notebook apply) and becomes a display output.
/// </summary>
public interface IDisplaySink
{
    /// <summary>Displays <paramref name="value"/> in the given MIME types (empty: the type's preferred MIME types) as a new output.</summary>
    PublishedDisplay Publish(object? value, IReadOnlyList<string> mimeTypes);

    /// <summary>Replaces the output that was published under <paramref name="displayId"/> with <paramref name="value"/> formatted in <paramref name="mimeTypes"/>.</summary>
    void Update(string displayId, object? value, IReadOnlyList<string> mimeTypes);
}
