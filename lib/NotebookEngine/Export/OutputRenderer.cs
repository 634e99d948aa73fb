using System.Text;
using System.Text.RegularExpressions;

namespace NotebookEngine.Export;

/// <summary>
/// Renders a code cell's saved outputs to HTML. A rich output shows one representation, chosen in the order
/// <c>text/html</c> &gt; <c>image/svg+xml</c> &gt; <c>image/png</c> (then jpeg, gif) &gt; <c>text/markdown</c> &gt;
/// <c>text/plain</c>. HTML is written raw, so its <c>&lt;script&gt;</c> elements (Plotly.NET charts calling
/// <c>Plotly.newPlot</c>) execute when the page loads (require-style charts are pointed at the local plotly.js,
/// see <see cref="PlotlyRequireCharts"/>); SVG and bitmaps become <c>&lt;img&gt;</c> with a base64
/// data URI (an SVG image is isolated: its ids, styles and scripts cannot clash with the page's); plain text,
/// streams and tracebacks are escaped into <c>&lt;pre&gt;</c> with ANSI colour codes removed. Consecutive stream
/// outputs of the same name are merged into one block, as notebook front ends show them.
/// </summary>
internal sealed partial class OutputRenderer(MarkdownRenderer markdown)
{
    /// <summary>Bitmap mime types shown as data-URI images, in order of preference.</summary>
    private static readonly string[] BitmapMimes = ["image/png", "image/jpeg", "image/gif"];

    /// <summary>Renders all outputs of a cell, in order, into <paramref name="html"/>.</summary>
    /// <param name="outputs">The cell's outputs.</param>
    /// <param name="html">Receives the HTML.</param>
    /// <param name="anchors">The page's ids, against which headings of markdown outputs are made unique.</param>
    public void Render(IReadOnlyList<CellOutput> outputs, StringBuilder html, PageAnchors anchors)
    {
        for (var i = 0; i < outputs.Count; i++)
        {
            switch (outputs[i])
            {
                case StreamOutput stream:
                    var text = new StringBuilder(stream.Text);
                    while (i + 1 < outputs.Count && outputs[i + 1] is StreamOutput next && next.Name == stream.Name)
                    {
                        text.Append(next.Text);
                        i++;
                    }
                    RenderStream(stream.Name, text.ToString(), html);
                    break;
                case RichOutput rich:
                    RenderRich(rich, html, anchors);
                    break;
                case ErrorOutput error:
                    RenderError(error, html);
                    break;
            }
        }
    }

    private static void RenderStream(string name, string text, StringBuilder html)
    {
        var kind = name == "stderr" ? "stderr" : "stdout";
        html.Append("<div class=\"output stream ").Append(kind).Append("\"><pre>")
            .Append(Escape(StripAnsi(text).TrimEnd('\n', '\r')))
            .Append("</pre></div>\n");
    }

    private void RenderRich(RichOutput output, StringBuilder html, PageAnchors anchors)
    {
        var bundle = output.MimeBundle;
        if (bundle.TryGetValue("text/html", out var fragment))
        {
            html.Append("<div class=\"output html\">\n").Append(PlotlyRequireCharts.Localize(fragment)).Append("\n</div>\n");
        }
        else if (bundle.TryGetValue("image/svg+xml", out var svg))
        {
            var alt = bundle.TryGetValue("text/plain", out var svgAlt) ? svgAlt : "output image";
            html.Append("<div class=\"output image svg\"><img src=\"data:image/svg+xml;base64,")
                .Append(Convert.ToBase64String(Encoding.UTF8.GetBytes(svg)))
                .Append("\" alt=\"").Append(Escape(alt)).Append("\"></div>\n");
        }
        else if (BitmapMimes.FirstOrDefault(bundle.ContainsKey) is { } bitmapMime)
        {
            var base64 = string.Concat(bundle[bitmapMime].Where(ch => !char.IsWhiteSpace(ch)));
            var alt = bundle.TryGetValue("text/plain", out var plainAlt) ? plainAlt : "output image";
            html.Append("<div class=\"output image\"><img src=\"data:").Append(bitmapMime).Append(";base64,").Append(base64)
                .Append("\" alt=\"").Append(Escape(alt)).Append("\"></div>\n");
        }
        else if (bundle.TryGetValue("text/markdown", out var md))
        {
            html.Append("<div class=\"output markdown\">\n").Append(markdown.Render(md, anchors: anchors)).Append("</div>\n");
        }
        else if (bundle.TryGetValue("text/plain", out var plain))
        {
            html.Append("<div class=\"output text\"><pre>").Append(Escape(StripAnsi(plain).TrimEnd('\n', '\r'))).Append("</pre></div>\n");
        }
        else if (bundle.Count > 0)
        {
            html.Append("<div class=\"output unsupported\">Output of type ")
                .Append(Escape(string.Join(", ", bundle.Keys)))
                .Append(" is not shown in the HTML export.</div>\n");
        }
    }

    private static void RenderError(ErrorOutput error, StringBuilder html)
    {
        html.Append("<div class=\"output error\" role=\"alert\">\n<div class=\"error-title\"><span class=\"error-name\">")
            .Append(Escape(error.Name)).Append("</span>");
        if (error.Value.Length > 0)
        {
            html.Append(": <span class=\"error-value\">").Append(Escape(StripAnsi(error.Value))).Append("</span>");
        }

        html.Append("</div>\n");

        var traceback = StripAnsi(string.Join("\n", error.Traceback)).TrimEnd('\n', '\r');
        if (traceback.Length > 0 && traceback != StripAnsi(error.Value).TrimEnd('\n', '\r'))
        {
            html.Append("<pre class=\"traceback\">").Append(Escape(traceback)).Append("</pre>\n");
        }

        html.Append("</div>\n");
    }

    /// <summary>
    /// HTML-escapes text for element content and quoted attribute values: <c>&amp; &lt; &gt; " '</c> become
    /// entities; every other character, including non-ASCII letters and symbols, is kept as UTF-8.
    /// </summary>
    public static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny("&<>\"'") < 0)
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 16);
        foreach (var ch in text)
        {
            switch (ch)
            {
                case '&': escaped.Append("&amp;"); break;
                case '<': escaped.Append("&lt;"); break;
                case '>': escaped.Append("&gt;"); break;
                case '"': escaped.Append("&quot;"); break;
                case '\'': escaped.Append("&#39;"); break;
                default: escaped.Append(ch); break;
            }
        }
        return escaped.ToString();
    }

    /// <summary>Removes ANSI escape sequences (terminal colours) that kernels put into tracebacks and streams.</summary>
    public static string StripAnsi(string text) => AnsiEscape().Replace(text, "");

    [GeneratedRegex(@"\x1B(?:\[[0-?]*[ -/]*[@-~]|[@-Z\\-_])")]
    private static partial Regex AnsiEscape();
}
