using System.Text.Json;
using WeakToStrong.Charts;

namespace WeakToStrong.Tests.Charts;

public sealed class ChartTests
{
    private static JsonElement Parse(Plotly.NET.GenericChart chart) => JsonDocument.Parse(Plot.ToJson(chart)).RootElement;

    [Fact]
    public void TheoryVersusSimulationHasTitlesLogAxesAndTwoTraces()
    {
        var chart = Plot.TheoryVersusSimulation(
            theory: ([1.0, 10, 100], [1.0, 0.1, 0.01]),
            simulation: ([1.0, 10, 100], [1.1, 0.09, 0.011], [0.1, 0.01, 0.001]),
            xTitle: "n (samples)",
            yTitle: "excess risk",
            logX: true,
            logY: true,
            title: "Risk against n");
        var json = Parse(chart);
        var data = json.GetProperty("data");
        Assert.Equal(2, data.GetArrayLength());
        Assert.Equal("lines", data[0].GetProperty("mode").GetString());
        Assert.Equal("markers", data[1].GetProperty("mode").GetString());
        Assert.Equal(0.01, data[1].GetProperty("error_y").GetProperty("array")[1].GetDouble());
        var layout = json.GetProperty("layout");
        Assert.Equal("log", layout.GetProperty("xaxis").GetProperty("type").GetString());
        Assert.Equal("log", layout.GetProperty("yaxis").GetProperty("type").GetString());
        Assert.Equal("n (samples)", layout.GetProperty("xaxis").GetProperty("title").GetProperty("text").GetString());
        Assert.Equal("excess risk", layout.GetProperty("yaxis").GetProperty("title").GetProperty("text").GetString());
        Assert.Equal("Risk against n", layout.GetProperty("title").GetProperty("text").GetString());
    }

    [Fact]
    public void ReferenceLinesSpanTheDataAndBandsAddTwoTraces()
    {
        var chart = Figure.Create("t·λ₁ (dimensionless time)", "L_ST / L_TE", logX: true)
            .Line("ratio", [0.1, 1, 10], [2.0, 0.5, 0.8], dashed: true)
            .Band("± 1 sd", [0.1, 1, 10], [1.5, 0.3, 0.6], [2.5, 0.7, 1.0])
            .HorizontalLine(1.0, "teacher")
            .VerticalLine(1.0, "t*")
            .ToChart();
        var data = Parse(chart).GetProperty("data");
        Assert.Equal(5, data.GetArrayLength());
        Assert.Equal("dash", data[0].GetProperty("line").GetProperty("dash").GetString());
        Assert.Equal("tonexty", data[2].GetProperty("fill").GetString());
        var horizontal = data[3];
        Assert.Equal([0.1, 10.0], horizontal.GetProperty("x").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal([1.0, 1.0], horizontal.GetProperty("y").EnumerateArray().Select(e => e.GetDouble()));
        var vertical = data[4];
        Assert.Equal([0.3, 2.5], vertical.GetProperty("y").EnumerateArray().Select(e => e.GetDouble()));
        var layout = Parse(chart).GetProperty("layout");
        Assert.Equal("log", layout.GetProperty("xaxis").GetProperty("type").GetString());
        Assert.Equal("linear", layout.GetProperty("yaxis").GetProperty("type").GetString());
    }

    [Fact]
    public void GridKeepsEveryPanelsTracesAndAxes()
    {
        var a = Plot.Lines("n (samples)", "PGR", [("d=10", [1.0, 2], [0.1, 0.2])]);
        var b = Plot.Lines("N (pseudo-labels)", "OPR", [("d=10", [1.0, 2], [1.1, 1.2]), ("d=90", [1.0, 2], [0.9, 0.8])], logX: true);
        var json = Parse(Plot.Grid(1, 2, [a, b], title: "PGR and OPR", panelTitles: ["against n", "against N"]));
        Assert.Contains("against N", json.GetProperty("layout").GetProperty("annotations").ToString());
        Assert.Equal(3, json.GetProperty("data").GetArrayLength());
        var layout = json.GetProperty("layout");
        Assert.Equal("PGR and OPR", layout.GetProperty("title").GetProperty("text").GetString());
        Assert.Equal("N (pseudo-labels)", layout.GetProperty("xaxis2").GetProperty("title").GetProperty("text").GetString());
        Assert.Equal("log", layout.GetProperty("xaxis2").GetProperty("type").GetString());
    }

    [Fact]
    public void NonPositiveValuesOnALogAxisAreRejected()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() =>
            Figure.Create("n", "risk", logY: true).Line("risk", [1.0, 2.0], [0.5, 0.0]));
        Assert.Equal("y[1]", error.ParamName);
        Assert.Contains("logarithmic y axis", error.Message);
        Assert.Throws<InvalidOperationException>(() => Figure.Create("n", "risk").ToChart());
    }

    [Fact]
    public void ColoursAreAppliedToLinesAndMarkers()
    {
        var json = Parse(Figure.Create("x (units)", "y (units)")
            .Line("theory", [1.0, 2.0], [1.0, 2.0], color: "crimson")
            .Points("simulation", [1.0, 2.0], [1.1, 1.9], [0.1, 0.1], color: "crimson")
            .ToChart());
        var data = json.GetProperty("data");
        Assert.Equal("crimson", data[0].GetProperty("line").GetProperty("color").GetString());
        Assert.Equal("crimson", data[1].GetProperty("marker").GetProperty("color").GetString());
    }
}
