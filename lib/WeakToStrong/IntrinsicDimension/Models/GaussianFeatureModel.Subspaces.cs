using MathNet.Numerics.LinearAlgebra;

namespace WeakToStrong.IntrinsicDimension;

/// <content>The strong and weak feature subspaces: compressing, projecting onto and lifting from them, whether they are coordinate subspaces or general bases.</content>
public sealed partial class GaussianFeatureModel
{
    /// <summary>
    /// The leading coordinate counts (L_n, L_N) the sufficient-statistics trial must draw: every coordinate the
    /// n-sample fits read (S ∪ W) lies in [0, L_n) and every coordinate the N-sample fits read (S) in [0, L_N).
    /// R for general bases.
    /// </summary>
    internal (int Labelled, int Unlabelled) LeadingCoordinates =>
        _strongCoordinates is null || _weakCoordinates is null
            ? (RelevantRank, RelevantRank)
            : (Math.Max(_strongCoordinates.Max(), _weakCoordinates.Max()) + 1, _strongCoordinates.Max() + 1);

    /// <summary>c without a copy, for the closed-form trial.</summary>
    internal Vector<double> GroundTruthView => _groundTruth;

    /// <summary>U_wᵀ M U_w.</summary>
    internal Matrix<double> CompressWeak(Matrix<double> symmetric) => Compress(symmetric, _weakBasis, _weakCoordinates);

    /// <summary>U_sᵀ M U_s.</summary>
    internal Matrix<double> CompressStrong(Matrix<double> symmetric) => Compress(symmetric, _strongBasis, _strongCoordinates);

    /// <summary>U_wᵀ M.</summary>
    internal Matrix<double> ProjectWeak(Matrix<double> columns) => Project(columns, _weakBasis, _weakCoordinates);

    /// <summary>U_sᵀ M.</summary>
    internal Matrix<double> ProjectStrong(Matrix<double> columns) => Project(columns, _strongBasis, _strongCoordinates);

    /// <summary>U_w b, in R coordinates.</summary>
    internal Matrix<double> LiftWeak(Matrix<double> coefficients) => Lift(coefficients, _weakBasis, _weakCoordinates);

    /// <summary>U_s b, in R coordinates.</summary>
    internal Matrix<double> LiftStrong(Matrix<double> coefficients) => Lift(coefficients, _strongBasis, _strongCoordinates);

    private static Matrix<double> Compress(Matrix<double> symmetric, Matrix<double> basis, int[]? coordinates)
    {
        if (coordinates is null)
        {
            return basis.TransposeThisAndMultiply(symmetric * basis);
        }

        var k = coordinates.Length;
        var result = Matrix<double>.Build.Dense(k, k);
        for (var j = 0; j < k; j++)
        {
            for (var i = 0; i < k; i++)
            {
                result[i, j] = symmetric[coordinates[i], coordinates[j]];
            }
        }

        return result;
    }

    private static Matrix<double> Project(Matrix<double> columns, Matrix<double> basis, int[]? coordinates)
    {
        if (coordinates is null)
        {
            return basis.TransposeThisAndMultiply(columns);
        }

        var result = Matrix<double>.Build.Dense(coordinates.Length, columns.ColumnCount);
        for (var j = 0; j < columns.ColumnCount; j++)
        {
            for (var i = 0; i < coordinates.Length; i++)
            {
                result[i, j] = columns[coordinates[i], j];
            }
        }

        return result;
    }


    private static Matrix<double> Features(Matrix<double> inputs, Matrix<double> basis, int[]? coordinates)
    {
        if (coordinates is null)
        {
            return inputs * basis;
        }

        var rows = inputs.RowCount;
        var source = inputs.AsColumnMajorArray() ?? inputs.ToColumnMajorArray();
        var target = new double[rows * coordinates.Length];
        for (var j = 0; j < coordinates.Length; j++)
        {
            Array.Copy(source, (long)coordinates[j] * rows, target, (long)j * rows, rows);
        }

        return Matrix<double>.Build.Dense(rows, coordinates.Length, target);
    }

    private Matrix<double> Lift(Matrix<double> coefficients, Matrix<double> basis, int[]? coordinates)
    {
        if (coordinates is null)
        {
            return basis * coefficients;
        }

        var lifted = Matrix<double>.Build.Dense(RelevantRank, coefficients.ColumnCount);
        for (var j = 0; j < coordinates.Length; j++)
        {
            for (var col = 0; col < coefficients.ColumnCount; col++)
            {
                lifted[coordinates[j], col] = coefficients[j, col];
            }
        }

        return lifted;
    }
}
