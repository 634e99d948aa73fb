using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace NotebookEngine.Export;

/// <summary>
/// The contact sheet of an HTML book: every chart of every page rendered to a PNG by plotly.js in headless Chromium, at
/// the width a reader's column gives it, and one page, <c>figures.html</c>, that shows them all, grouped by notebook and
/// by section, so a reviewer sees the whole suite's figures at a glance.
/// </summary>
public static class FigureSheet
{
    /// <summary>Width in pixels at which each chart is rendered (the book's content column at a wide window).</summary>
    public const int ChartWidth = 880;

    private const string CaptureScript = """
        <script>
        window.addEventListener('load', () => setTimeout(async () => {
          let section = '';
          const figures = [];
          for (const element of document.querySelectorAll('h1, h2, .js-plotly-plot')) {
            if (element.tagName === 'H1' || element.tagName === 'H2') { section = element.textContent.trim(); continue; }
            const layout = element.layout || {};
            const title = layout.title && layout.title.text ? layout.title.text.replace(/<br>/g, ' ') : '';
            try {
              const png = await Plotly.toImage(element, { format: 'png', width: __WIDTH__, height: layout.height || 450 });
              figures.push({ section, title, png });
            } catch (e) { figures.push({ section, title, error: String(e) }); }
          }
          const holder = document.createElement('script');
          holder.type = 'application/json';
          holder.id = 'captured-figures';
          holder.textContent = JSON.stringify(figures);
          document.body.appendChild(holder);
        }, 3000));
        </script>
        """;

    /// <summary>
    /// Renders the charts of each page of <paramref name="book"/> and writes <c>figures/&lt;page&gt;-NN.png</c> and
    /// <c>figures.html</c> next to the book's index.
    /// </summary>
    /// <param name="book">A book just written by <see cref="HtmlBook.Export"/>.</param>
    /// <returns>The contact sheet's path and the number of figures per notebook.</returns>
    /// <exception cref="InvalidOperationException">Chromium is not installed, or a chart could not be rendered.</exception>
    public static FigureSheetResult Write(HtmlBookResult book)
    {
        ArgumentNullException.ThrowIfNull(book);
        var root = Path.GetDirectoryName(book.IndexPath)!;
        var folder = Path.Combine(root, "figures");
        Directory.CreateDirectory(folder);
        var body = new StringBuilder();
        var counts = new List<(string Notebook, int Figures)>();
        foreach (var notebook in book.Notebooks)
        {
            var figures = Capture(notebook.PagePath);
            var name = Path.GetFileNameWithoutExtension(notebook.PagePath);
            body.Append(CultureInfo.InvariantCulture, $"<h2><a href=\"{Uri.EscapeDataString(name)}.html\">{WebUtility.HtmlEncode(notebook.Title)}</a></h2>\n");
            string? section = null;
            for (var i = 0; i < figures.Count; i++)
            {
                var (figureSection, title, png) = figures[i];
                if (figureSection != section)
                {
                    section = figureSection;
                    body.Append(CultureInfo.InvariantCulture, $"<h3>{WebUtility.HtmlEncode(section)}</h3>\n");
                }

                var file = $"{name}-{i + 1:D2}.png";
                File.WriteAllBytes(Path.Combine(folder, file), png);
                body.Append(CultureInfo.InvariantCulture,
                    $"<figure class=\"sheet\"><img src=\"figures/{Uri.EscapeDataString(file)}\" alt=\"{WebUtility.HtmlEncode(title)}\" loading=\"lazy\"><figcaption>{i + 1}. {WebUtility.HtmlEncode(title.Length > 0 ? title : "(untitled)")}</figcaption></figure>\n");
            }

            counts.Add((notebook.Title, figures.Count));
        }

        var sheet = Path.Combine(root, "figures.html");
        AtomicFile.WriteAllText(sheet, $$"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Figures · contact sheet</title>
            <style>
            body { font-family: system-ui, sans-serif; margin: 1.5rem; }
            figure.sheet { display: inline-block; width: 440px; margin: 0 1rem 1.5rem 0; vertical-align: top; }
            figure.sheet img { width: 100%; border: 1px solid #ccc; }
            figcaption { font-size: 0.85rem; }
            </style></head><body>
            <h1>Figures of the book, one per chart ({{counts.Sum(c => c.Figures)}} in all)</h1>
            <p><a href="index.html">Contents</a> · each chart rendered at {{ChartWidth}} px wide, shown at half size.</p>
            {{body}}
            </body></html>
            """);
        return new FigureSheetResult(sheet, counts);
    }

    private static List<(string Section, string Title, byte[] Png)> Capture(string page)
    {
        var copy = Path.Combine(Path.GetDirectoryName(page)!, Path.GetFileNameWithoutExtension(page) + ".capture.html");
        File.WriteAllText(copy, File.ReadAllText(page).Replace("</body>", CaptureScript.Replace("__WIDTH__", ChartWidth.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal) + "</body>", StringComparison.Ordinal));
        try
        {
            var dom = HeadlessChromium.DumpDom(copy, ChartWidth + 100, 60_000, TimeSpan.FromMinutes(3));
            const string marker = "<script type=\"application/json\" id=\"captured-figures\">";
            var at = dom.IndexOf(marker, StringComparison.Ordinal);
            if (at < 0)
            {
                throw new InvalidOperationException($"{Path.GetFileName(page)}: the charts were not captured (the page's scripts did not finish).");
            }

            var end = dom.IndexOf("</script>", at, StringComparison.Ordinal);
            using var json = JsonDocument.Parse(dom[(at + marker.Length)..end]);
            var figures = new List<(string, string, byte[])>();
            foreach (var figure in json.RootElement.EnumerateArray())
            {
                var section = figure.GetProperty("section").GetString() ?? string.Empty;
                if (figure.TryGetProperty("error", out var error))
                {
                    throw new InvalidOperationException($"{Path.GetFileName(page)}, section \"{section}\": plotly.js could not render a chart: {error.GetString()}");
                }

                var png = figure.GetProperty("png").GetString()!;
                var comma = png.IndexOf(',', StringComparison.Ordinal);
                figures.Add((section, figure.GetProperty("title").GetString() ?? string.Empty, Convert.FromBase64String(png[(comma + 1)..])));
            }

            return figures;
        }
        finally
        {
            File.Delete(copy);
        }
    }
}
