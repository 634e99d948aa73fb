using System.Globalization;
using System.Text;

namespace NotebookEngine.Export;

/// <summary>
/// The content of <c>index.html</c>: the book title, a summary (notebooks, cells, failures, total run time) and
/// the notebooks in book order, each linked by its title with its file name and status line.
/// </summary>
internal static class IndexPage
{
    /// <summary>An entry of the index: link target, title HTML, and the notebook's status.</summary>
    public sealed record Entry(string Href, string TitleHtml, ExportedNotebook Notebook);

    /// <summary>Renders the index content.</summary>
    public static string Content(string bookTitle, IReadOnlyList<Entry> entries)
    {
        var html = new StringBuilder();
        html.Append("<h1>").Append(OutputRenderer.Escape(bookTitle)).Append("</h1>\n");

        var failed = entries.Sum(e => e.Notebook.FailedCellCount);
        var cells = entries.Sum(e => e.Notebook.CellCount);
        var times = entries.Select(e => e.Notebook.RunTime).Where(t => t.HasValue).Select(t => t!.Value).ToList();
        html.Append("<p class=\"book-summary status\">")
            .Append(string.Create(CultureInfo.InvariantCulture, $"{entries.Count} notebook{(entries.Count == 1 ? "" : "s")} · {cells} cells · "))
            .Append(failed > 0
                ? string.Create(CultureInfo.InvariantCulture, $"<span class=\"failed\">{failed} failed cell{(failed == 1 ? "" : "s")}</span>")
                : "<span class=\"ok\">all cells ran without error</span>");
        if (times.Count > 0)
        {
            html.Append(" · total run time ").Append(NotebookStatus.Duration(times.Aggregate(TimeSpan.Zero, (a, b) => a + b)));
        }

        html.Append("</p>\n");

        html.Append("<ol class=\"index-list\">\n");
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            html.Append("<li><span class=\"number\">").Append((i + 1).ToString(CultureInfo.InvariantCulture)).Append("</span>")
                .Append("<span class=\"entry\"><a class=\"title markdown\" href=\"").Append(entry.Href).Append("\">").Append(entry.TitleHtml).Append("</a>")
                .Append("<span class=\"file\">").Append(OutputRenderer.Escape(Path.GetFileName(entry.Notebook.SourcePath))).Append("</span></span>")
                .Append(NotebookStatus.Html(entry.Notebook))
                .Append("</li>\n");
        }
        html.Append("</ol>\n");
        html.Append("<p class=\"book-footer\">Exported from the executed notebooks; every page reads offline.</p>\n");
        return html.ToString();
    }
}
