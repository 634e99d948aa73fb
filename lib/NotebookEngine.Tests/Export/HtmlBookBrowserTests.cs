namespace NotebookEngine.Tests.Export;

/// <summary>
/// The exported book opened in headless Chromium with the network off: the charts are drawn by the bundled
/// plotly.js and the math is typeset by the bundled KaTeX, both from local files only.
/// </summary>
public sealed class HtmlBookBrowserTests(ExportedFixtureBook book) : IClassFixture<ExportedFixtureBook>
{
    [ChromiumFact]
    public void ChartsAreDrawnAndMathIsTypesetOffline()
    {
        var chromium = HeadlessChromium.Require();
        string[] files = ["01-foundations.html", "02-charts.html", "index.html"];
        var doms = files.ToDictionary(file => file, file => HeadlessChromium.DumpDom(chromium, Path.Combine(book.OutputDirectory, file)));

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
