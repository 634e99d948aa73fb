using System.Text.Json;
using NotebookEngine.Export;

namespace Notebooks.Tests;

/// <summary>
/// A page of the HTML book opened in headless Chromium (network off) at a given window width, with a script appended
/// to a copy of the page that measures what a reader sees once the charts are drawn and the math typeset: each chart's
/// rendered width against its container's, its title and axis titles, KaTeX errors, and the longest run of significant
/// digits in a table cell. The results come back in the dumped DOM.
/// </summary>
internal static class BookInBrowser
{
    private const string MeasuringScript = """
        <script>
        window.addEventListener('load', () => setTimeout(() => {
          const charts = [...document.querySelectorAll('.js-plotly-plot')].map(gd => {
            const container = gd.closest('.output') || gd.parentElement;
            const layout = gd.layout || {};
            const axes = Object.keys(layout).filter(k => /^[xy]axis\d*$/.test(k));
            return {
              id: gd.id,
              width: gd.getBoundingClientRect().width,
              container: container.clientWidth,
              title: !!(layout.title && layout.title.text),
              untitledAxes: axes.filter(k => !(layout[k].title && layout[k].title.text)),
            };
          });
          const digits = t => { const m = t.replace(/×10.*/, '').match(/\d[\d.]*/); return m ? m[0].replace('.', '').replace(/^0+/, '').length : 0; };
          const cells = [...document.querySelectorAll('td')].map(td => td.textContent.trim()).filter(t => /\d\.\d/.test(t));
          const worst = cells.reduce((w, t) => digits(t) > digits(w) ? t : w, '');
          const result = { charts, katexErrors: document.querySelectorAll('.katex-error').length, worstCell: worst, worstDigits: digits(worst) };
          document.body.setAttribute('data-measured', JSON.stringify(result));
        }, 3000));
        </script>
        """;

    /// <summary>Opens <paramref name="page"/> at <paramref name="windowWidth"/> px and returns the measurements.</summary>
    public static JsonElement Measure(string page, int windowWidth)
    {
        var copy = Path.Combine(Path.GetDirectoryName(page)!, Path.GetFileNameWithoutExtension(page) + ".measured.html");
        File.WriteAllText(copy, File.ReadAllText(page).Replace("</body>", MeasuringScript + "</body>", StringComparison.Ordinal));
        try
        {
            var dom = HeadlessChromium.DumpDom(copy, windowWidth, 20_000);
            const string marker = "data-measured=\"";
            var at = dom.IndexOf(marker, StringComparison.Ordinal);
            Assert.True(at >= 0, $"{Path.GetFileName(page)} at {windowWidth} px: the measuring script did not run (no charts drawn?)");
            var end = dom.IndexOf('"', at + marker.Length);
            return JsonDocument.Parse(System.Net.WebUtility.HtmlDecode(dom[(at + marker.Length)..end])).RootElement;
        }
        finally
        {
            File.Delete(copy);
        }
    }
}
