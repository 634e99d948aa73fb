using System.IO.Compression;
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
        Assert.Equal(64, digits.Features.ColumnCount);
        Assert.Equal(Enumerable.Range(0, 10), digits.Labels.Distinct().Order());
        Assert.All(digits.Features.Enumerate(), v => Assert.InRange(v, 0.0, 16.0));
        Assert.Equal(10, digits.ClassNames.Count);
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
        Assert.Equal(30, cancer.Features.ColumnCount);
        Assert.Equal(["malignant", "benign"], cancer.ClassNames);
        Assert.Equal(212, cancer.Labels.Count(l => l == 0)); // 212 malignant, 357 benign (UCI description, breast_cancer.rst)
        Assert.Equal(357, cancer.Labels.Count(l => l == 1));
        Assert.Equal(17.99, cancer.Features[0, 0]);
    }

    [Fact]
    public void LoaderReadsTheScikitFormatAndGzip()
    {
        var directory = Directory.CreateTempSubdirectory("w2s-loader-");
        try
        {
            var plain = Path.Combine(directory.FullName, "tiny.csv");
            File.WriteAllText(plain, "3,2,no,yes\n1.5,2,0\n-1,0.25,1\n3,4,1\n");
            var data = UciDatasets.Load(plain, scikitHeader: true);
            Assert.Equal(3, data.Count);
            Assert.Equal(2, data.Features.ColumnCount);
            Assert.Equal(new[] { 0, 1, 1 }, data.Labels);
            Assert.Equal(0.25, data.Features[1, 1]);
            Assert.Equal(["no", "yes"], data.ClassNames);

            var zipped = Path.Combine(directory.FullName, "tiny.csv.gz");
            using (var file = File.Create(zipped))
            using (var gzip = new GZipStream(file, CompressionLevel.Optimal))
            using (var writer = new StreamWriter(gzip))
            {
                writer.Write("1,2,3,0\n4,5,6,2\n");
            }

            var digits = UciDatasets.Load(zipped, scikitHeader: false);
            Assert.Equal(2, digits.Count);
            Assert.Equal(6, digits.Features[1, 2]);
            Assert.Equal(["0", "1", "2"], digits.ClassNames);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void BadPathsAndFilesThatAreNotDigitsOrBreastCancerGiveClearErrors()
    {
        Assert.Equal("path", Assert.Throws<ArgumentException>(() => UciDatasets.Digits(" ")).ParamName);
        var directory = Directory.CreateTempSubdirectory("w2s-loader-");
        try
        {
            var missing = Path.Combine(directory.FullName, "missing.csv");
            var error = Assert.Throws<ArgumentException>(() => UciDatasets.BreastCancer(missing));
            Assert.Equal("path", error.ParamName);
            Assert.Contains("does not exist", error.Message);

            var plain = Path.Combine(directory.FullName, "tiny.csv");
            File.WriteAllText(plain, "1,2,3,0\n");
            Assert.Contains("3 features per row; expected 64", Assert.Throws<ArgumentException>(() => UciDatasets.Digits(plain)).Message);
            File.WriteAllText(plain, string.Join(",", Enumerable.Repeat("17", 64)) + ",3\n");
            Assert.Contains("column 1: pixel count 17 is outside [0, 16]", Assert.Throws<ArgumentException>(() => UciDatasets.Digits(plain)).Message);
            File.WriteAllText(plain, string.Join(",", Enumerable.Repeat("1", 64)) + ",10\n");
            Assert.Contains("digit 10", Assert.Throws<ArgumentException>(() => UciDatasets.Digits(plain)).Message);
            File.WriteAllText(plain, "1,2,malignant,benign\n1,2,0\n");
            Assert.Contains("2 features per row; expected 30", Assert.Throws<ArgumentException>(() => UciDatasets.BreastCancer(plain)).Message);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("2,30,a,b\n1,2,3\n", true, "line 2: 3 fields; expected 31")]
    [InlineData("4,2,no,yes\n1.5,2,0\n", true, "announces 4")]
    [InlineData("", true, "is empty")]
    [InlineData("", false, "has no data lines")]
    [InlineData("0,2,no,yes\n", true, "has no data lines")]
    [InlineData("2,x,no\n", true, "line 1: \"2,x,no\" is not a scikit-learn header")]
    [InlineData("1.5,abc,0\n", false, "line 1, column 2: \"abc\" is not a finite number")]
    [InlineData("1,2,0\n\nNaN,2,1\n", false, "line 3, column 1: \"NaN\" is not a finite number")]
    [InlineData("1,2,0\n1,2,3,0\n", false, "line 2: 4 fields; expected 3")]
    [InlineData("1.5,2,0.5\n", false, "line 1, column 3: class \"0.5\" is not a class index")]
    [InlineData("1.5,2,-1\n", false, "line 1, column 3: class \"-1\" is not a class index")]
    [InlineData("1,2,no,yes\n1.5,2,2\n", true, "line 2, column 3: class \"2\" is not a class index; expected an integer in [0, 1]")]
    public void MalformedFilesGiveErrorsNamingFileLineAndColumn(string contents, bool scikitHeader, string expected)
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, contents);
            var error = Assert.Throws<ArgumentException>(() => UciDatasets.Load(file, scikitHeader));
            Assert.Equal("path", error.ParamName);
            Assert.Contains(file, error.Message);
            Assert.Contains(expected, error.Message);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
