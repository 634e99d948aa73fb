using System.Globalization;
using System.Text.Json;
using WeakToStrong.Charts;

namespace WeakToStrong.Tests.Charts;

/// <summary>The suite's colours and the marker and line styles that keep coinciding curves apart.</summary>
public sealed class PaletteTests
{
    private static (int R, int G, int B) Rgb(string css) =>
        (int.Parse(css.AsSpan(1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
         int.Parse(css.AsSpan(3, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
         int.Parse(css.AsSpan(5, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));

    [Fact]
    public void EveryRoleQuantityAndLossHasItsOwnColour()
    {
        string[] all =
        [
            Palette.WeakTeacher, Palette.WeakToStrong, Palette.StrongBaseline, Palette.StrongCeiling, Palette.Theory, Palette.Reference,
            Palette.Misfit, Palette.Gain, Palette.PosteriorMeanDistance, Palette.ForwardCrossEntropy, Palette.ReverseCrossEntropy,
            Palette.ConfidenceAdaptiveCrossEntropy, Palette.SymmetricCrossEntropy, Palette.AuxiliaryConfidence,
        ];

        Assert.Equal(all.Length, all.Select(c => c.ToUpperInvariant()).Distinct().Count());
        Assert.All(all, c => Assert.Matches("^#[0-9A-F]{6}$", c));
    }

    [Fact]
    public void TheSequentialRampRunsFromViridisDarkEndToItsLightEndInOrder()
    {
        Assert.Equal("#440154", Palette.Sequential(0, 5));
        Assert.Equal("#B4DE2C", Palette.Sequential(4, 5));
        Assert.Equal("#440154", Palette.Sequential(0, 1));
        // Nine reference colours, so 9 curves hit them exactly; the midpoint of 0 and 1 of 17 curves is their average.
        Assert.Equal("#26828E", Palette.Sequential(4, 9));
        var between = Rgb(Palette.Sequential(1, 17));
        Assert.Equal((70, 21, 102), between); // (68 + 72)/2, (1 + 40)/2 = 20.5 → 21, (84 + 120)/2

        // Green rises with the index: the order of the colours is the order of the curves.
        var greens = Enumerable.Range(0, 12).Select(i => Rgb(Palette.Sequential(i, 12)).G).ToArray();
        Assert.True(greens.Zip(greens.Skip(1)).All(p => p.Second > p.First), string.Join(", ", greens));
    }

    [Theory]
    [InlineData(-1, 3)]
    [InlineData(3, 3)]
    [InlineData(0, 0)]
    public void ACurveOutsideTheRampIsRefusedByName(int index, int count)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => Palette.Sequential(index, count));
        Assert.Contains(count <= 0 ? "count" : "index", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LossesAreLookedUpByTheirShortNames()
    {
        Assert.Equal(Palette.ForwardCrossEntropy, Palette.OfLoss("CE"));
        Assert.Equal(Palette.ReverseCrossEntropy, Palette.OfLoss("rce"));
        Assert.Equal(Palette.ConfidenceAdaptiveCrossEntropy, Palette.OfLoss("CACE"));
        Assert.Equal(Palette.SymmetricCrossEntropy, Palette.OfLoss("SL"));
        Assert.Equal(Palette.AuxiliaryConfidence, Palette.OfLoss("AUX"));
        Assert.Equal(5, new[] { "CE", "RCE", "CACE", "SL", "AUX" }.Select(Palette.MarkerOfLoss).Distinct().Count());
        var error = Assert.Throws<ArgumentException>(() => Palette.OfLoss("hinge"));
        Assert.Contains("\"hinge\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MarkerShapesAndDottedLinesReachPlotly()
    {
        var chart = Figure.Create("x", "y")
            .Points("gain", [1.0, 2.0], [1.0, 2.0], color: Palette.Gain)
            .Points("misfit", [1.0, 2.0], [1.0, 2.0], color: Palette.Misfit, marker: MarkerShape.OpenCircle)
            .Line("theory", [1.0, 2.0], [1.0, 2.0], dotted: true, color: Palette.Theory)
            .ToChart();
        var data = JsonDocument.Parse(Plot.ToJson(chart)).RootElement.GetProperty("data");

        Assert.Equal("circle", data[0].GetProperty("marker").GetProperty("symbol").GetString());
        Assert.Equal(("circle-open", Palette.Misfit), (data[1].GetProperty("marker").GetProperty("symbol").GetString(), data[1].GetProperty("marker").GetProperty("color").GetString()));
        Assert.Equal("dot", data[2].GetProperty("line").GetProperty("dash").GetString());
        Assert.Throws<ArgumentException>(() => Figure.Create("x", "y").Line("both", [1.0], [1.0], dashed: true, dotted: true));
    }
}
