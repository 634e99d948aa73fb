using MathNet.Numerics.LinearAlgebra;

namespace WeakToStrong.Datasets;

/// <summary>
/// A labelled data set: one row of features per example and an integer class label per example.
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
    /// The labels one-hot encoded as regression targets (classification as regression, paper 02 §3.4): row i has
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
}
