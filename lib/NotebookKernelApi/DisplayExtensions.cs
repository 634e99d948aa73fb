using Microsoft.DotNet.Interactive;
using NotebookKernelApi;

namespace System;

/// <summary>The <c>Display</c> extension methods of .NET Interactive (namespace <c>System</c>, as in its Formatting/DisplayExtensions.cs).</summary>
public static class DisplayExtensions
{
    /// <summary>Formats <paramref name="value"/> with the <c>Formatter</c> in <paramref name="mimeTypes"/> (none: its preferred MIME type) and displays it as a new output.</summary>
    /// <returns>A handle that can later update the display.</returns>
    public static DisplayedValue Display(this object value, params string[] mimeTypes)
    {
        var sink = KernelHost.Sink;
        return new DisplayedValue(sink, sink.Publish(value, mimeTypes ?? []));
    }

    /// <summary>Displays <paramref name="value"/> as already formatted content of MIME type <paramref name="mimeType"/>.</summary>
    /// <returns>A handle that can later update the display.</returns>
    public static DisplayedValue DisplayAs(this string value, string mimeType)
    {
        var sink = KernelHost.Sink;
        return new DisplayedValue(sink, sink.Publish(new PreformattedContent(value, mimeType), [mimeType]));
    }
}
