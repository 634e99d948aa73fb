using System.IO.Compression;
using WeakToStrong.Datasets;

namespace WeakToStrong.Tests.Datasets;

/// <summary>A reader's numeric CSV file as a matrix.</summary>
public sealed class CsvMatrixTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("w2s-csv-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void ANumericTableLoadsRowByRowWithItsHeader()
    {
        var path = Path.Combine(_folder.FullName, "x.csv");
        File.WriteAllText(path, "a,b,c\n1,2.5,-3e-4\n4,5,6\n");

        var (values, names) = CsvMatrix.Load(path);

        Assert.Equal(["a", "b", "c"], names);
        Assert.Equal(new double[,] { { 1, 2.5, -3e-4 }, { 4, 5, 6 } }, values.ToArray());
    }

    [Fact]
    public void AGzipFileWithoutHeaderLoadsTheSame()
    {
        var path = Path.Combine(_folder.FullName, "x.csv.gz");
        using (var gzip = new GZipStream(File.Create(path), CompressionLevel.Optimal))
        using (var writer = new StreamWriter(gzip))
        {
            writer.Write("1;2\n3;4\n");
        }

        var (values, names) = CsvMatrix.Load(path, hasHeader: false, separator: ';');

        Assert.Equal(new double[,] { { 1, 2 }, { 3, 4 } }, values.ToArray());
        Assert.Equal(2, names.Count);
    }

    [Fact]
    public void ANonNumericFieldIsReportedByLineAndColumn()
    {
        var path = Path.Combine(_folder.FullName, "bad.csv");
        File.WriteAllText(path, "a,b\n1,2\n3,\n");

        var error = Assert.ThrowsAny<Exception>(() => CsvMatrix.Load(path));

        Assert.True(error is FormatException, error.ToString());
        Assert.Contains("line 3, column 2", error.Message, StringComparison.Ordinal);
        Assert.Throws<FileNotFoundException>(() => CsvMatrix.Load(Path.Combine(_folder.FullName, "missing.csv")));
    }
}
