using System.Globalization;
using MathNet.Numerics.LinearAlgebra;

namespace WeakToStrong.RandomFeatures;

/// <summary>
/// Argument validation for the random-feature closed forms. Every failure names the parameter, the value received
/// and the valid range. Internal on purpose: it is to be replaced by the core's Guard validation once that exists.
/// </summary>
internal static class ParameterCheck
{
    /// <summary>A double in round-trip form, culture-invariant, for error messages.</summary>
    public static string Show(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static void Dimension(int dimension, string name)
    {
        if (dimension < 2)
        {
            throw new ArgumentOutOfRangeException(name, dimension,
                $"{name} = {dimension}: the input dimension d must be an integer >= 2 (the sphere S^(d-1) needs d >= 2).");
        }
    }

    public static void AtLeast(int value, int minimum, string name, string meaning)
    {
        if (value < minimum)
        {
            throw new ArgumentOutOfRangeException(name, value,
                $"{name} = {value}: {meaning} must be an integer >= {minimum}.");
        }
    }

    public static void AtLeast(long value, long minimum, string name, string meaning)
    {
        if (value < minimum)
        {
            throw new ArgumentOutOfRangeException(name, value,
                $"{name} = {value}: {meaning} must be an integer >= {minimum}.");
        }
    }

    public static void Finite(double value, string name, string meaning)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value,
                $"{name} = {Show(value)}: {meaning} must be a finite number (not NaN or infinite).");
        }
    }

    public static void Positive(double value, string name, string meaning)
    {
        if (!double.IsFinite(value) || value <= 0)
        {
            throw new ArgumentOutOfRangeException(name, value,
                $"{name} = {Show(value)}: {meaning} must be finite and > 0.");
        }
    }

    public static void NonNegative(double value, string name, string meaning)
    {
        if (!double.IsFinite(value) || value < 0)
        {
            throw new ArgumentOutOfRangeException(name, value,
                $"{name} = {Show(value)}: {meaning} must be finite and >= 0.");
        }
    }

    /// <summary>A time: NaN and negative values are rejected, +infinity (the converged limit) is allowed.</summary>
    public static void Time(double value, string name)
    {
        if (double.IsNaN(value) || value < 0)
        {
            throw new ArgumentOutOfRangeException(name, value,
                $"{name} = {Show(value)}: a gradient-flow time must be >= 0 (use +infinity for the converged limit).");
        }
    }

    public static void InClosedInterval(double value, double lower, double upper, string name, string meaning)
    {
        if (double.IsNaN(value) || value < lower || value > upper)
        {
            throw new ArgumentOutOfRangeException(name, value,
                $"{name} = {Show(value)}: {meaning} must lie in [{Show(lower)}, {Show(upper)}].");
        }
    }

    public static void NotNull(object? value, string name)
    {
        if (value is null)
        {
            throw new ArgumentNullException(name, $"{name} must not be null.");
        }
    }

    public static void Entries(IReadOnlyList<double> values, string name, string meaning, bool allowZero, bool allowNegative)
    {
        NotNull(values, name);
        for (var i = 0; i < values.Count; i++)
        {
            var v = values[i];
            var bad = !double.IsFinite(v) || (!allowNegative && v < 0) || (!allowZero && v == 0);
            if (bad)
            {
                var range = allowNegative ? "finite" : allowZero ? "finite and >= 0" : "finite and > 0";
                throw new ArgumentOutOfRangeException(name, v,
                    $"{name}[{i}] = {Show(v)}: every {meaning} must be {range}.");
            }
        }
    }

    /// <summary>Tolerance on |‖w‖² − 1| for a weight row to count as a point of the unit sphere.</summary>
    public const double UnitNormTolerance = 1e-10;

    public static void UnitRows(Matrix<double> weights, string name)
    {
        NotNull(weights, name);
        for (var i = 0; i < weights.RowCount; i++)
        {
            var squaredNorm = 0.0;
            for (var j = 0; j < weights.ColumnCount; j++)
            {
                var w = weights[i, j];
                if (!double.IsFinite(w))
                {
                    throw new ArgumentOutOfRangeException(name, w,
                        $"{name}[{i}, {j}] = {Show(w)}: weight entries must be finite.");
                }

                squaredNorm += w * w;
            }

            if (Math.Abs(squaredNorm - 1) > UnitNormTolerance)
            {
                throw new ArgumentOutOfRangeException(name, squaredNorm,
                    $"{name} row {i} has squared norm {Show(squaredNorm)}: every weight row must lie on the unit sphere " +
                    $"(|‖w‖² − 1| <= {Show(UnitNormTolerance)}). Normalise the rows first.");
            }
        }
    }

    public static void FiniteEntries(Matrix<double> matrix, string name)
    {
        NotNull(matrix, name);
        for (var i = 0; i < matrix.RowCount; i++)
        {
            for (var j = 0; j < matrix.ColumnCount; j++)
            {
                var v = matrix[i, j];
                if (!double.IsFinite(v))
                {
                    throw new ArgumentOutOfRangeException(name, v,
                        $"{name}[{i}, {j}] = {Show(v)}: entries must be finite.");
                }
            }
        }
    }
}
