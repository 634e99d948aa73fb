using Microsoft.Data.Analysis;
using WeakToStrong.Tables;

namespace WeakToStrong.Tests.Tables;

public sealed class TableTests
{
    private sealed record Row(int N, double Mean, string Model, bool Significant, double? Optional, long Big)
    {
        public double[] Vector { get; init; } = [1, 2];

        public double Derived => 2 * Mean;
    }

    private static readonly (int n, double mean, string model)[] Tuples = [(100, 0.1 + 0.2, "weak"), (2000, Math.PI, "W2S"), (5, double.NaN, "ceiling")];

    [Fact]
    public void ColumnsFromTuplesHaveTheValuesExactlyAndTheTypeOfTheirValues()
    {
        var table = Table.From(Tuples, ("n", r => r.n), ("mean R", r => r.mean), ("model", r => r.model), ("scaled", r => 100 * r.mean));
        Assert.Equal(["n", "mean R", "model", "scaled"], table.Columns.Select(c => c.Name));
        Assert.IsType<Int32DataFrameColumn>(table.Columns["n"]);
        Assert.IsType<DoubleDataFrameColumn>(table.Columns["mean R"]);
        Assert.IsType<StringDataFrameColumn>(table.Columns["model"]);
        Assert.Equal(3, table.Rows.Count);
        for (var i = 0; i < Tuples.Length; i++)
        {
            Assert.Equal(Tuples[i].n, (int)table.Columns["n"][i]!);
            Assert.Equal(BitConverter.DoubleToInt64Bits(Tuples[i].mean), BitConverter.DoubleToInt64Bits((double)table.Columns["mean R"][i]!));
            Assert.Equal(Tuples[i].model, (string)table.Columns["model"][i]!);
        }
    }

    [Fact]
    public void RendersLikeTheSameTableBuiltColumnByColumn()
    {
        var byColumns = new DataFrame(
            new Int32DataFrameColumn("n", Tuples.Select(r => r.n)),
            new DoubleDataFrameColumn("mean R", Tuples.Select(r => r.mean)),
            new StringDataFrameColumn("model", Tuples.Select(r => r.model)));
        var byRows = Table.From(Tuples, ("n", r => r.n), ("mean R", r => r.mean), ("model", r => r.model));
        Assert.Equal(TableHtml.Render(byColumns), TableHtml.Render(byRows));
    }

    [Fact]
    public void IntegersMixedWithRealsMakeARealColumnAndNullsAreMissing()
    {
        var table = Table.From([1, 2, 3], ("mixed", k => k == 2 ? 0.5 : k), ("gaps", k => k == 2 ? null : k), ("none", _ => null), ("wide", k => (long)k << 40));
        Assert.IsType<DoubleDataFrameColumn>(table.Columns["mixed"]);
        Assert.Equal([1.0, 0.5, 3.0], table.Columns["mixed"].Cast<double?>().Select(v => v!.Value));
        Assert.IsType<Int32DataFrameColumn>(table.Columns["gaps"]);
        Assert.Equal(1, table.Columns["gaps"].NullCount);
        Assert.IsType<DoubleDataFrameColumn>(table.Columns["none"]);
        Assert.Equal(3, table.Columns["none"].NullCount);
        Assert.IsType<Int64DataFrameColumn>(table.Columns["wide"]);
        Assert.Equal(3L << 40, (long)table.Columns["wide"][2]!);
    }

    [Fact]
    public void RecordsGiveOneColumnPerScalarPropertyInDeclarationOrder()
    {
        var table = Table.From(new[] { new Row(10, 0.25, "a", true, null, 7), new Row(20, 0.5, "b", false, 1.5, 8) });
        Assert.Equal(["N", "Mean", "Model", "Significant", "Optional", "Big", "Derived"], table.Columns.Select(c => c.Name));
        Assert.IsType<BooleanDataFrameColumn>(table.Columns["Significant"]);
        Assert.Equal(1, table.Columns["Optional"].NullCount);
        Assert.Equal(1.0, (double)table.Columns["Derived"][1]!);
    }

    [Fact]
    public void BadColumnsAreRejectedByName()
    {
        Assert.Contains("expected at least one", Assert.Throws<ArgumentException>(() => Table.From(Tuples, Array.Empty<(string, Func<(int, double, string), object?>)>())).Message, StringComparison.Ordinal);
        // A tuple has fields, not properties: the record overload says how to name the columns instead.
        Assert.Contains("pass the columns explicitly", Assert.Throws<ArgumentException>(() => Table.From(Tuples)).Message, StringComparison.Ordinal);
        Assert.Contains("used by columns 0 and 1", Assert.Throws<ArgumentException>(() => Table.From(Tuples, ("n", r => r.n), ("n", r => r.mean))).Message, StringComparison.Ordinal);
        Assert.Contains("empty header", Assert.Throws<ArgumentException>(() => Table.From(Tuples, (" ", r => r.n))).Message, StringComparison.Ordinal);
        var unsupported = Assert.Throws<ArgumentException>(() => Table.From(Tuples, ("when", r => DateTime.UnixEpoch))).Message;
        Assert.Contains("column \"when\", row 0", unsupported, StringComparison.Ordinal);
        Assert.Contains("DateTime", unsupported, StringComparison.Ordinal);
        Assert.Contains("mixes", Assert.Throws<ArgumentException>(() => Table.From(Tuples, ("odd", r => r.n == 5 ? "five" : r.n))).Message, StringComparison.Ordinal);
    }
}
