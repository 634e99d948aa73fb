using System.Text.RegularExpressions;

namespace NotebookEngine.Export;

/// <summary>
/// The book's <c>assets/</c> folder: everything the pages load, as local files referenced by relative URLs, so
/// the book reads offline. Contents:
/// <list type="bullet">
/// <item><c>plotly.min.js</c> and its licence, extracted from the Plotly.NET assembly's embedded resource (the
/// same plotly.js version Plotly.NET's chart HTML was written for), and <c>plotly-require.js</c>
/// (<see cref="PlotlyRequireCharts"/>);</item>
/// <item><c>katex/</c>: <c>katex.min.js</c>, <c>katex.min.css</c>, <c>contrib/auto-render.min.js</c>, <c>fonts/</c>
/// and KaTeX's licence, copied from the dist folder found by <see cref="KatexLocator"/> (absent when the book is
/// exported without math rendering);</item>
/// <item><c>book.css</c> (<see cref="SiteStylesheet"/>) and <c>typeset-math.js</c> (<see cref="MathTypesetScript"/>).</item>
/// </list>
/// </summary>
internal sealed partial record AssetBundle(bool HasMath)
{
    /// <summary>Folder name of the assets, relative to the pages.</summary>
    public const string FolderName = "assets";

    /// <summary>Relative URL of the site stylesheet.</summary>
    public const string StylesheetUrl = FolderName + "/book.css";

    /// <summary>Relative URL of plotly.js.</summary>
    public const string PlotlyUrl = FolderName + "/plotly.min.js";

    /// <summary>Relative URL of the require.js stand-in for Plotly.NET require-style charts.</summary>
    public const string PlotlyRequireUrl = FolderName + "/" + PlotlyRequireCharts.FileName;

    /// <summary>Relative URL of KaTeX's stylesheet.</summary>
    public const string KatexStylesheetUrl = FolderName + "/katex/katex.min.css";

    /// <summary>Relative URL of KaTeX's script.</summary>
    public const string KatexScriptUrl = FolderName + "/katex/katex.min.js";

    /// <summary>Relative URL of the script that typesets the pages' math with KaTeX.</summary>
    public const string TypesetScriptUrl = FolderName + "/typeset-math.js";

    /// <summary>
    /// Writes the assets under <paramref name="outputDirectory"/>/assets. KaTeX is copied from
    /// <paramref name="katexDist"/>; when it is null the book has no math rendering.
    /// </summary>
    /// <exception cref="HtmlBookException">plotly.js is not embedded in the loaded Plotly.NET assembly.</exception>
    public static AssetBundle Write(string outputDirectory, string? katexDist)
    {
        var assets = Path.Combine(outputDirectory, FolderName);
        Directory.CreateDirectory(assets);

        WritePlotly(assets);
        AtomicFile.WriteAllText(Path.Combine(assets, PlotlyRequireCharts.FileName), PlotlyRequireCharts.JavaScript);
        AtomicFile.WriteAllText(Path.Combine(assets, "book.css"), SiteStylesheet.Css);

        if (katexDist is null)
        {
            return new AssetBundle(HasMath: false);
        }

        var katex = Path.Combine(assets, "katex");
        foreach (var file in KatexLocator.RequiredFiles)
        {
            AtomicFile.Copy(Path.Combine(katexDist, file), Path.Combine(katex, file));
        }

        foreach (var font in Directory.EnumerateFiles(Path.Combine(katexDist, "fonts")))
        {
            AtomicFile.Copy(font, Path.Combine(katex, "fonts", Path.GetFileName(font)));
        }

        var license = Path.Combine(katexDist, "..", "LICENSE");
        if (File.Exists(license))
        {
            AtomicFile.Copy(license, Path.Combine(katex, "LICENSE"));
        }

        AtomicFile.WriteAllText(Path.Combine(assets, "typeset-math.js"), MathTypesetScript.JavaScript);
        return new AssetBundle(HasMath: true);
    }

    private static void WritePlotly(string assets)
    {
        var assembly = typeof(Plotly.NET.GenericChart).Assembly;
        var names = assembly.GetManifestResourceNames();
        var script = names.FirstOrDefault(n => PlotlyResource().IsMatch(n))
                     ?? throw new HtmlBookException(
                         $"plotly.js is not embedded in {assembly.GetName().Name} {assembly.GetName().Version} (no resource named like 'plotly-*.min.js'); the HTML book needs Plotly.NET 6.");
        CopyResource(assembly, script, Path.Combine(assets, "plotly.min.js"));
        var license = names.FirstOrDefault(n => n.StartsWith(script, StringComparison.Ordinal) && n.Contains("LICENSE", StringComparison.OrdinalIgnoreCase));
        if (license is not null)
        {
            CopyResource(assembly, license, Path.Combine(assets, "plotly.min.js.LICENSE.txt"));
        }
    }

    private static void CopyResource(System.Reflection.Assembly assembly, string resource, string destination)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
                           ?? throw new HtmlBookException($"Embedded resource '{resource}' of {assembly.GetName().Name} cannot be read.");
        AtomicFile.Write(destination, stream.CopyTo);
    }

    [GeneratedRegex(@"plotly-[0-9][0-9.]*\.min\.js$")]
    private static partial Regex PlotlyResource();
}
