using Microsoft.AspNetCore.Html;
using NotebookKernelApi;

namespace Microsoft.DotNet.Interactive;

/// <summary>
/// The helpers that a C# notebook cell can call unqualified (the kernel submits <c>using static Microsoft.DotNet.Interactive.Kernel;</c>),
/// with the names and signatures of .NET Interactive's <c>Kernel</c> class.
/// </summary>
public static class Kernel
{
    /// <summary>Displays <paramref name="value"/> as a new output of the current cell, formatted in <paramref name="mimeTypes"/> (none: the value's preferred MIME type, <c>text/html</c> for most objects).</summary>
    /// <returns>A handle whose <see cref="DisplayedValue.Update"/> replaces this output.</returns>
    public static DisplayedValue display(object value, params string[] mimeTypes) => value.Display(mimeTypes);

    /// <summary>Wraps a string of HTML so that it is displayed raw as <c>text/html</c>.</summary>
    public static IHtmlContent HTML(string content) => new HtmlString(content);

    /// <summary>Displays a <c>&lt;style&gt;</c> element holding <paramref name="content"/>.</summary>
    public static void CSS(string content) => display(HTML($"<style>{content}</style>"), "text/html");

    /// <summary>Displays a <c>&lt;script&gt;</c> element holding <paramref name="scriptContent"/>.</summary>
    public static void Javascript(string scriptContent) =>
        display(HTML($"<script type=\"text/javascript\">{scriptContent}</script>"), "text/html");
}
