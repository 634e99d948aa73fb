using System.Text.Json;
using System.Text.Json.Nodes;
using NotebookEngine.Export;

namespace NotebookEngine.Tests.Export;

/// <summary>
/// The fixture book, exported once per test class: the hand-written executed notebooks of Export/Fixtures, with
/// the chart notebook's outputs filled in the way the runner writes them (a <c>display_data</c> whose
/// <c>text/html</c> is Plotly.NET's chart HTML, generated here through Plotly.NET.CSharp).
/// </summary>
public sealed class ExportedFixtureBook : IDisposable
{
    /// <summary>The chart series plotted in the two chart cells.</summary>
    private static readonly double[] Xs = [1, 2, 4, 8, 16];

    public ExportedFixtureBook()
    {
        Root = Directory.CreateTempSubdirectory("w2s-export-test-").FullName;
        var notebooks = Path.Combine(Root, "notebooks");
        Directory.CreateDirectory(notebooks);

        var foundations = Path.Combine(notebooks, "01-foundations.ipynb");
        File.Copy(FixturePath("01-foundations.ipynb"), foundations);

        var chartNotebook = JsonNode.Parse(File.ReadAllText(FixturePath("02-charts.ipynb")))!;
        var codeCells = chartNotebook["cells"]!.AsArray().Where(c => (string?)c!["cell_type"] == "code").ToList();
        ChartHtml =
        [
            ChartHtmlFor(Xs.Select(x => 1.0 / x).ToArray(), "weak", requireStyle: false),
            ChartHtmlFor(Xs.Select(x => 1.0 / (x * x)).ToArray(), "strong", requireStyle: false),
            ChartHtmlFor(Xs.Select(x => 1.0 / x).ToArray(), "weak", requireStyle: true),
        ];
        for (var i = 0; i < codeCells.Count; i++)
        {
            codeCells[i]!["outputs"] = new JsonArray(DisplayData(ChartHtml[i]));
        }

        var charts = Path.Combine(notebooks, "02-charts.ipynb");
        File.WriteAllText(charts, chartNotebook.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));

        NotebookPaths = [foundations, charts];
        OutputDirectory = Path.Combine(Root, "book");
        Result = HtmlBook.Export(NotebookPaths, OutputDirectory, new HtmlBookOptions { Title = "Fixture book" });
    }

    /// <summary>Temporary folder holding the notebooks and the book; deleted on dispose.</summary>
    public string Root { get; }

    /// <summary>The executed notebooks given to the exporter, in book order.</summary>
    public IReadOnlyList<string> NotebookPaths { get; }

    /// <summary>The book folder.</summary>
    public string OutputDirectory { get; }

    /// <summary>The exporter's result.</summary>
    public HtmlBookResult Result { get; }

    /// <summary>
    /// The Plotly.NET chart HTML put into the chart notebook, one per chart cell: two as the runner writes them
    /// (plotly.js assumed loaded), the last as written for Polyglot (loads plotly.js through require.js from a CDN).
    /// </summary>
    public IReadOnlyList<string> ChartHtml { get; }

    /// <summary>Text of a written file of the book, by path relative to the book folder.</summary>
    public string Read(string relativePath) => File.ReadAllText(Path.Combine(OutputDirectory, relativePath));

    /// <summary>Full path of a fixture notebook in the test output folder.</summary>
    public static string FixturePath(string name) => Path.Combine(AppContext.BaseDirectory, "Export", "Fixtures", name);

    /// <summary>
    /// The chart's HTML as Plotly.NET writes it for a notebook: a div and a script calling Plotly.newPlot, either
    /// assuming plotly.js is loaded (the runner's choice) or, <paramref name="requireStyle"/>, loading it through
    /// require.js from the CDN (what Plotly.NET.Interactive does in Polyglot).
    /// </summary>
    private static string ChartHtmlFor(double[] ys, string name, bool requireStyle)
    {
        var chart = Plotly.NET.CSharp.Chart.Line<double, double, string>(x: Xs, y: ys, Name: name);
        if (requireStyle)
        {
            var display = Plotly.NET.DisplayOptions.init(null, null, null, null, null, null,
                PlotlyJSReference: Plotly.NET.PlotlyJSReference.NewRequire("https://cdn.plot.ly/plotly-2.28.0.min"));
            chart = Plotly.NET.GenericChart.addDisplayOptions(display, chart);
        }
        return Plotly.NET.GenericChart.toChartHTML(chart);
    }

    private static JsonObject DisplayData(string html) => new()
    {
        ["data"] = new JsonObject
        {
            ["text/html"] = new JsonArray(Lines(html).Select(line => (JsonNode)JsonValue.Create(line)).ToArray()),
        },
        ["metadata"] = new JsonObject(),
        ["output_type"] = "display_data",
    };

    /// <summary>nbformat multiline text: lines that keep their trailing newline.</summary>
    private static List<string> Lines(string text)
    {
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\n')
            {
                continue;
            }

            lines.Add(text[start..(i + 1)]);
            start = i + 1;
        }
        if (start < text.Length)
        {
            lines.Add(text[start..]);
        }

        return lines;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A browser test's Chromium may still hold a file for a moment; the temp folder is cleaned by the OS.
        }
    }
}
