using NotebookEngine.Export;

namespace NotebookEngine.Tests.Export;

/// <summary>How the exporter treats varied and invalid input: notebook formats, names, settings, network references.</summary>
public sealed class HtmlBookInputTests
{
    private const string Heading = """{ "cell_type": "markdown", "metadata": {}, "source": "# A notebook" }""";

    [Fact]
    public void MarkdownIsSanitizedAsJupyterTreatsAnUntrustedNotebook()
    {
        using var temp = new TemporaryBook();
        const string markdown = "# Title <img src=x onerror=\\\"alert(1)\\\"><script>alert(2)</script>\\n\\n"
            + "Text <b>bold</b> and $x_1$ <script>alert(3)</script>\\n\\n"
            + "[bad](javascript:alert(4)) [good](https://example.org) <a href=\\\"javascript:alert(5)\\\">raw</a>\\n\\n"
            + "<img src=\\\"data:image/png;base64,AAAA\\\" onload=\\\"alert(6)\\\"> <iframe src=\\\"https://example.org\\\"></iframe>";
        var first = temp.Notebook("first.ipynb", $$"""
            { "nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [ { "cell_type": "markdown", "metadata": {}, "source": "{{markdown}}" } ] }
            """);
        var second = temp.Notebook("second.ipynb", $$"""{ "nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [ {{Heading}} ] }""");

        HtmlBook.Export([first, second], temp.OutputDirectory);

        foreach (var page in new[] { "first.html", "second.html", "index.html" })
        {
            var html = temp.Read(page);
            var body = html[html.IndexOf("<body", StringComparison.Ordinal)..];
            Assert.DoesNotContain("alert(", body);
            Assert.DoesNotContain("onerror", body);
            Assert.DoesNotContain("javascript:", body);
            Assert.DoesNotContain("<iframe", body);
        }

        var content = temp.Read("first.html");
        Assert.Contains("<b>bold</b>", content);
        Assert.Contains("<span class=\"math\">\\(x_1\\)</span>", content);
        Assert.Contains("href=\"https://example.org\"", content);
        Assert.Contains("src=\"data:image/png;base64,AAAA\"", content);
    }

    [Fact]
    public void AcceptsClassicJupyterStyleNotebooks()
    {
        using var temp = new TemporaryBook();
        // nbformat_minor 4, string sources, execute_result, no Polyglot metadata, a #!fsharp kernel chooser.
        var path = temp.Notebook("classic.ipynb", """
            {
              "nbformat": 4, "nbformat_minor": 4,
              "metadata": { "kernelspec": { "language": "C#", "name": ".net-csharp" } },
              "cells": [
                { "cell_type": "markdown", "metadata": {}, "source": "Intro text.\n\n## Classic *style*" },
                { "cell_type": "code", "execution_count": 7, "metadata": {}, "source": "1 + 1",
                  "outputs": [ { "output_type": "execute_result", "execution_count": 7, "metadata": {}, "data": { "text/plain": "2" } } ] },
                { "cell_type": "code", "execution_count": 8, "metadata": {}, "source": "#!fsharp\nlet x = 1",
                  "outputs": [ { "output_type": "stream", "name": "stdout", "text": "one" } ] }
              ]
            }
            """);

        var result = HtmlBook.Export([path], temp.OutputDirectory);

        var notebook = Assert.Single(result.Notebooks);
        Assert.Equal("Classic style", notebook.Title);
        Assert.Equal((3, 2, 0), (notebook.CellCount, notebook.CodeCellCount, notebook.FailedCellCount));
        var html = temp.Read("classic.html");
        Assert.Contains("<span class=\"prompt\">In [7]:</span>", html);
        Assert.Contains("<code class=\"language-csharp\">1 + 1</code>", html);
        Assert.Contains("<div class=\"output text\"><pre>2</pre></div>", html);
        Assert.Contains("<code class=\"language-fsharp\">#!fsharp\nlet x = 1</code>", html);
        Assert.Contains("<a class=\"title markdown\" href=\"classic.html\">Classic <em>style</em></a>", temp.Read("index.html"));
    }

    [Fact]
    public void NotebookWithoutHeadingIsTitledByItsFileName()
    {
        using var temp = new TemporaryBook();
        var path = temp.NotebookWithCells("my notebook #1.ipynb", """{ "cell_type": "markdown", "metadata": {}, "source": ["No heading here."] }""");

        var result = HtmlBook.Export([path], temp.OutputDirectory);

        Assert.Equal("my notebook #1", result.Notebooks[0].Title);
        Assert.True(File.Exists(Path.Combine(temp.OutputDirectory, "my notebook #1.html")));
        Assert.Contains("href=\"my%20notebook%20%231.html\">my notebook #1</a>", temp.Read("index.html"));
    }

