using Markdig;
using Markdig.Extensions.Mathematics;
using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace NotebookEngine.Export;

/// <summary>
/// Renders Markdig's inline math as notebook front ends (MathJax in Jupyter, KaTeX in VS Code) read it:
/// <c>$…$</c> is inline math, written <c>&lt;span class="math"&gt;\(…\)&lt;/span&gt;</c>, and <c>$$…$$</c> is
/// display math even inside a paragraph, written <c>&lt;span class="math display"&gt;\[…\]&lt;/span&gt;</c>
/// (Markdig's own renderer would typeset such a formula inline). Without HTML (plain-text titles) the formula is
/// written back with its dollar delimiters. The TeX is HTML-escaped and otherwise verbatim.
/// </summary>
internal sealed class DollarMathRenderer : HtmlObjectRenderer<MathInline>
{
    /// <inheritdoc />
    protected override void Write(HtmlRenderer renderer, MathInline math)
    {
        var display = math.DelimiterCount >= 2;
        if (!renderer.EnableHtmlForInline)
        {
            var dollars = new string('$', display ? 2 : 1);
            renderer.Write(dollars).WriteEscape(ref math.Content).Write(dollars);
            return;
        }

        renderer.Write("<span").WriteAttributes(math.TryGetAttributes(), display ? cls => cls == "math" ? "math display" : cls : null)
            .Write(display ? ">\\[" : ">\\(")
            .WriteEscape(ref math.Content)
            .Write(display ? "\\]</span>" : "\\)</span>");
    }

    /// <summary>Markdig extension that installs the renderer in place of Markdig's inline math renderer.</summary>
    public sealed class Extension : IMarkdownExtension
    {
        /// <inheritdoc />
        public void Setup(MarkdownPipelineBuilder pipeline)
        {
        }

        /// <inheritdoc />
        public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
        {
            if (renderer is HtmlRenderer html)
            {
                html.ObjectRenderers.ReplaceOrAdd<HtmlMathInlineRenderer>(new DollarMathRenderer());
            }
        }
    }
}
