using NotebookEngine.Export;

namespace NotebookEngine.Tests.Export;

/// <summary>Where the exporter finds KaTeX, and what happens when it is not installed.</summary>
public sealed class KatexLocationTests
{
    private const string MathCell = """{ "cell_type": "markdown", "metadata": {}, "source": "# Math\n\nInline $x_1$ and\n\n$$\ny_2\n$$\n" }""";

    [Fact]
    public void MissingKatexIsAOneLineErrorPointingToSetup()
    {
        using var temp = new TemporaryBook();
        var path = temp.NotebookWithCells("math.ipynb", MathCell);
        var empty = Directory.CreateTempSubdirectory("w2s-no-katex-");
        try
        {
            var error = Assert.Throws<HtmlBookException>(() =>
                HtmlBook.ExportWith(new KatexSearch(null, [empty.FullName]), [path], temp.OutputDirectory, null));

            Assert.StartsWith("KaTeX was not found (looked for ", error.Message);
            Assert.Contains(empty.FullName, error.Message);
            Assert.EndsWith("run environment/setup.sh to install it.", error.Message);
            Assert.DoesNotContain('\n', error.Message);
            Assert.False(Directory.Exists(temp.OutputDirectory));
        }
        finally
        {
            empty.Delete();
        }
    }

    [Fact]
    public void WithoutKatexMathCanBeLeftAsTexWhenAllowed()
    {
        using var temp = new TemporaryBook();
        var path = temp.NotebookWithCells("math.ipynb", MathCell);
        var empty = Directory.CreateTempSubdirectory("w2s-no-katex-");
        try
        {
            var result = HtmlBook.ExportWith(new KatexSearch(null, [empty.FullName]), [path], temp.OutputDirectory, new HtmlBookOptions { AllowMissingMath = true });

            Assert.False(result.MathRendered);
            var warning = Assert.Single(result.Warnings);
            Assert.StartsWith("KaTeX was not found", warning);
            Assert.EndsWith("run environment/setup.sh to install it; math is left as TeX.", warning);
            Assert.False(Directory.Exists(Path.Combine(result.AssetsDirectory, "katex")));
            Assert.False(File.Exists(Path.Combine(result.AssetsDirectory, "typeset-math.js")));
            Assert.True(File.Exists(Path.Combine(result.AssetsDirectory, "plotly.min.js")));
            foreach (var page in new[] { temp.Read("math.html"), temp.Read("index.html") })
            {
                Assert.DoesNotContain("katex", page);
                Assert.DoesNotContain("typeset-math.js", page);
            }
            Assert.Contains("<span class=\"math\">\\(x_1\\)</span>", temp.Read("math.html"));
            Assert.Contains("<div class=\"math\">\n\\[\ny_2\n\\]</div>", temp.Read("math.html"));
        }
        finally
        {
            empty.Delete();
        }
    }

    [Fact]
    public void EnvironmentVariableNamesTheKatexFolder()
    {
        using var temp = new TemporaryBook();
        var path = temp.NotebookWithCells("math.ipynb", MathCell);
        var dist = HtmlBookTests.FindKatexDist();

        var result = HtmlBook.ExportWith(new KatexSearch(dist, []), [path], temp.OutputDirectory, null);
        Assert.True(result.MathRendered);
        Assert.Equal(File.ReadAllBytes(Path.Combine(dist, "katex.min.js")), File.ReadAllBytes(Path.Combine(result.AssetsDirectory, "katex", "katex.min.js")));

        var wrong = Path.Combine(dist, "fonts");
        var error = Assert.Throws<HtmlBookException>(() => HtmlBook.ExportWith(new KatexSearch(wrong, []), [path], temp.OutputDirectory, null));
        Assert.StartsWith($"environment variable W2S_KATEX_DIR points to '{wrong}', which is not a KaTeX dist folder", error.Message);
    }

    [Fact]
    public void KatexIsFoundAboveAGivenFolder()
    {
        using var temp = new TemporaryBook();
        var path = temp.NotebookWithCells("math.ipynb", MathCell);
        var dist = HtmlBookTests.FindKatexDist();
        var checkout = Path.GetFullPath(Path.Combine(dist, "..", "..", "..", ".."));
        var deep = Path.Combine(checkout, "lib");

        var result = HtmlBook.ExportWith(new KatexSearch(null, [Path.GetTempPath(), deep]), [path], temp.OutputDirectory, null);

        Assert.True(result.MathRendered);
        Assert.Empty(result.Warnings);
    }
}
