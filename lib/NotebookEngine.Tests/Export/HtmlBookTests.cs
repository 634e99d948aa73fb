namespace NotebookEngine.Tests.Export;

/// <summary>Structure of the HTML book written for the fixture notebooks.</summary>
public sealed class HtmlBookTests(ExportedFixtureBook book) : IClassFixture<ExportedFixtureBook>
{
    private static readonly string[] PageFiles = ["01-foundations.html", "02-charts.html", "index.html"];

    [Fact]
    public void WritesOnePagePerNotebookAnIndexAndTheAssets()
    {
        Assert.Equal(Path.Combine(book.OutputDirectory, "index.html"), book.Result.IndexPath);
        Assert.Equal(
            book.NotebookPaths.Select(p => Path.Combine(book.OutputDirectory, Path.GetFileNameWithoutExtension(p) + ".html")),
            book.Result.Notebooks.Select(n => n.PagePath));
        foreach (var file in PageFiles)
        {
            Assert.True(File.Exists(Path.Combine(book.OutputDirectory, file)), file);
        }

        Assert.True(book.Result.MathRendered);
        var assets = book.Result.AssetsDirectory;
        foreach (var asset in new[] { "book.css", "typeset-math.js", "plotly.min.js", "plotly.min.js.LICENSE.txt", "katex/katex.min.js", "katex/katex.min.css", "katex/contrib/auto-render.min.js" })
        {
            Assert.True(new FileInfo(Path.Combine(assets, asset)).Length > 0, asset);
        }

        Assert.Contains(Directory.EnumerateFiles(Path.Combine(assets, "katex", "fonts")), f => f.EndsWith("KaTeX_Main-Regular.woff2", StringComparison.Ordinal));
    }

    [Fact]
    public void PlotlyScriptIsTheOneEmbeddedInPlotlyNet()
    {
        var assembly = typeof(Plotly.NET.GenericChart).Assembly;
        using var resource = assembly.GetManifestResourceStream("Plotly.NET.plotly-2.28.0.min.js")!;
        using var expected = new MemoryStream();
        resource.CopyTo(expected);
        Assert.Equal(expected.ToArray(), File.ReadAllBytes(Path.Combine(book.Result.AssetsDirectory, "plotly.min.js")));
    }

