using Microsoft.Data.Analysis;
using WeakToStrong.Tables;

namespace WeakToStrong.Tests.Tables;

public sealed class TableHtmlTests
{
    [Theory]
    [InlineData(0.00022143674922638, "2.214×10⁻⁴")]
    [InlineData(0.0022143674922638, "0.002214")]
    [InlineData(5.459876251572268E-05, "5.460×10⁻⁵")]
    [InlineData(0.5, "0.5000")]
    [InlineData(2000.0, "2000")]
    [InlineData(123456.0, "1.235×10⁵")]
    [InlineData(-1.9331806332372263, "−1.933")]
    [InlineData(9.99995, "10")]
    [InlineData(0.001, "0.001000")]
    [InlineData(1e-300, "1.000×10⁻³⁰⁰")]
    [InlineData(0.0, "0")]
    [InlineData(1.62, "1.620")]
    [InlineData(20.0, "20")]
    [InlineData(double.NaN, "n/a")]
    [InlineData(double.NegativeInfinity, "−∞")]
    public void RealNumbersShowFourSignificantDigits(double value, string expected) =>
        Assert.Equal(expected, TableHtml.Number(value));

    [Fact]
    public void ATableShowsRoundedNumbersDropsAllMissingColumnsAndSaysSo()
    {
        var frame = new DataFrame(
            new Int32DataFrameColumn("n", [10, 20, 30]),
            new DoubleDataFrameColumn("risk <R>", [0.123456, 1.5, double.NaN]),
            new DoubleDataFrameColumn("bound", [double.NaN, double.NaN, double.NaN]),
            new StringDataFrameColumn("loss", ["CE", "RCE", "SL"]));

        var html = TableHtml.Render(frame, maximumRows: 2);

        Assert.Contains("<th style=\"text-align:right\">risk &lt;R&gt;</th>", html);
        Assert.DoesNotContain(">bound<", html);
        Assert.Contains("<td style=\"text-align:right\">10</td><td style=\"text-align:right\">0.1235</td><td style=\"text-align:left\">CE</td>", html);
        Assert.Contains("<td style=\"text-align:right\">1.500</td>", html);
        Assert.DoesNotContain("SL", html);
        Assert.Contains("1 more rows not shown (3 in all). Not shown, n/a in every row: bound.", html);
    }

    [Fact]
    public void TheDataFrameKeepsItsFullPrecision()
    {
        var column = new DoubleDataFrameColumn("x", [0.123456789]);
        TableHtml.Render(new DataFrame(column));
        Assert.Equal(0.123456789, column[0]);
    }

    [Fact]
    public void AWideTableScrollsInsideItsOwnBox()
    {
        var frame = new Microsoft.Data.Analysis.DataFrame(new Microsoft.Data.Analysis.DoubleDataFrameColumn("x", [1.0]));
        var html = TableHtml.Render(frame);
        Assert.StartsWith("<div class=\"w2s-table-scroll\" style=\"overflow-x:auto;max-width:100%\">", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("</table>", StringComparison.Ordinal) < html.LastIndexOf("</div>", StringComparison.Ordinal), html);
    }
}