    [Fact]
    public void HeadingIdsAreUniqueAcrossThePage()
    {
        using var temp = new TemporaryBook();
        var path = temp.NotebookWithCells("ids.ipynb",
            """{ "cell_type": "markdown", "metadata": {}, "source": "# Setup" }""",
            """{ "cell_type": "markdown", "metadata": {}, "source": "## Setup\n\n## Cell 1" }""",
            """{ "cell_type": "code", "execution_count": 1, "metadata": {}, "source": "x", "outputs": [ { "output_type": "display_data", "metadata": {}, "data": { "text/markdown": "### Setup" } } ] }""");

        HtmlBook.Export([path], temp.OutputDirectory);

        var html = temp.Read("ids.html");
        Assert.Contains("<h1 id=\"setup\">Setup</h1>", html);
        Assert.Contains("<h2 id=\"setup-1\">Setup</h2>", html);
        Assert.Contains("<h2 id=\"cell-1-1\">Cell 1</h2>", html);
        Assert.Contains("<h3 id=\"setup-2\">Setup</h3>", html);
        Assert.Equal(1, HtmlScan.Count(html, "id=\"cell-1\""));
    }

    [Fact]
    public void CurrencyDollarsAreNotMath()
    {
        using var temp = new TemporaryBook();
        var path = temp.NotebookWithCells("prices.ipynb", """{ "cell_type": "markdown", "metadata": {}, "source": ["It costs $5 and $10, while $x_1$ is math."] }""");

        HtmlBook.Export([path], temp.OutputDirectory);

        Assert.Contains("<p>It costs $5 and $10, while <span class=\"math\">\\(x_1\\)</span> is math.</p>", temp.Read("prices.html"));
    }

    [Fact]
    public void AnsiColoursAreRemovedAndUnknownMimeTypesAreNamed()
    {
        using var temp = new TemporaryBook();
        var path = temp.NotebookWithCells("outputs.ipynb", Heading, """
            { "cell_type": "code", "execution_count": 1, "metadata": {}, "source": ["x"], "outputs": [
              { "output_type": "error", "ename": "Error", "evalue": "boom", "traceback": ["\u001b[0;31mboom\u001b[0m", "  at Cell"] },
              { "output_type": "display_data", "metadata": {}, "data": { "application/vnd.custom+json": { "a": 1 } } }
            ] }
            """);

        var result = HtmlBook.Export([path], temp.OutputDirectory);

        var html = temp.Read("outputs.html");
        Assert.Contains("<pre class=\"traceback\">boom\n  at Cell</pre>", html);
        Assert.DoesNotContain("\u001b", html, StringComparison.Ordinal);
        Assert.Contains("Output of type application/vnd.custom+json is not shown in the HTML export.", html);
        Assert.Equal(1, result.FailedCellCount);
    }

    [Fact]
    public void OutputsThatLoadFromTheNetworkAreReported()
    {
        using var temp = new TemporaryBook();
        var path = temp.NotebookWithCells("cdn.ipynb",
            """{ "cell_type": "markdown", "metadata": {}, "source": ["# CDN\n", "[a link](https://example.org/doc) and ![remote](https://example.org/a.png)"] }""",
            """
            { "cell_type": "code", "execution_count": 1, "metadata": {}, "source": ["chart"], "outputs": [
              { "output_type": "display_data", "metadata": {}, "data": { "text/html": [
                "<div id=\"c\"></div><script type=\"text/javascript\">var require = requirejs.config({paths:{plotly:'https://cdn.plot.ly/plotly-2.28.0.min'}});</script>"
              ] } }
            ] }
            """);

        var result = HtmlBook.Export([path], temp.OutputDirectory);

        Assert.Equal(
            [
                "cdn.ipynb, cell 1: loads https://example.org/a.png, which will not display offline.",
                "cdn.ipynb, cell 2: loads https://cdn.plot.ly/plotly-2.28.0.min, which will not display offline.",
            ],
            result.Warnings);
    }

