using Markdig;
using Markdig.Extensions.MediaLinks;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace NotebookEngine.Export;

/// <summary>
/// Renders notebook markdown (markdown cells and <c>text/markdown</c> outputs) to HTML with Markdig's advanced
/// extensions (pipe and grid tables, footnotes, task lists, auto-identifiers…) and its mathematics extension.
/// The math extension parses <c>$…$</c> and <c>$$…$$</c> before emphasis, so underscores and asterisks inside
/// formulas are never turned into emphasis; formulas come out verbatim as
/// <c>&lt;span class="math"&gt;\(…\)&lt;/span&gt;</c> for <c>$…$</c>, <c>&lt;span class="math display"&gt;\[…\]&lt;/span&gt;</c>
/// for <c>$$…$$</c> inside a paragraph (<see cref="DollarMathRenderer"/>) and <c>&lt;div class="math"&gt;\[…\]&lt;/div&gt;</c>
/// for a <c>$$</c> block on its own lines, which the page's math script typesets with KaTeX on load.
/// Media links (YouTube and similar embedded as iframes) are disabled: the book must read offline, so such
/// URLs stay ordinary links. The rendered HTML is sanitized as Jupyter sanitizes an untrusted notebook's markdown
/// (HtmlSanitizer's allow-list): scripts, event-handler attributes, <c>javascript:</c> links, iframes and forms are
/// removed; formatting, tables, images (including <c>data:</c> attachments), links and the math spans stay.
/// </summary>
internal sealed class MarkdownRenderer
{
    private readonly MarkdownPipeline _pipeline;
    private readonly Ganss.Xss.HtmlSanitizer _sanitizer;

    /// <summary>Creates the renderer and builds its Markdig pipeline once.</summary>
    public MarkdownRenderer()
    {
        var builder = new MarkdownPipelineBuilder().UseAdvancedExtensions();
        builder.Extensions.RemoveAll(extension => extension is MediaLinkExtension);
        builder.Extensions.Add(new DollarMathRenderer.Extension());
        _pipeline = builder.Build();
        _sanitizer = new Ganss.Xss.HtmlSanitizer();
        _sanitizer.AllowedSchemes.Add("data");
        _sanitizer.AllowedAttributes.Add("class");
        _sanitizer.AllowedAttributes.Add("id");
    }

    /// <summary>
    /// Renders <paramref name="markdown"/> to an HTML fragment. Images referring to <c>attachment:name</c> are
    /// replaced by data URIs from <paramref name="attachments"/> (name → mime → base64), so they work offline.
    /// </summary>
    /// <param name="markdown">The markdown source.</param>
    /// <param name="attachments">The cell's attachments, if any.</param>
    /// <param name="anchors">The page's ids; heading ids are made unique against them. Null leaves Markdig's ids.</param>
    public string Render(
        string markdown,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? attachments = null,
        PageAnchors? anchors = null)
    {
        var document = Markdown.Parse(markdown, _pipeline);
        if (attachments is { Count: > 0 })
        {
            InlineAttachments(document, attachments);
        }

        if (anchors is not null)
        {
            foreach (var heading in document.Descendants<HeadingBlock>())
            {
                if (heading.TryGetAttributes() is { Id: { } id } attributes)
                {
                    attributes.Id = anchors.Claim(id);
                }
            }
        }
        return _sanitizer.Sanitize(document.ToHtml(_pipeline));
    }

    /// <summary>
    /// The first heading of <paramref name="markdown"/>, as plain text (for <c>&lt;title&gt;</c>) and as an
    /// inline HTML fragment (keeps math and code formatting for headings shown in pages), or null if it has none.
    /// </summary>
    public (string Text, string Html)? FirstHeading(string markdown)
    {
        var document = Markdown.Parse(markdown, _pipeline);
        var heading = document.Descendants<HeadingBlock>().FirstOrDefault();
        if (heading?.Inline is null)
        {
            return null;
        }

        var html = _sanitizer.Sanitize(RenderInline(heading, htmlEnabled: true));
        var text = System.Net.WebUtility.HtmlDecode(RenderInline(heading, htmlEnabled: false)).Trim();
        return text.Length == 0 ? null : (text, html.Trim());
    }

    private string RenderInline(LeafBlock block, bool htmlEnabled)
    {
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer) { EnableHtmlForInline = htmlEnabled };
        _pipeline.Setup(renderer);
        renderer.WriteLeafInline(block);
        writer.Flush();
        return writer.ToString();
    }

    private static void InlineAttachments(MarkdownDocument document, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> attachments)
    {
        const string scheme = "attachment:";
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (link.Url is not { } url || !url.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var name = Uri.UnescapeDataString(url[scheme.Length..]);
            if (!attachments.TryGetValue(name, out var bundle))
            {
                continue;
            }

            var image = bundle.FirstOrDefault(kv => kv.Key.StartsWith("image/", StringComparison.OrdinalIgnoreCase));
            if (image.Key is null)
            {
                continue;
            }

            link.Url = image.Key.Equals("image/svg+xml", StringComparison.OrdinalIgnoreCase)
                ? "data:image/svg+xml;base64," + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(image.Value))
                : $"data:{image.Key};base64,{string.Concat(image.Value.Where(ch => !char.IsWhiteSpace(ch)))}";
        }
    }
}
