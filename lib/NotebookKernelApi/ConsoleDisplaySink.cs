using Microsoft.DotNet.Interactive.Formatting;

namespace NotebookKernelApi;

/// <summary>The display sink used outside a notebook cell: writes the formatted value to standard output.</summary>
internal sealed class ConsoleDisplaySink : IDisplaySink
{
    public static readonly ConsoleDisplaySink Instance = new();

    public PublishedDisplay Publish(object? value, IReadOnlyList<string> mimeTypes)
    {
        var mimeType = Write(value, mimeTypes);
        return new PublishedDisplay(Guid.NewGuid().ToString("N"), [mimeType]);
    }

    public void Update(string displayId, object? value, IReadOnlyList<string> mimeTypes) => Write(value, mimeTypes);

    private static string Write(object? value, IReadOnlyList<string> mimeTypes)
    {
        var mimeType = mimeTypes.Count > 0 ? mimeTypes[0] : PlainTextFormatter.MimeType;
        Console.WriteLine(value.ToDisplayString(mimeType));
        return mimeType;
    }
}
