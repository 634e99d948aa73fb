using System.Globalization;
using System.IO.Compression;
using MathNet.Numerics.LinearAlgebra;
using WeakToStrong.Validation;

namespace WeakToStrong.Datasets;

/// <summary>
/// Loaders for the two small UCI data sets shipped in the repository's data/uci folder (the copies scikit-learn
/// ships, with their descriptions next to them; paper 02 §3.5 real-data substitute). Nothing is downloaded.
/// </summary>
public static class UciDatasets
{
    /// <summary>Pixels per digit image (8×8).</summary>
    public const int DigitPixels = 64;

    /// <summary>Features of the breast-cancer data set.</summary>
    public const int BreastCancerFeatures = 30;

    /// <summary>
    /// UCI optical recognition of handwritten digits (data/uci/digits.csv.gz): 1797 images of 8×8 pixel counts in
    /// [0, 16] (row-major, pixel (r, c) in column 8r + c), gzip-compressed CSV without a header, the last column the
    /// digit 0–9. Features are the raw counts.
    /// </summary>
    /// <param name="path">Path of digits.csv.gz.</param>
    /// <returns>1797 examples × 64 features, labels 0–9, class names "0"…"9".</returns>
    /// <exception cref="ArgumentException">The path is empty.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">A line does not have 65 numeric fields, or a value is out of range.</exception>
    public static ClassificationDataset Digits(string path)
    {
        Guard.NotEmpty(path);
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var (rows, labels) = ReadRows(reader, path, DigitPixels, 0, 9);
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Any(v => v < 0 || v > 16))
            {
                throw new InvalidDataException($"{path}: data line {i + 1} has a pixel count outside [0, 16].");
            }
        }

        return new ClassificationDataset(ToMatrix(rows), labels, Enumerable.Range(0, 10).Select(d => d.ToString(CultureInfo.InvariantCulture)).ToArray());
    }

    /// <summary>
    /// Breast Cancer Wisconsin (diagnostic) (data/uci/breast_cancer.csv): a first line
    /// <c>569,30,malignant,benign</c> (count, features, class names), then 569 lines of 30 real features and the class
    /// (0 = malignant, 1 = benign).
    /// </summary>
    /// <param name="path">Path of breast_cancer.csv.</param>
    /// <returns>569 examples × 30 features, labels 0/1, class names from the header.</returns>
    /// <exception cref="ArgumentException">The path is empty.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The header or a line is malformed, or the count disagrees with the header.</exception>
    public static ClassificationDataset BreastCancer(string path)
    {
        Guard.NotEmpty(path);
        using var reader = new StreamReader(File.OpenRead(path));
        var header = reader.ReadLine()?.Split(',');
        if (header is null || header.Length < 3
            || !int.TryParse(header[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var count)
            || !int.TryParse(header[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var features)
            || features != BreastCancerFeatures)
        {
            throw new InvalidDataException($"{path}: the first line must be 'count,{BreastCancerFeatures},class names…'.");
        }

        var names = header.Skip(2).ToArray();
        var (rows, labels) = ReadRows(reader, path, features, 0, names.Length - 1);
        if (rows.Count != count)
        {
            throw new InvalidDataException($"{path}: the header announces {count} examples but the file has {rows.Count}.");
        }

        return new ClassificationDataset(ToMatrix(rows), labels, names);
    }

    private static (List<double[]> Rows, List<int> Labels) ReadRows(TextReader reader, string path, int features, int lowestLabel, int highestLabel)
    {
        var rows = new List<double[]>();
        var labels = new List<int>();
        string? line;
        var number = 0;
        while ((line = reader.ReadLine()) is not null)
        {
            number++;
            if (line.Length == 0)
            {
                continue;
            }

            var fields = line.Split(',');
            if (fields.Length != features + 1)
            {
                throw new InvalidDataException($"{path}: data line {number} has {fields.Length} fields; expected {features} features and a label.");
            }

            var values = new double[features];
            for (var j = 0; j < features; j++)
            {
                if (!double.TryParse(fields[j], NumberStyles.Float, CultureInfo.InvariantCulture, out values[j]) || !double.IsFinite(values[j]))
                {
                    throw new InvalidDataException($"{path}: data line {number}, field {j + 1} = '{fields[j]}' is not a finite number.");
                }
            }

            if (!int.TryParse(fields[features], NumberStyles.Integer, CultureInfo.InvariantCulture, out var label) || label < lowestLabel || label > highestLabel)
            {
                throw new InvalidDataException($"{path}: data line {number} has the label '{fields[features]}'; expected an integer in [{lowestLabel}, {highestLabel}].");
            }

            rows.Add(values);
            labels.Add(label);
        }

        return (rows, labels);
    }

    private static Matrix<double> ToMatrix(List<double[]> rows) =>
        rows.Count == 0 ? Matrix<double>.Build.Dense(0, 0) : Matrix<double>.Build.DenseOfRowArrays(rows);
}
