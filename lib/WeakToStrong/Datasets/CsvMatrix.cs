using System.Globalization;
using System.IO.Compression;
using MathNet.Numerics.LinearAlgebra;
using Microsoft.Data.Analysis;
using WeakToStrong.Validation;

namespace WeakToStrong.Datasets;

/// <summary>
/// A numeric table from a CSV file (plain, or gzip when the name ends in .gz) as a dense matrix: one row per line, one
/// column per field, parsed culture-invariantly by Microsoft.Data.Analysis's <see cref="DataFrame.LoadCsv(Stream, char, bool, string[], Type[], long, int, bool, System.Text.Encoding, bool, CultureInfo, Func{IEnumerable{string}, Type})"/>
/// with every column read as a double. For a reader's own features or a saved design matrix; the suite's two data sets
/// have their own loader, <see cref="UciDatasets"/>.
/// </summary>
public static class CsvMatrix
{
    /// <summary>Loads the matrix and, when the file has one, its header.</summary>
    /// <param name="path">A .csv or .csv.gz file.</param>
    /// <param name="hasHeader">Whether the first line names the columns.</param>
    /// <param name="separator">The field separator.</param>
    /// <returns>The matrix (rows × columns) and the column names (the header's, or "Column0", "Column1", … without one).</returns>
    /// <exception cref="FileNotFoundException">No file at <paramref name="path"/>.</exception>
    /// <exception cref="FormatException">A field is empty or not a finite number (the message names its line and column), or the file has no data row.</exception>
    public static (Matrix<double> Values, IReadOnlyList<string> ColumnNames) Load(string path, bool hasHeader = true, char separator = ',')
    {
        Guard.NotEmpty(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"path = \"{path}\": no such file (relative paths are resolved from {Directory.GetCurrentDirectory()}).", path);
        }

        var columnCount = ColumnCount(path, separator);
        using var stream = Open(path);
        var frame = DataFrame.LoadCsv(stream, separator, hasHeader, dataTypes: Enumerable.Repeat(typeof(double), columnCount).ToArray(), cultureInfo: CultureInfo.InvariantCulture);
        if (frame.Rows.Count == 0)
        {
            throw new FormatException($"{path} has no data row.");
        }

        var rows = checked((int)frame.Rows.Count);
        var values = Matrix<double>.Build.Dense(rows, frame.Columns.Count);
        for (var j = 0; j < frame.Columns.Count; j++)
        {
            var column = frame.Columns[j];
            for (var i = 0; i < rows; i++)
            {
                if (column[i] is not double value || !double.IsFinite(value))
                {
                    throw new FormatException($"{path}, line {i + 1 + (hasHeader ? 1 : 0)}, column {j + 1} (\"{column.Name}\"): \"{column[i]}\" is not a finite number.");
                }

                values[i, j] = value;
            }
        }

        return (values, frame.Columns.Select(c => c.Name).ToList());
    }

    /// <summary>The file's bytes as a seekable stream (the CSV reader needs one): the file itself, or a gzip file decompressed into memory.</summary>
    private static Stream Open(string path)
    {
        var file = File.OpenRead(path);
        if (!path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            return file;
        }

        using (file)
        using (var gzip = new GZipStream(file, CompressionMode.Decompress))
        {
            var memory = new MemoryStream();
            gzip.CopyTo(memory);
            memory.Position = 0;
            return memory;
        }
    }

    private static int ColumnCount(string path, char separator)
    {
        using var reader = new StreamReader(Open(path));
        var first = reader.ReadLine() ?? throw new FormatException($"{path} is empty.");
        return first.Split(separator).Length;
    }
}
