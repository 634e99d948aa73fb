using System.Text.Json;
using WeakToStrong.Charts;

namespace WeakToStrong.Tests.Charts;

/// <summary>The suite's chart style, read back from the Plotly JSON every chart carries.</summary>
public sealed class ChartStyleTests
{
    private static JsonElement Layout(Plotly.NET.GenericChart chart) => JsonDocument.Parse(Plot.ToJson(chart)).RootElement.GetProperty("layout");

    [Fact]
    public void AFigureFillsItsColumnWithTheLegendBelowAndRoomForIt()
    {
        var chart = Figure.Create("N (samples)", "risk (squared label units)", logX: true, logY: true)
            .Line("theory", [10.0, 1000.0], [1.0, 0.01])
            .Points("simulation", [10.0, 1000.0], [1.1, 0.011], [0.1, 0.001])
            .ToChart();
        var layout = Layout(chart);

        Assert.False(layout.TryGetProperty("width", out _), "a fixed width would turn Plotly's autosize off");
        Assert.True(layout.GetProperty("autosize").GetBoolean());
        Assert.Equal(450 + (28 * 2) + 28, layout.GetProperty("height").GetInt32()); // two legend entries, one row of padding
        var legend = layout.GetProperty("legend");
        Assert.Equal(("h", "container", 0.0, "bottom"), (legend.GetProperty("orientation").GetString(), legend.GetProperty("yref").GetString(), legend.GetProperty("y").GetDouble(), legend.GetProperty("yanchor").GetString()));
    }

    [Fact]
    public void AxesUsePowersOfTenAndLabelEveryDecadeWhenTheyCoverTwoOrMore()
    {
        // x spans 10..1000 (2 decades): a tick per decade; y spans 0.5..0.9 (under one decade): Plotly's own ticks.
        var chart = Figure.Create("N", "ratio", logX: true, logY: true).Line("a", [10.0, 1000.0], [0.5, 0.9]).ToChart();
        var layout = Layout(chart);
        var x = layout.GetProperty("xaxis");
        var y = layout.GetProperty("yaxis");

        Assert.Equal(("log", "power", 1), (x.GetProperty("type").GetString(), x.GetProperty("exponentformat").GetString(), x.GetProperty("dtick").GetInt32()));
        Assert.Equal(("log", "power"), (y.GetProperty("type").GetString(), y.GetProperty("exponentformat").GetString()));
        Assert.False(y.TryGetProperty("dtick", out _));
        Assert.Equal(16, x.GetProperty("tickfont").GetProperty("size").GetDouble());
        Assert.Equal("N", x.GetProperty("title").GetProperty("text").GetString());
    }

    [Fact]
    public void AGridShrinksToItsColumnUnlessAWidthIsGiven()
    {
        var panel = Figure.Create("x", "y").Line("a", [1.0, 2.0], [1.0, 2.0]).ToChart();
        Assert.False(Layout(Plot.Grid(1, 2, [panel, panel], title: "two panels")).TryGetProperty("width", out _));
        Assert.Equal(900, Layout(Plot.Grid(1, 2, [panel, panel], width: 900)).GetProperty("width").GetInt32());
    }

    [Fact]
    public void LongTitlesAreWrappedAtSpacesToFitANarrowColumn()
    {
        Assert.Equal("aaa bbb<br>ccc", ChartStyle.Wrap("aaa bbb ccc", 7));
        Assert.Equal("averyverylongword<br>x", ChartStyle.Wrap("averyverylongword x", 7)); // a long word keeps its own line
        Assert.Equal("a<br>b c", ChartStyle.Wrap("a<br>b c", 7));

        var title = string.Join(' ', Enumerable.Repeat("word", 30)); // 149 characters: three lines of at most 56
        var layout = Layout(Figure.Create("x", string.Join(' ', Enumerable.Repeat("risk", 20)), title: title).Line("a", [1.0, 2.0], [1.0, 2.0]).ToChart());
        var lines = layout.GetProperty("title").GetProperty("text").GetString()!.Split("<br>");
        Assert.Equal(3, lines.Length);
        Assert.All(lines, l => Assert.True(l.Length <= ChartStyle.TitleLineLength, l));
        Assert.Equal(string.Join(' ', lines), title);
        Assert.Equal("a\u00A0=\u00A0b<br>c", ChartStyle.Wrap("a = b c", 5));
        Assert.Equal(36 + (26 * 3), layout.GetProperty("margin").GetProperty("t").GetInt32());
        var yTitle = layout.GetProperty("yaxis").GetProperty("title").GetProperty("text").GetString()!;
        Assert.All(yTitle.Split("<br>"), l => Assert.True(l.Length <= ChartStyle.YAxisTitleLineLength, l));
    }

    [Fact]
    public void AGridWrapsItsPanelsAxisTitlesToThePanelWidth()
    {
        var xTitle = "N (pseudo-labelled samples; n = 200, the labelled ones)"; // 55 characters: one line alone, two in a half-width panel
        // Two panels, not one chart twice: Plotly.NET keeps one set of axes for a chart repeated in a grid.
        var left = Figure.Create(xTitle, "y").Line("a", [1.0, 2.0], [1.0, 2.0]).ToChart();
        var right = Figure.Create(xTitle, "y").Line("b", [1.0, 2.0], [1.0, 2.0]).ToChart();
        var layout = Layout(Plot.Grid(1, 2, [left, right], panelTitles: ["left panel, with a title too long for half the width", "right"]));
        var x = layout.GetProperty("xaxis").GetProperty("title").GetProperty("text").GetString()!;
        Assert.True(x.Split("<br>").Length >= 2, x);
        Assert.Contains("n\u00A0=\u00A0200", x, StringComparison.Ordinal); // never "n<br>= 200"
        Assert.All(x.Split("<br>"), l => Assert.True(l.Length <= ChartStyle.XAxisTitleLineLength / 2, l));
        var annotation = layout.GetProperty("annotations")[0].GetProperty("text").GetString()!;
        Assert.All(annotation.Split("<br>"), l => Assert.True(l.Length <= ChartStyle.TitleLineLength / 2, l));
    }

    [Fact]
    public void PanelsDrawingTheSameSeriesShareOneLegendEntry()
    {
        GenericChartPanel(out var left, "n = 220", Palette.Sequential(0, 2));
        GenericChartPanel(out var right, "n = 220", Palette.Sequential(0, 2));
        var data = JsonDocument.Parse(Plot.ToJson(Plot.Grid(1, 2, [left, right]))).RootElement.GetProperty("data");

        Assert.Equal(data[0].GetProperty("legendgroup").GetString(), data[1].GetProperty("legendgroup").GetString());
        Assert.False(data[0].TryGetProperty("showlegend", out var shown) && !shown.GetBoolean(), "the first panel's entry stays");
        Assert.False(data[1].GetProperty("showlegend").GetBoolean());
        // A different colour is a different series, even under the same name.
        GenericChartPanel(out var other, "n = 220", Palette.Sequential(1, 2));
        GenericChartPanel(out var first, "n = 220", Palette.Sequential(0, 2));
        var mixed = JsonDocument.Parse(Plot.ToJson(Plot.Grid(1, 2, [first, other]))).RootElement.GetProperty("data");
        Assert.NotEqual(mixed[0].GetProperty("legendgroup").GetString(), mixed[1].GetProperty("legendgroup").GetString());
    }

    private static void GenericChartPanel(out Plotly.NET.GenericChart chart, string name, string colour) =>
        chart = Figure.Create("x", "y").Line(name, [1.0, 2.0], [1.0, 2.0], color: colour).ToChart();
}
