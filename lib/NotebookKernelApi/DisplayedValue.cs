using NotebookKernelApi;

namespace Microsoft.DotNet.Interactive;

/// <summary>A displayed output that can be replaced in place, as .NET Interactive's <c>DisplayedValue</c>.</summary>
public class DisplayedValue
{
    private readonly IDisplaySink _sink;
    private readonly string[] _mimeTypes;

    internal DisplayedValue(IDisplaySink sink, string displayId, string[] mimeTypes)
    {
        _sink = sink;
        DisplayId = displayId;
        _mimeTypes = mimeTypes;
    }

    /// <summary>The id that identifies this output.</summary>
    public string DisplayId { get; }

    /// <summary>The MIME types requested when the value was displayed (empty: the value's preferred ones).</summary>
    public IReadOnlyCollection<string> MimeTypes => _mimeTypes;

    /// <summary>Replaces the displayed output with <paramref name="updatedValue"/>, formatted in the same MIME types.</summary>
    public void Update(object updatedValue) => _sink.Update(DisplayId, updatedValue, _mimeTypes);
}
