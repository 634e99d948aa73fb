using System.Globalization;
using System.IO.Compression;
using MathNet.Numerics.LinearAlgebra;
using WeakToStrong.Validation;

namespace WeakToStrong.Datasets;

/// <summary>
/// The reader of the small UCI data sets shipped in the repository's data/uci folder (the copies scikit-learn
/// ships, with their descriptions next to them; the real-data sections of notebooks 02 and 03, small stand-ins for the
/// pretrained-model experiments of Dong et al. 2025, arXiv:2502.05075, and Xu et al. 2025, arXiv:2505.24313). Nothing
/// is downloaded. Every row is comma-separated: the features, then the class index.
/// Every problem with a file is an <see cref="ArgumentException"/> on <c>path</c> whose message names the file,
/// the line (counting from 1, header included) and the column (counting from 1).
/// </summary>
public static class UciDatasets
{
    /// <summary>Pixels per digit image (8×8).</summary>
    public const int DigitPixels = 64;

    /// <summary>Features of the breast-cancer data set.</summary>
    public const int BreastCancerFeatures = 30;

    /// <summary>The digits file relative to the notebooks folder (the notebooks' working directory).</summary>
    public const string DefaultDigitsPath = "../data/uci/digits.csv.gz";

    /// <summary>The breast-cancer file relative to the notebooks folder (the notebooks' working directory).</summary>
    public const string DefaultBreastCancerPath = "../data/uci/breast_cancer.csv";

