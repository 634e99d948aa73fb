using Microsoft.AspNetCore.Html;
using static NotebookEngine.Tests.TestSupport;

namespace NotebookEngine.Tests;

/// <summary>
/// The project's notebooks reference a compiled library by path; values it returns must reach the kernel's formatters
/// (HTML content written raw, other objects through the kernel's default formatting), and its module initializers run.
/// </summary>
public sealed class LibraryInteropTests
{
    [Fact]
    public async Task HtmlAndObjectsReturnedByAReferencedLibraryAreFormattedByTheKernel()
    {
        var folder = NewTempFolder();
        CompiledLibrary.Compile(
            "Figures",
            """
            namespace Figures;
            public sealed record Reading(string Name, double Value);
            public static class Figure
            {
                public static int Initialised;

                [System.Runtime.CompilerServices.ModuleInitializer]
                internal static void OnLoad() => Initialised++;

                public static Microsoft.AspNetCore.Html.IHtmlContent Table() => new Microsoft.AspNetCore.Html.HtmlString("<table><tr><td>1</td></tr></table>");

                public static Reading Sample() => new("width", 2.5);
            }
            """,
            Path.Combine(folder, "lib", "Figures.dll"),
            [typeof(HtmlString).Assembly.Location]);
        var path = WriteNotebook(
            folder,
            "library.ipynb",
            "#r \"lib/Figures.dll\"\nConsole.Write(Figures.Figure.Initialised);",
            "Figures.Figure.Table()",
            "Figures.Figure.Sample()");

        var outcome = await RunAsync(path);

        Assert.True(outcome.ExitCode == 0, outcome.Log);
        var notebook = outcome.Executed("library.ipynb");
        Assert.Equal("1", Stdout(notebook, 0));
        Assert.Equal("<table><tr><td>1</td></tr></table>", Display(notebook, 1, "text/html"));
        var sample = Display(notebook, 2, "text/html");
        Assert.Contains("width", sample);
        Assert.Contains("2.5", sample);
    }
}
