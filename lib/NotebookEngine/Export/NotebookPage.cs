using System.Globalization;
using System.Text;

namespace NotebookEngine.Export;

/// <summary>A link to another page of the book, with the page's title as inline HTML.</summary>
internal sealed record PageLink(string Href, string TitleHtml);

/// <summary>
/// The content of one notebook's page: a status line, then every cell in order. Markdown cells are rendered by
/// <see cref="MarkdownRenderer"/>; code cells show their execution count, run time, escaped source (with a
/// <c>language-…</c> class) and outputs (<see cref="OutputRenderer"/>); raw cells are shown verbatim. Each cell
/// gets an anchor <c>cell-N</c> (1-based); heading ids are unique across the page (<see cref="PageAnchors"/>).
/// </summary>
internal sealed class NotebookPage(MarkdownRenderer markdown, OutputRenderer outputs)
{
    /// <summary>File name of a notebook's page: the notebook's name plus <c>.html</c>.</summary>
    public static string FileName(ExecutedNotebook notebook) => notebook.Name + ".html";

    /// <summary>Relative URL of a notebook's page (escaped, so names with spaces or <c>#</c> work).</summary>
    public static string Href(ExecutedNotebook notebook) => Uri.EscapeDataString(FileName(notebook));

    /// <summary>Renders the page content of <paramref name="notebook"/>.</summary>
    public string Content(ExecutedNotebook notebook, ExportedNotebook summary)
    {
        var html = new StringBuilder();
        html.Append("<p class=\"notebook-meta status\">")
            .Append(OutputRenderer.Escape(Path.GetFileName(notebook.Path))).Append(" · ")
            .Append(NotebookStatus.Html(summary)).Append("</p>\n");

        var anchors = new PageAnchors();
        var cellIds = Enumerable.Range(1, notebook.Cells.Count)
            .Select(n => anchors.Claim(string.Create(CultureInfo.InvariantCulture, $"cell-{n}")))
            .ToList();
        for (var i = 0; i < notebook.Cells.Count; i++)
        {
            var id = cellIds[i];
            switch (notebook.Cells[i])
            {
                case MarkdownCell cell:
                    html.Append("<section class=\"cell markdown-cell markdown\" id=\"").Append(id).Append("\">\n")
                        .Append(markdown.Render(cell.Source, cell.Attachments, anchors))
                        .Append("</section>\n");
                    break;
                case CodeCell cell:
                    Code(cell, id, html, anchors);
                    break;
                case RawCell cell:
                    html.Append("<section class=\"cell raw-cell\" id=\"").Append(id).Append("\"><pre>")
                        .Append(OutputRenderer.Escape(cell.Source)).Append("</pre></section>\n");
                    break;
            }
        }
        return html.ToString();
    }

    /// <summary>
    /// Inner HTML of the navigation bar: previous notebook, index, next notebook. Titles are marked as rendered
    /// markdown so that math in them is typeset like the page's.
    /// </summary>
    public static string Navigation(PageLink? previous, PageLink? next)
    {
        var html = new StringBuilder();
        html.Append("<span class=\"prev\">");
        if (previous is not null)
        {
            html.Append("<a rel=\"prev\" href=\"").Append(previous.Href).Append("\">← <span class=\"markdown\">").Append(previous.TitleHtml).Append("</span></a>");
        }

        html.Append("</span><span class=\"home\"><a href=\"index.html\">Contents</a></span><span class=\"next\">");
        if (next is not null)
        {
            html.Append("<a rel=\"next\" href=\"").Append(next.Href).Append("\"><span class=\"markdown\">").Append(next.TitleHtml).Append("</span> →</a>");
        }

        return html.Append("</span>").ToString();
    }

    private void Code(CodeCell cell, string id, StringBuilder html, PageAnchors anchors)
    {
        html.Append("<section class=\"cell code-cell").Append(cell.Failed ? " failed" : "").Append("\" id=\"").Append(id).Append("\">\n")
            .Append("<div class=\"cell-header\"><span class=\"prompt\">In [")
            .Append(cell.ExecutionCount?.ToString(CultureInfo.InvariantCulture) ?? " ")
            .Append("]:</span>");
        if (cell.RunTime is { } runTime)
        {
            html.Append("<span class=\"run-time\" title=\"Run time\">").Append(NotebookStatus.Duration(runTime)).Append("</span>");
        }

        html.Append("</div>\n")
            .Append("<pre class=\"source\"><code class=\"language-").Append(cell.Language).Append("\">")
            .Append(OutputRenderer.Escape(cell.Source.TrimEnd('\n', '\r')))
            .Append("</code></pre>\n");
        if (cell.Outputs.Count > 0)
        {
            html.Append("<div class=\"outputs\">\n");
            outputs.Render(cell.Outputs, html, anchors);
            html.Append("</div>\n");
        }
        html.Append("</section>\n");
    }
}