    /// <summary>
    /// Reads a CSV whose rows are d features followed by the class index (an integer ≥ 0). With
    /// <paramref name="scikitHeader"/>, the first line is <c>n,d,name₀,name₁,…</c> (scikit-learn's format): every row
    /// must then have d + 1 fields, there must be n rows and every class must be below the number of names.
    /// Without it, every row must have as many fields as the first, and the classes are named "0"…"K−1" with
    /// K = 1 + the largest class. A path ending in .gz is decompressed with <see cref="GZipStream"/>; empty lines are
    /// skipped.
    /// </summary>
    /// <param name="path">The file (relative paths are resolved against the working directory).</param>
    /// <param name="scikitHeader">Whether the first line is the scikit-learn header.</param>
    /// <returns>The n×d features, n labels and the class names.</returns>
    /// <exception cref="ArgumentException">The path is empty or does not exist; the file has no data lines, a
    /// malformed header, a row with the wrong number of fields, a field that is not a finite number, a class that is
    /// not a class index, or a number of rows that disagrees with the header.</exception>
    public static ClassificationDataset Load(string path, bool scikitHeader)
    {
        Guard.NotEmpty(path);
        if (!File.Exists(path))
        {
            throw new ArgumentException($"path = \"{path}\" does not exist (working directory: {Directory.GetCurrentDirectory()}); expected a CSV file such as {DefaultBreastCancerPath}.", nameof(path));
        }

        using var file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(stream);
        int? expectedRows = null, expectedFields = null;
        IReadOnlyList<string>? names = null;
        var lineNumber = 0;
        if (scikitHeader)
        {
            var header = reader.ReadLine();
            lineNumber = 1;
            if (header is null)
            {
                throw new ArgumentException($"path = \"{path}\" is empty; expected a scikit-learn header \"n,d,class names…\" and data lines.", nameof(path));
            }

            var fields = header.Split(',');
            if (fields.Length < 3 || !int.TryParse(fields[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var rows) || rows < 0
                || !int.TryParse(fields[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var columns) || columns < 1)
            {
                throw new ArgumentException($"path = \"{path}\", line 1: \"{header}\" is not a scikit-learn header \"n,d,class names…\" (n >= 0, d >= 1, at least one class name).", nameof(path));
            }

            (expectedRows, expectedFields, names) = (rows, columns + 1, fields[2..]);
        }

        var features = new List<double[]>();
        var labels = new List<int>();
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            var fields = line.Split(',');
            expectedFields ??= fields.Length;
            if (fields.Length != expectedFields || fields.Length < 2)
            {
                var origin = scikitHeader ? "the header's d features and the class" : "as on the first data line, at least one feature and the class";
                throw new ArgumentException($"path = \"{path}\", line {lineNumber}: {fields.Length} fields; expected {Math.Max(expectedFields.Value, 2)} ({origin}).", nameof(path));
            }

            var row = new double[fields.Length - 1];
            for (var j = 0; j < row.Length; j++)
            {
                if (!double.TryParse(fields[j], NumberStyles.Float, CultureInfo.InvariantCulture, out row[j]) || !double.IsFinite(row[j]))
                {
                    throw new ArgumentException($"path = \"{path}\", line {lineNumber}, column {j + 1}: \"{fields[j]}\" is not a finite number.", nameof(path));
                }
            }

            var highest = names is null ? int.MaxValue : names.Count - 1;
            if (!int.TryParse(fields[^1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var label) || label < 0 || label > highest)
            {
                throw new ArgumentException($"path = \"{path}\", line {lineNumber}, column {fields.Length}: class \"{fields[^1]}\" is not a class index; expected an integer in [0, {highest}] in the last column.", nameof(path));
            }

            features.Add(row);
            labels.Add(label);
        }

        if (expectedRows is int n && features.Count != n)
        {
            throw new ArgumentException($"path = \"{path}\": {features.Count} data lines; the header announces {n}.", nameof(path));
        }

        if (features.Count == 0)
        {
            throw new ArgumentException($"path = \"{path}\" has no data lines; expected at least one row of features and a class.", nameof(path));
        }

        names ??= ClassNumbers(labels.Max() + 1);
        return new ClassificationDataset(Matrix<double>.Build.DenseOfRowArrays(features), labels.ToArray(), names);
    }

    /// <summary>
    /// UCI optical recognition of handwritten digits (data/uci/digits.csv.gz): 1797 images of 8×8 pixel counts in
    /// [0, 16] (row-major, pixel (r, c) in column 8r + c), gzip-compressed CSV without a header, the last column the
    /// digit 0–9. Features are the raw counts.
    /// </summary>
    /// <param name="path">Path of digits.csv.gz (default: <see cref="DefaultDigitsPath"/>).</param>
    /// <returns>1797 examples × 64 features, labels 0–9, class names "0"…"9".</returns>
    /// <exception cref="ArgumentException">As <see cref="Load"/>; or a row does not have 64 pixels, a pixel count is
    /// outside [0, 16] or a digit is above 9.</exception>
    public static ClassificationDataset Digits(string path = DefaultDigitsPath)
    {
        var digits = Load(path, scikitHeader: false);
        if (digits.FeatureCount != DigitPixels)
        {
            throw new ArgumentException($"path = \"{path}\": {digits.FeatureCount} features per row; expected {DigitPixels} pixels and the digit.", nameof(path));
        }

        for (var i = 0; i < digits.Count; i++)
        {
            if (digits.Labels[i] > 9)
            {
                throw new ArgumentException($"path = \"{path}\", data line {i + 1}: digit {digits.Labels[i]}; expected an integer in [0, 9].", nameof(path));
            }

            for (var j = 0; j < DigitPixels; j++)
            {
                if (digits.Features[i, j] is < 0 or > 16)
                {
                    throw new ArgumentException($"path = \"{path}\", data line {i + 1}, column {j + 1}: pixel count {digits.Features[i, j]} is outside [0, 16].", nameof(path));
                }
            }
        }

        return digits with { ClassNames = ClassNumbers(10) };
    }

    /// <summary>
    /// Breast Cancer Wisconsin (diagnostic) (data/uci/breast_cancer.csv): a first line
    /// <c>569,30,malignant,benign</c> (count, features, class names), then 569 lines of 30 real features and the class
    /// (0 = malignant, 1 = benign).
    /// </summary>
    /// <param name="path">Path of breast_cancer.csv (default: <see cref="DefaultBreastCancerPath"/>).</param>
    /// <returns>569 examples × 30 features, labels 0/1, class names from the header.</returns>
    /// <exception cref="ArgumentException">As <see cref="Load"/>; or the header does not announce 30 features.</exception>
    public static ClassificationDataset BreastCancer(string path = DefaultBreastCancerPath)
    {
        var cancer = Load(path, scikitHeader: true);
        if (cancer.FeatureCount != BreastCancerFeatures)
        {
            throw new ArgumentException($"path = \"{path}\": {cancer.FeatureCount} features per row; expected {BreastCancerFeatures}.", nameof(path));
        }

        return cancer;
    }

    private static string[] ClassNumbers(int count) =>
        Enumerable.Range(0, count).Select(k => k.ToString(CultureInfo.InvariantCulture)).ToArray();
}
