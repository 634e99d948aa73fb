using WeakToStrong.Datasets;

namespace WeakToStrong.Tests.Datasets;

public sealed class UciDatasetsTests
{
    internal static string DataFile(string name)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "data", "uci", name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"data/uci/{name} was not found above {AppContext.BaseDirectory}.");
    }

    [Fact]
    public void DigitsHaveTheUciShapeLabelsAndPixelRange()
    {
        var digits = UciDatasets.Digits(DataFile("digits.csv.gz"));
        Assert.Equal(1797, digits.Count);
        Assert.Equal(64, digits.FeatureCount);
        Assert.Equal(Enumerable.Range(0, 10), digits.Labels.Distinct().Order());
        Assert.All(digits.Features.Enumerate(), v => Assert.InRange(v, 0.0, 16.0));
        Assert.Equal(Enumerable.Range(0, 10).Select(d => d.ToString()), digits.ClassNames);
        // The UCI file has 178–183 images per digit (sklearn's description).
        Assert.All(Enumerable.Range(0, 10), d => Assert.InRange(digits.Labels.Count(l => l == d), 174, 183));
        // First image of the file (a zero), first row: 0,0,5,13,9,1,0,0.
        Assert.Equal([0.0, 0, 5, 13, 9, 1, 0, 0], digits.Features.Row(0).SubVector(0, 8).ToArray());
        Assert.Equal(0, digits.Labels[0]);
    }

    [Fact]
    public void BreastCancerHasTheHeaderCountsAndBinaryLabels()
    {
        var cancer = UciDatasets.BreastCancer(DataFile("breast_cancer.csv"));
        Assert.Equal(569, cancer.Count);
        Assert.Equal(30, cancer.FeatureCount);
        Assert.Equal(["malignant", "benign"], cancer.ClassNames);
        Assert.Equal(212, cancer.Labels.Count(l => l == 0)); // 212 malignant, 357 benign (UCI description)
        Assert.Equal(357, cancer.Labels.Count(l => l == 1));
        Assert.Equal(17.99, cancer.Features[0, 0]);
    }

    [Fact]
    public void OneHotTargetsHaveOneUnitEntryPerRowAtTheLabel()
    {
        var cancer = UciDatasets.BreastCancer(DataFile("breast_cancer.csv"));
        var targets = cancer.OneHotTargets();
        Assert.Equal((569, 2), (targets.RowCount, targets.ColumnCount));
        for (var i = 0; i < cancer.Count; i++)
        {
            Assert.Equal(1.0, targets.Row(i).Sum());
            Assert.Equal(1.0, targets[i, cancer.Labels[i]]);
        }
    }

    [Fact]
    public void BadPathsAndMalformedFilesGiveClearErrors()
    {
        Assert.Equal("path", Assert.Throws<ArgumentException>(() => UciDatasets.Digits(" ")).ParamName);
        Assert.Throws<FileNotFoundException>(() => UciDatasets.BreastCancer(Path.Combine(Path.GetTempPath(), "no-such-file-w2s.csv")));
        var malformed = Path.GetTempFileName();
        try
        {
            File.WriteAllText(malformed, "2,30,a,b\n1,2,3\n");
            var error = Assert.Throws<InvalidDataException>(() => UciDatasets.BreastCancer(malformed));
            Assert.Contains("data line 1 has 3 fields", error.Message);
        }
        finally
        {
            File.Delete(malformed);
        }
    }
}
