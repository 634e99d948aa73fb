using System.Text;

namespace NotebookEngine.Export;

/// <summary>
/// The HTML document around every page of the book: head with the local stylesheet and scripts, top and bottom
/// navigation, and the page's content in <c>&lt;main&gt;</c>. plotly.js is loaded synchronously in the head, so
/// the inline chart scripts in the outputs find <c>Plotly</c> (and, for require-style charts, a local
/// <c>requirejs</c>) defined when they run; KaTeX and the math script are
/// deferred (they run, in order, once the document is parsed). Every URL is relative to the page, under
/// <c>assets/</c>.
/// </summary>
internal static class PageTemplate
{
    /// <summary>Renders a complete page.</summary>
    /// <param name="title">Plain-text document title.</param>
    /// <param name="navigation">Inner HTML of the navigation bars, or null for none.</param>
    /// <param name="content">HTML of the page content.</param>
    /// <param name="assets">The bundled assets (decides whether KaTeX is linked).</param>
    /// <param name="includePlotly">Whether to load plotly.js.</param>
    public static string Render(string title, string? navigation, string content, AssetBundle assets, bool includePlotly)
    {
        var html = new StringBuilder(content.Length + 2048);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n")
            .Append("<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta name=\"generator\" content=\"Weak-to-Strong Notebooks HTML export ").Append(OutputRenderer.Escape(EngineInfo.Version)).Append("\">\n")
            .Append("<title>").Append(OutputRenderer.Escape(title)).Append("</title>\n")
            .Append("<link rel=\"stylesheet\" href=\"").Append(AssetBundle.StylesheetUrl).Append("\">\n");
        if (assets.HasMath)
        {
            html.Append("<link rel=\"stylesheet\" href=\"").Append(AssetBundle.KatexStylesheetUrl).Append("\">\n")
                .Append("<script defer src=\"").Append(AssetBundle.KatexScriptUrl).Append("\"></script>\n")
                .Append("<script defer src=\"").Append(AssetBundle.TypesetScriptUrl).Append("\"></script>\n");
        }
        if (includePlotly)
        {
            html.Append("<script src=\"").Append(AssetBundle.PlotlyUrl).Append("\"></script>\n")
                .Append("<script src=\"").Append(AssetBundle.PlotlyRequireUrl).Append("\"></script>\n");
        }
        html.Append("</head>\n<body>\n");

        if (navigation is not null)
        {
            html.Append("<nav class=\"book-nav top\" aria-label=\"Book navigation\">").Append(navigation).Append("</nav>\n");
        }

        html.Append("<main>\n").Append(content).Append("</main>\n");
        if (navigation is not null)
        {
            html.Append("<nav class=\"book-nav bottom\" aria-label=\"Book navigation\">").Append(navigation).Append("</nav>\n");
        }

        html.Append("</body>\n</html>\n");
        return html.ToString();
    }
}
