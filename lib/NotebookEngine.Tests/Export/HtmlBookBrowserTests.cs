using NotebookEngine.Export;

namespace NotebookEngine.Tests.Export;

/// <summary>
/// The exported book opened in headless Chromium with the network off: the charts are drawn by the bundled
/// plotly.js and the math is typeset by the bundled KaTeX, both from local files only.
/// </summary>
public sealed class HtmlBookBrowserTests(ExportedFixtureBook book) : IClassFixture<ExportedFixtureBook>
{
    [ChromiumFact]
    public void TheContactSheetHasEveryChartAsAPngUnderItsNotebookAndSection()
    {
        var sheet = FigureSheet.Write(book.Result);

        Assert.Equal([0, 3], sheet.FiguresPerNotebook.Select(f => f.Figures));
        var html = File.ReadAllText(sheet.SheetPath);
        for (var i = 1; i <= 3; i++)
        {
            var png = File.ReadAllBytes(Path.Combine(book.OutputDirectory, "figures", $"02-charts-{i:D2}.png"));
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
            // The PNG's width (big-endian, bytes 16-19 of the IHDR chunk) is the sheet's rendering width.
            Assert.Equal(FigureSheet.ChartWidth, (png[16] << 24) | (png[17] << 16) | (png[18] << 8) | png[19]);
            Assert.Contains($"src=\"figures/02-charts-{i:D2}.png\"", html, StringComparison.Ordinal);
        }

        Assert.Contains("(3 in all)", html, StringComparison.Ordinal);
        Assert.Contains("<h2><a href=\"01-foundations.html\">", html, StringComparison.Ordinal);
    }

    [ChromiumFact]
    public void ChartsAreDrawnAndMathIsTypesetOffline()
    {
        HeadlessChromium.Require();
        string[] files = ["01-foundations.html", "02-charts.html", "index.html"];
        var doms = files.ToDictionary(file => file, file => HeadlessChromium.DumpDom(Path.Combine(book.OutputDirectory, file)));

        foreach (var file in files)
        {
            var source = book.Read(file);
            var dom = doms[file];

            // Every Plotly chart div holds the plot's SVG, drawn by assets/plotly.min.js.
            var chartIds = HtmlScan.PlotlyChartIds(source);
            // On the chart page: two charts written for the runner and one written for Polyglot (require-style).
            Assert.Equal(file == "02-charts.html" ? 3 : 0, chartIds.Count);
            foreach (var id in chartIds)
            {
                var chart = HtmlScan.DivById(dom, id);
                Assert.Contains("class=\"main-svg\"", chart);
                Assert.Contains("class=\"scatterlayer", chart);
            }

            // Every formula the exporter emitted was typeset by KaTeX, without parse errors.
            var formulas = HtmlScan.Count(source, "<span class=\"math") + HtmlScan.Count(source, "<div class=\"math\"");
            Assert.True(formulas > 0, $"{file} has no math to check");
            Assert.Equal(formulas, HtmlScan.Count(dom, "data-typeset=\"true\""));
            Assert.True(HtmlScan.Count(dom, "class=\"katex\"") >= formulas, $"{file}: fewer KaTeX elements than formulas");
            Assert.DoesNotContain("katex-error", dom);

            // No TeX delimiters are left in rendered markdown.
            foreach (var section in HtmlScan.Sections(dom, "<section class=\"cell markdown-cell", "</section>"))
            {
                Assert.DoesNotContain("$$", section);
                Assert.DoesNotContain("\\(", section);
                Assert.DoesNotContain("\\[", section);
            }
        }

        // Dollars outside markdown (an HTML table output) are left alone.
        Assert.Contains("<td>$5</td><td>0.25</td>", doms["01-foundations.html"]);
    }
}
