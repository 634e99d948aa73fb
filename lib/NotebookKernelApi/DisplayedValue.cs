using NotebookKernelApi;

namespace Microsoft.DotNet.Interactive;

/// <summary>A displayed output that can be replaced in place, as .NET Interactive's <c>DisplayedValue</c>.</summary>
public class DisplayedValue
{
    private readonly IDisplaySink _sink;
    private readonly IReadOnlyList<string> _mimeTypes;

    internal DisplayedValue(IDisplaySink sink, PublishedDisplay published)
    {
        _sink = sink;
        DisplayId = published.DisplayId;
        _mimeTypes = published.MimeTypes;
    }

    /// <summary>The id that identifies this output.</summary>
    public string DisplayId { get; }

    /// <summary>The MIME types the value was displayed in; updates use the same ones.</summary>
    public IReadOnlyCollection<string> MimeTypes => [.. _mimeTypes];

    /// <summary>Replaces the displayed output with <paramref name="updatedValue"/>, formatted in the same MIME types.</summary>
    public void Update(object updatedValue) => _sink.Update(DisplayId, updatedValue, _mimeTypes);
}