    [Fact]
    public void ExportingAgainReplacesThePages()
    {
        using var temp = new TemporaryBook();
        var path = temp.NotebookWithCells("again.ipynb", """{ "cell_type": "markdown", "metadata": {}, "source": "# First" }""");
        HtmlBook.Export([path], temp.OutputDirectory);
        temp.NotebookWithCells("again.ipynb", """{ "cell_type": "markdown", "metadata": {}, "source": "# Second" }""");

        HtmlBook.Export([path], temp.OutputDirectory);

        Assert.Contains("<h1 id=\"second\">Second</h1>", temp.Read("again.html"));
        Assert.DoesNotContain("First", temp.Read("index.html"));
        Assert.Empty(Directory.EnumerateFiles(temp.OutputDirectory, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void InvalidNotebooksAreReportedWithTheirPath()
    {
        using var temp = new TemporaryBook();
        var notJson = temp.Notebook("broken.ipynb", "{ \"cells\": [ ");
        var oldFormat = temp.Notebook("old.ipynb", """{ "nbformat": 3, "worksheets": [] }""");
        var badCell = temp.NotebookWithCells("bad-cell.ipynb", """{ "cell_type": "picture", "source": "" }""");
        var missing = Path.Combine(temp.OutputDirectory, "..", "missing.ipynb");

        Assert.StartsWith($"Notebook '{notJson}' is not valid JSON:", Assert.Throws<HtmlBookException>(() => HtmlBook.Export([notJson], temp.OutputDirectory)).Message);
        Assert.Equal($"Notebook '{oldFormat}' has nbformat 3; only nbformat 4 is supported.", Assert.Throws<HtmlBookException>(() => HtmlBook.Export([oldFormat], temp.OutputDirectory)).Message);
        Assert.Equal($"Notebook '{badCell}', cell 1: unknown cell_type 'picture' (expected markdown, code or raw).", Assert.Throws<HtmlBookException>(() => HtmlBook.Export([badCell], temp.OutputDirectory)).Message);
        Assert.Equal($"Notebook '{Path.GetFullPath(missing)}' does not exist.", Assert.Throws<HtmlBookException>(() => HtmlBook.Export([missing], temp.OutputDirectory)).Message);
        Assert.False(Directory.Exists(temp.OutputDirectory));
    }

    [Fact]
    public void NotebookNamesMustGiveDistinctPages()
    {
        using var temp = new TemporaryBook();
        var a = temp.NotebookWithCells(Path.Combine("a", "intro.ipynb"), Heading);
        var b = temp.NotebookWithCells(Path.Combine("b", "intro.ipynb"), Heading);
        var index = temp.NotebookWithCells("Index.ipynb", Heading);

        var duplicate = Assert.Throws<ArgumentException>(() => HtmlBook.Export([a, b], temp.OutputDirectory));
        Assert.Equal("executedNotebookPaths", duplicate.ParamName);
        Assert.Contains("would both be written as intro.html", duplicate.Message);
        Assert.Contains("index.html", Assert.Throws<ArgumentException>(() => HtmlBook.Export([index], temp.OutputDirectory)).Message);
        Assert.Equal("executedNotebookPaths", Assert.Throws<ArgumentException>(() => HtmlBook.Export([], temp.OutputDirectory)).ParamName);
        Assert.Throws<ArgumentException>(() => HtmlBook.Export([a], " "));
        Assert.Equal("options", Assert.Throws<ArgumentException>(() => HtmlBook.Export([a], temp.OutputDirectory, new HtmlBookOptions { Title = "" })).ParamName);
    }

    [Fact]
    public void WrongKatexDirectoryIsAOneLineErrorPointingToSetup()
    {
        using var temp = new TemporaryBook();
        var path = temp.NotebookWithCells("math.ipynb", Heading);
        var notKatex = Path.GetTempPath();

        var error = Assert.Throws<HtmlBookException>(() =>
            HtmlBook.Export([path], temp.OutputDirectory, new HtmlBookOptions { KatexDirectory = notKatex, AllowMissingMath = true }));

        Assert.StartsWith($"HtmlBookOptions.KatexDirectory points to '{Path.GetFullPath(notKatex)}', which is not a KaTeX dist folder", error.Message);
        Assert.Contains("run environment/setup.sh", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void ExplicitKatexDirectoryIsUsed()
    {
        using var temp = new TemporaryBook();
        var path = temp.NotebookWithCells("math.ipynb", """{ "cell_type": "markdown", "metadata": {}, "source": "# $x$" }""");
        var dist = HtmlBookTests.FindKatexDist();

        var result = HtmlBook.Export([path], temp.OutputDirectory, new HtmlBookOptions { KatexDirectory = dist });

        Assert.True(result.MathRendered);
        Assert.Equal(File.ReadAllBytes(Path.Combine(dist, "katex.min.css")), File.ReadAllBytes(Path.Combine(result.AssetsDirectory, "katex", "katex.min.css")));
        Assert.Equal("$x$", result.Notebooks[0].Title);
    }
}
