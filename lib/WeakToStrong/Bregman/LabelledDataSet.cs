using System.Globalization;
using System.IO.Compression;
using MathNet.Numerics.LinearAlgebra;
using WeakToStrong.Validation;

namespace WeakToStrong.Bregman;

/// <summary>
/// A small real data set: an n×d feature matrix and integer class labels, read from the scikit-learn copies of
/// the UCI files in data/uci (breast_cancer.csv: first line "n,d,class names…"; digits.csv.gz: gzip, no header).
/// The last column of every row is the class.
/// </summary>
/// <param name="Features">n×d features.</param>
/// <param name="Labels">Class labels 0..K−1, length n.</param>
/// <param name="ClassNames">Names of the K classes.</param>
public sealed record LabelledDataSet(Matrix<double> Features, int[] Labels, IReadOnlyList<string> ClassNames)
{
    /// <summary>Number of samples n.</summary>
    public int Count => Labels.Length;

    /// <summary>
    /// Reads a CSV whose rows are d features followed by the class. With <paramref name="scikitHeader"/>, the first
    /// line is "n,d,name₀,name₁,…" (scikit-learn's format) and n, d are checked; a path ending in .gz is
    /// decompressed with <see cref="GZipStream"/>.
    /// </summary>
    /// <param name="path">The file (relative paths are resolved against the working directory).</param>
    /// <param name="scikitHeader">Whether the first line is the scikit-learn header.</param>
    public static LabelledDataSet Load(string path, bool scikitHeader)
    {
        Guard.NotEmpty(path);
        if (!File.Exists(path))
        {
            throw new ArgumentException($"path = \"{path}\" does not exist (working directory: {Directory.GetCurrentDirectory()}); expected a CSV file such as data/uci/breast_cancer.csv.", nameof(path));
        }

        using var file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(stream);
        int? expectedRows = null, expectedColumns = null;
        IReadOnlyList<string>? names = null;
        if (scikitHeader)
        {
            var header = (reader.ReadLine() ?? string.Empty).Split(',');
            if (header.Length < 2 || !int.TryParse(header[0], CultureInfo.InvariantCulture, out var rows) || !int.TryParse(header[1], CultureInfo.InvariantCulture, out var columns))
            {
                throw new ArgumentException($"path = \"{path}\": the first line is not a scikit-learn header \"n,d,class names…\".", nameof(path));
            }

            (expectedRows, expectedColumns, names) = (rows, columns, header[2..]);
        }

        var features = new List<double[]>();
        var labels = new List<int>();
        string? line;
        var lineNumber = scikitHeader ? 1 : 0;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            var fields = line.Split(',');
            if (expectedColumns is int d && fields.Length != d + 1)
            {
                throw new ArgumentException($"path = \"{path}\", line {lineNumber}: {fields.Length} fields; expected {d + 1} (d features and the class).", nameof(path));
            }

            var row = new double[fields.Length - 1];
            for (var j = 0; j < row.Length; j++)
            {
                row[j] = ParseField(fields[j], path, lineNumber, j);
            }

            if (features.Count > 0 && row.Length != features[0].Length)
            {
                throw new ArgumentException($"path = \"{path}\", line {lineNumber}: {row.Length} features; expected {features[0].Length} as on the first data line.", nameof(path));
            }

            features.Add(row);
            var label = ParseField(fields[^1], path, lineNumber, fields.Length - 1);
            if (label < 0 || label != Math.Floor(label) || label > int.MaxValue)
            {
                throw new ArgumentException($"path = \"{path}\", line {lineNumber}: class {fields[^1]} is not a class index; expected an integer >= 0 in the last column.", nameof(path));
            }

            labels.Add((int)label);
        }

        if (expectedRows is int n && features.Count != n)
        {
            throw new ArgumentException($"path = \"{path}\": {features.Count} data lines; the header announces {n}.", nameof(path));
        }

        if (features.Count == 0)
        {
            throw new ArgumentException($"path = \"{path}\" has no data lines; expected at least one row of features and a class.", nameof(path));
        }

        var classes = labels.Max() + 1;
        names ??= Enumerable.Range(0, classes).Select(k => k.ToString(CultureInfo.InvariantCulture)).ToArray();
        return new LabelledDataSet(Matrix<double>.Build.DenseOfRowArrays(features), labels.ToArray(), names);
    }

    private static double ParseField(string field, string path, int lineNumber, int column)
    {
        if (!double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            throw new ArgumentException($"path = \"{path}\", line {lineNumber}, column {column}: \"{field}\" is not a finite number.", nameof(path));
        }

        return value;
    }

    /// <summary>Breast Cancer Wisconsin (diagnostic): 569 × 30, class 0 = malignant, 1 = benign.</summary>
    /// <param name="path">Path of breast_cancer.csv.</param>
    public static LabelledDataSet BreastCancer(string path = "../data/uci/breast_cancer.csv") => Load(path, scikitHeader: true);

    /// <summary>UCI optical digits: 1797 × 64 pixel counts, classes 0–9.</summary>
    /// <param name="path">Path of digits.csv.gz.</param>
    public static LabelledDataSet Digits(string path = "../data/uci/digits.csv.gz") => Load(path, scikitHeader: false);
}
