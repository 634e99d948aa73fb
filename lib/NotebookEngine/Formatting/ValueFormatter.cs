using Microsoft.DotNet.Interactive.Formatting;
using NotebookKernelApi;

namespace NotebookEngine.Formatting;

/// <summary>
/// Formats displayed values the way Polyglot does, with the real <see cref="Formatter"/> of Microsoft.DotNet.Interactive.Formatting,
/// so that formatters registered by a notebook (<c>Formatter.Register</c>) and by the engine's kernel extensions apply.
/// </summary>
public static class ValueFormatter
{
    /// <summary>The MIME type of HTML.</summary>
    public const string Html = "text/html";

    /// <summary>The MIME type of plain text.</summary>
    public const string PlainText = "text/plain";

    /// <summary>
    /// Formats <paramref name="value"/> in each of <paramref name="mimeTypes"/>; with none, in the value type's preferred
    /// MIME types (<c>text/plain</c> for strings, <c>text/html</c> for most other values, as Polyglot's default).
    /// </summary>
    /// <returns>MIME type → formatted text, in the order requested.</returns>
    public static IReadOnlyDictionary<string, string> Format(object? value, IReadOnlyList<string> mimeTypes)
    {
        if (value is PreformattedContent preformatted)
        {
            return new Dictionary<string, string> { [preformatted.MimeType] = preformatted.Text };
        }

        IEnumerable<string> targets = mimeTypes.Count > 0
            ? mimeTypes
            : value is null ? [PlainText] : Formatter.GetPreferredMimeTypesFor(value.GetType());
        var result = new Dictionary<string, string>();
        foreach (var mimeType in targets.Distinct())
        {
            result[mimeType] = value.ToDisplayString(mimeType);
        }

        if (result.Count == 0)
        {
            result[Html] = value.ToDisplayString(Html);
        }

        return result;
    }
}
