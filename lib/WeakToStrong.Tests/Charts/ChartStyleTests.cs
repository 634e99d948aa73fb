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
}
