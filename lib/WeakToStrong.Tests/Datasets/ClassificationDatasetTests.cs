using MathNet.Numerics.LinearAlgebra;
using WeakToStrong.Datasets;

namespace WeakToStrong.Tests.Datasets;

public sealed class ClassificationDatasetTests
{
    private static readonly ClassificationDataset Small = new(
        Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 5, 10 }, { 3, 5, -2 }, { 5, 5, 4 }, { 100, 7, 0 } }),
        [0, 1, 1, 0],
        ["a", "b"]);

    [Fact]
    public void OneHotTargetsHaveOneUnitEntryPerRowAtTheLabel()
    {
        var cancer = UciDatasets.BreastCancer(UciDatasetsTests.DataFile("breast_cancer.csv"));
        var targets = cancer.OneHotTargets();
        Assert.Equal((569, 2), (targets.RowCount, targets.ColumnCount));
        for (var i = 0; i < cancer.Count; i++)
        {
            Assert.Equal(1.0, targets.Row(i).Sum());
            Assert.Equal(1.0, targets[i, cancer.Labels[i]]);
        }
    }

    [Fact]
    public void StandardisedUsesTheReferenceRowsMeanAndSampleStandardDeviation()
    {
        int[] reference = [0, 1, 2];
        var standardised = Small.Standardised(reference);
        // Column 0 over rows 0–2: mean 3, sample s.d. 2; column 1 is constant (only centred); column 2: mean 4, s.d. 6.
        Assert.Equal(new[] { -1.0, 0, 1, 48.5 }, standardised.Features.Column(0).ToArray());
        Assert.Equal(new[] { 0.0, 0, 0, 2 }, standardised.Features.Column(1).ToArray());
        Assert.Equal(new[] { 1.0, -1, 0, -4.0 / 6 }, standardised.Features.Column(2).ToArray());
        foreach (var j in new[] { 0, 2 })
        {
            var values = reference.Select(i => standardised.Features[i, j]).ToArray();
            Assert.Equal(0.0, values.Average(), 15);
            Assert.Equal(1.0, values.Select(v => v * v).Sum() / (values.Length - 1), 15);
        }

        Assert.Same(Small.Labels, standardised.Labels);
        Assert.Same(Small.ClassNames, standardised.ClassNames);
        Assert.Equal(1.0, Small.Features[0, 0]); // the original is not modified
        Assert.Equal(new[] { 0.0, 0, 0 }, Small.Standardised([3]).Features.Row(3).ToArray()); // one row: centred, divisor 1
    }

    [Fact]
    public void FeatureSubmatrixPicksRowsAndColumnsInTheGivenOrder()
    {
        var sub = Small.FeatureSubmatrix([3, 0, 3], [2, 0]);
        Assert.Equal(new double[,] { { 0, 100 }, { 10, 1 }, { 0, 100 } }, sub.ToArray());
        Assert.Equal((0, 2), (Small.FeatureSubmatrix([], [0, 1]).RowCount, Small.FeatureSubmatrix([], [0, 1]).ColumnCount));
    }

    [Fact]
    public void BadRowAndColumnIndicesAreRejected()
    {
        Assert.Equal("referenceRows", Assert.Throws<ArgumentException>(() => Small.Standardised([])).ParamName);
        Assert.Equal("referenceRows", Assert.Throws<ArgumentOutOfRangeException>(() => Small.Standardised([4])).ParamName);
        Assert.Equal("rows", Assert.Throws<ArgumentOutOfRangeException>(() => Small.FeatureSubmatrix([-1], [0])).ParamName);
        Assert.Equal("columns", Assert.Throws<ArgumentOutOfRangeException>(() => Small.FeatureSubmatrix([0], [3])).ParamName);
    }
}
