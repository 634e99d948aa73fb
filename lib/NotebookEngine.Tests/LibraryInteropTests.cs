using Microsoft.AspNetCore.Html;
using NotebookEngine.Packages;
using static NotebookEngine.Tests.TestSupport;

namespace NotebookEngine.Tests;

/// <summary>
/// The project's notebooks reference a compiled library by path next to its NuGet dependencies; values it returns
/// (Plotly.NET charts, IHtmlContent) must be recognised by the engine's formatters.
/// </summary>
public sealed class LibraryInteropTests
{
    [Fact]
    public async Task ChartsAndHtmlReturnedByAReferencedLibraryAreFormatted()
    {
        var plotly = await SharedRestorer.RestoreAsync([new PackageReference("Plotly.NET", "6.0.0"), new PackageReference("Plotly.NET.CSharp", "0.14.0")], []);
        var folder = NewTempFolder();
        CompiledLibrary.Compile(
            "Figures",
            """
            namespace Figures;
            public static class Figure
            {
                public static Plotly.NET.GenericChart Growth() =>
                    Plotly.NET.CSharp.Chart.Line<double, double, string>(x: new[] { 1.0, 2.0 }, y: new[] { 1.0, 4.0 });

                public static Microsoft.AspNetCore.Html.IHtmlContent Table() => new Microsoft.AspNetCore.Html.HtmlString("<table><tr><td>1</td></tr></table>");
            }
            """,
            Path.Combine(folder, "lib", "Figures.dll"),
            [.. plotly.Assemblies, typeof(HtmlString).Assembly.Location]);
        var path = WriteNotebook(
            folder,
            "library.ipynb",
            "#r \"nuget: Plotly.NET, 6.0.0\"\n#r \"nuget: Plotly.NET.CSharp, 0.14.0\"\n#r \"lib/Figures.dll\"",
            "Figures.Figure.Growth()",
            "Figures.Figure.Table()");

        var outcome = await RunAsync(path);

        Assert.True(outcome.ExitCode == 0, outcome.Log);
        var notebook = outcome.Executed("library.ipynb");
        Assert.Contains("Plotly.newPlot", Display(notebook, 1, "text/html"));
        Assert.Equal("<table><tr><td>1</td></tr></table>", Display(notebook, 2, "text/html"));
    }
}