    [Fact]
    public void KatexFilesAreCopiedUnchanged()
    {
        var dist = FindKatexDist();
        foreach (var file in new[] { "katex.min.js", "katex.min.css", Path.Combine("contrib", "auto-render.min.js") })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(dist, file)), File.ReadAllBytes(Path.Combine(book.Result.AssetsDirectory, "katex", file)));
        }

        Assert.Equal(Directory.GetFiles(Path.Combine(dist, "fonts")).Length, Directory.GetFiles(Path.Combine(book.Result.AssetsDirectory, "katex", "fonts")).Length);
    }

    [Fact]
    public void PagesLoadNothingFromTheNetwork()
    {
        foreach (var file in PageFiles)
        {
            var html = book.Read(file);
            var urls = HtmlScan.ScriptAndStylesheetUrls(html);
            Assert.NotEmpty(urls);
            Assert.All(urls, url => Assert.StartsWith("assets/", url));
            Assert.All(urls, url => Assert.True(File.Exists(Path.Combine(book.OutputDirectory, url)), $"{file} loads {url}, which was not written"));
            // The only http(s) URL in any page is the ordinary link of the notebook's own markdown.
            Assert.All(HtmlScan.HttpUrls(html), url => Assert.Equal("https://arxiv.org/abs/2502.00001", url));
        }
        Assert.Contains("<a href=\"https://arxiv.org/abs/2502.00001\">the paper</a>", book.Read("01-foundations.html"));
        Assert.Empty(book.Result.Warnings);
    }

    [Fact]
    public void PlotlyIsLoadedInTheHeadBeforeTheChartsThatUseIt()
    {
        var html = book.Read("02-charts.html");
        var plotly = html.IndexOf("<script src=\"assets/plotly.min.js\"></script>", StringComparison.Ordinal);
        var headEnd = html.IndexOf("</head>", StringComparison.Ordinal);
        Assert.InRange(plotly, 0, headEnd);
        Assert.InRange(html.IndexOf("<script src=\"assets/plotly-require.js\"></script>", StringComparison.Ordinal), plotly, headEnd);
        var ids = HtmlScan.PlotlyChartIds(html);
        Assert.Equal(3, ids.Count);
        foreach (var id in ids)
        {
            Assert.True(html.IndexOf($"<div id=\"{id}\"", StringComparison.Ordinal) > headEnd);
        }
        // The chart HTML is written raw, exactly as Plotly.NET produced it, so its scripts run.
        Assert.Contains(book.ChartHtml[0], html);
        Assert.Contains(book.ChartHtml[1], html);
    }

    [Fact]
    public void RequireStyleChartsArePointedAtTheLocalPlotly()
    {
        var html = book.Read("02-charts.html");
        var requireChart = book.ChartHtml[2];
        const string plotlyCdn = "paths:{plotly:'https://cdn.plot.ly/plotly-2.28.0.min'}";
        const string requireCdn = "script.setAttribute(\"src\", \"https://cdnjs.cloudflare.com/ajax/libs/require.js/2.3.6/require.min.js\");";
        Assert.Contains(plotlyCdn, requireChart);
        Assert.Contains(requireCdn, requireChart);

        var localized = requireChart
            .Replace(plotlyCdn, "paths:{plotly:'assets/plotly.min'}", StringComparison.Ordinal)
            .Replace(requireCdn, "script.setAttribute(\"src\", \"assets/plotly-require.js\");", StringComparison.Ordinal);
        Assert.Contains(localized, html);
        Assert.True(new FileInfo(Path.Combine(book.Result.AssetsDirectory, "plotly-require.js")).Length > 0);
    }

    [Fact]
    public void ChartHtmlFromPlotlyNetWithoutReferenceHasNoCdnUrl()
    {
        foreach (var chart in book.ChartHtml.Take(2))
        {
            Assert.Contains("Plotly.newPlot(", chart);
            Assert.Empty(HtmlScan.HttpUrls(chart));
        }
    }

    [Fact]
    public void MathIsKeptVerbatimForKatex()
    {
        var html = book.Read("01-foundations.html");
        // Underscores and asterisks inside math are not turned into emphasis, and the TeX is intact.
        Assert.Contains("<span class=\"math\">\\(a_i^* = b_j * c_k\\)</span>", html);
        Assert.Contains("<span class=\"math\">\\(x_1 * y_2\\)</span>", html);
        Assert.Contains("<span class=\"math\">\\(\\mathcal{E}(f_s) = \\mathbb{E}_x[(f_s(x) - f^*(x))^2]\\)</span>", html);
        Assert.Contains("<div class=\"math\">\n\\[\n\\mathcal{L}_{\\mathrm{w2s}}(\\theta) = \\frac{1}{n}\\sum_{i=1}^{n} \\big(f_\\theta(x_i) - f_w(x_i)\\big)^2\n\\]</div>", html);
        // Math inside a pipe table cell and inside a text/markdown output.
        Assert.Contains("<td><span class=\"math\">\\(\\Delta_n = R(f_w) - R(f_s)\\)</span></td>", html);
        Assert.Contains("<span class=\"math\">\\(\\epsilon_{n}^2 \\le \\tfrac{d}{n}\\)</span>", html);
        Assert.DoesNotContain("<em>", html);

        var charts = book.Read("02-charts.html");
        // $$…$$ inside a paragraph is display math, as in Jupyter and VS Code.
        Assert.Contains("<p><span class=\"math display\">\\[\\operatorname{Risk}(\\lambda) = \\sigma^2_{\\text{noise}} + \\lambda_{\\max}\\]</span></p>", charts);
        Assert.Contains("Inline <span class=\"math display\">\\[\\lim_{n \\to \\infty} r_n = 0\\]</span> and <span class=\"math\">\\(q_{1}\\)</span>.", charts);

        foreach (var file in PageFiles)
        {
            var page = book.Read(file);
            Assert.Contains("<link rel=\"stylesheet\" href=\"assets/katex/katex.min.css\">", page);
            Assert.Contains("<script defer src=\"assets/katex/katex.min.js\"></script>", page);
            Assert.Contains("<script defer src=\"assets/typeset-math.js\"></script>", page);
        }
    }

    [Fact]
    public void CodeCellsShowSourceCountRunTimeAndLanguage()
    {
        var html = book.Read("01-foundations.html");
        Assert.Contains("<span class=\"prompt\">In [1]:</span><span class=\"run-time\" title=\"Run time\">1.5 s</span>", html);
        Assert.Contains("<span class=\"prompt\">In [2]:</span><span class=\"run-time\" title=\"Run time\">250 ms</span>", html);
        Assert.Contains("<span class=\"prompt\">In [ ]:</span>", html);
        Assert.Contains("Console.WriteLine(&quot;List&lt;int&gt; &amp; &lt;tags&gt; are escaped&quot;);</code></pre>", html);
        Assert.Contains("<pre class=\"source\"><code class=\"language-csharp\">var n = 128; var d = 64;\nConsole.WriteLine($&quot;n = {n}, d = {d}&quot;);\n", html);
        Assert.Equal(5, HtmlScan.Count(html, "<pre class=\"source\"><code class=\"language-csharp\">"));
    }

    [Fact]
    public void OutputsAreRenderedByKind()
    {
        var html = book.Read("01-foundations.html");

        // Consecutive stdout streams merge into one escaped block; stderr is separate.
        Assert.Contains("<div class=\"output stream stdout\"><pre>n = 128, d = 64\nList&lt;int&gt; &amp; &lt;tags&gt; are escaped\nsecond write</pre></div>", html);
        Assert.Contains("<div class=\"output stream stderr\"><pre>warning: ridge λ is small</pre></div>", html);

        // text/html is preferred over text/plain and written raw (DataFrame table); its dollars are not math.
        Assert.Contains("<td>$5</td><td>0.25</td>", html);
        Assert.DoesNotContain("DataFrame (2 rows)", html);

        // execute_result text/plain is escaped; png and svg become data-URI images, svg preferred over png.
        Assert.Contains("<div class=\"output text\"><pre>0.125 &lt; 0.25</pre></div>", html);
        Assert.Contains("<img src=\"data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==\" alt=\"&lt;image&gt;\">", html);
        Assert.Contains("<div class=\"output image svg\"><img src=\"data:image/svg+xml;base64,", html);
        Assert.Equal(2, HtmlScan.Count(html, "data:image/png;base64,iVBOR")); // the png output and the markdown attachment; not the svg's png
        Assert.Contains("<div class=\"output markdown\">\n<p><strong>Result:</strong>", html);

        // The error output: name, message, traceback, and the cell marked failed.
        Assert.Contains("<section class=\"cell code-cell failed\" id=\"cell-5\">", html);
        Assert.Contains("<span class=\"error-name\">Error</span>: <span class=\"error-value\">System.ArgumentOutOfRangeException: n must be positive (Parameter &#39;n&#39;)\nActual value was -1.</span>", html);
        Assert.Contains("<pre class=\"traceback\">System.ArgumentOutOfRangeException: n must be positive (Parameter &#39;n&#39;)\nActual value was -1.\n   at Submission#4.&lt;&lt;Initialize&gt;&gt;d__0.MoveNext()</pre>", html);

        // Raw cells verbatim, escaped.
        Assert.Contains("<section class=\"cell raw-cell\" id=\"cell-7\"><pre>raw &lt;text&gt;</pre></section>", html);
    }

    [Fact]
    public void MarkdownAttachmentsBecomeDataUris()
    {
        var html = book.Read("01-foundations.html");
        // HTML5 serialisation by the sanitizer: no self-closing slash.
        Assert.Contains("<img src=\"data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==\" alt=\"diagram\">", html);
        Assert.DoesNotContain("attachment:", html);
    }

    [Fact]
    public void IndexListsNotebooksInOrderWithTitleAndStatus()
    {
        var foundations = book.Result.Notebooks[0];
        Assert.Equal("Foundations of $w_{\\text{weak}}$ students", foundations.Title);
        Assert.Equal(7, foundations.CellCount);
        Assert.Equal(5, foundations.CodeCellCount);
        Assert.Equal(1, foundations.FailedCellCount);
        Assert.Equal(TimeSpan.FromSeconds(1.5) + TimeSpan.FromSeconds(0.25), foundations.RunTime);

        var charts = book.Result.Notebooks[1];
        Assert.Equal("Charts", charts.Title);
        Assert.Equal((6, 3, 0), (charts.CellCount, charts.CodeCellCount, charts.FailedCellCount));
        Assert.Null(charts.RunTime);
        Assert.Equal(1, book.Result.FailedCellCount);

        var index = book.Read("index.html");
        var first = index.IndexOf("<a class=\"title markdown\" href=\"01-foundations.html\">Foundations of <span class=\"math\">\\(w_{\\text{weak}}\\)</span> students</a>", StringComparison.Ordinal);
        var second = index.IndexOf("<a class=\"title markdown\" href=\"02-charts.html\">Charts</a>", StringComparison.Ordinal);
        Assert.InRange(first, 0, int.MaxValue);
        Assert.True(second > first);
        Assert.Contains("<span class=\"status\">7 cells · <span class=\"failed\">1 failed</span> · 1.8 s</span>", index);
        Assert.Contains("<span class=\"status\">6 cells · <span class=\"ok\">0 failed</span></span>", index);
        Assert.Contains("<h1>Fixture book</h1>", index);
        Assert.Contains("<title>Fixture book</title>", index);
    }

    [Fact]
    public void PagesLinkToPreviousNextAndIndex()
    {
        var first = book.Read("01-foundations.html");
        var second = book.Read("02-charts.html");
        Assert.Equal(2, HtmlScan.Count(first, "<a rel=\"next\" href=\"02-charts.html\"><span class=\"markdown\">Charts</span> →</a>"));
        Assert.DoesNotContain("rel=\"prev\"", first);
        Assert.Equal(2, HtmlScan.Count(second, "<a rel=\"prev\" href=\"01-foundations.html\">← <span class=\"markdown\">Foundations of <span class=\"math\">\\(w_{\\text{weak}}\\)</span> students</span></a>"));
        Assert.DoesNotContain("rel=\"next\"", second);
        foreach (var page in new[] { first, second })
        {
            Assert.Equal(2, HtmlScan.Count(page, "<a href=\"index.html\">Contents</a>"));
        }

        Assert.Contains("<title>Charts · Fixture book</title>", second);
    }

    [Fact]
    public void LeavesNoTemporaryFiles() =>
        Assert.Empty(Directory.EnumerateFiles(book.OutputDirectory, "*.tmp", SearchOption.AllDirectories));

    /// <summary>The KaTeX dist folder of this checkout, found independently of the exporter.</summary>
    internal static string FindKatexDist()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var dist = Path.Combine(directory.FullName, "environment", "node_modules", "katex", "dist");
            if (Directory.Exists(dist))
            {
                return dist;
            }
        }
        throw new InvalidOperationException("environment/node_modules/katex/dist not found above the test folder; run environment/setup.sh");
    }
}
