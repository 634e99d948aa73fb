using MathNet.Numerics.LinearAlgebra;
using WeakToStrong.Validation;

namespace WeakToStrong.Datasets;

/// <summary>
/// A labelled data set: one row of features per example and an integer class label per example (read by
/// <see cref="UciDatasets"/>; used by the real-data sections of notebooks 02 and 03).
/// </summary>
/// <param name="Features">The m×p feature matrix (rows are examples).</param>
/// <param name="Labels">The m class labels, each in [0, ClassNames.Count).</param>
/// <param name="ClassNames">The name of each class, indexed by label.</param>
public sealed record ClassificationDataset(Matrix<double> Features, IReadOnlyList<int> Labels, IReadOnlyList<string> ClassNames)
{
    /// <summary>m, the number of examples.</summary>
    public int Count => Features.RowCount;

    /// <summary>p, the number of features per example.</summary>
    public int FeatureCount => Features.ColumnCount;

    /// <summary>
    /// The labels one-hot encoded as regression targets (classification as regression): row i has
    /// 1 in column Labels[i] and 0 elsewhere (m×K, K the number of classes).
    /// </summary>
    /// <returns>The m×K target matrix.</returns>
    public Matrix<double> OneHotTargets()
    {
        var targets = Matrix<double>.Build.Dense(Count, ClassNames.Count);
        for (var i = 0; i < Count; i++)
        {
            targets[i, Labels[i]] = 1.0;
        }

        return targets;
    }

    /// <summary>
    /// The same examples with every feature column standardised by statistics of the reference rows only:
    /// x'ᵢⱼ = (xᵢⱼ − μⱼ)/sⱼ with μⱼ the mean and sⱼ the sample standard deviation (divisor r − 1, r the number of
    /// reference rows; divisor 1 when r = 1) of column j over the reference rows; a column with sⱼ = 0 is only
    /// centred. All m rows are transformed, so held-out rows get the reference rows' scaling (no test leakage).
    /// </summary>
    /// <param name="referenceRows">Row indices whose statistics define the scaling, at least one, each in [0, m).</param>
    /// <returns>The standardised data set (labels and class names shared with this one).</returns>
    /// <exception cref="ArgumentException">No reference rows.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A row index is outside [0, m).</exception>
    public ClassificationDataset Standardised(IReadOnlyList<int> referenceRows)
    {
        CheckRows(referenceRows, nameof(referenceRows));
        Guard.NotEmpty(referenceRows.Count, nameof(referenceRows));
        var result = Features.Clone();
        for (var j = 0; j < FeatureCount; j++)
        {
            var values = referenceRows.Select(i => Features[i, j]).ToArray();
            var mean = values.Average();
            var sd = Math.Sqrt(values.Select(v => (v - mean) * (v - mean)).Sum() / Math.Max(values.Length - 1, 1));
            var scale = sd > 0 ? 1 / sd : 1;
            for (var i = 0; i < Count; i++)
            {
                result[i, j] = (Features[i, j] - mean) * scale;
            }
        }

        return this with { Features = result };
    }

    /// <summary>The submatrix of features: entry (a, b) is Features[rows[a], columns[b]].</summary>
    /// <param name="rows">Row (example) indices, each in [0, m); repeats allowed.</param>
    /// <param name="columns">Column (feature) indices, each in [0, p); repeats allowed.</param>
    /// <returns>The |rows|×|columns| matrix.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An index is out of range.</exception>
    public Matrix<double> FeatureSubmatrix(IReadOnlyList<int> rows, IReadOnlyList<int> columns)
    {
        CheckRows(rows, nameof(rows));
        Guard.NotNull(columns);
        foreach (var j in columns)
        {
            Guard.InRange(j, 0, FeatureCount - 1, nameof(columns));
        }

        return Matrix<double>.Build.Dense(rows.Count, columns.Count, (a, b) => Features[rows[a], columns[b]]);
    }

    private void CheckRows(IReadOnlyList<int> rows, string name)
    {
        Guard.NotNull(rows, name);
        foreach (var i in rows)
        {
            Guard.InRange(i, 0, Count - 1, name);
        }
    }
}
