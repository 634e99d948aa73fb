using System.Globalization;
using MathNet.Numerics.LinearAlgebra;

namespace WeakToStrong.IntrinsicDimension;

/// <summary>
/// Argument validation for this namespace: every failure names the parameter, the value received and the valid
/// range. Internal on purpose; it will be replaced by the core's Guard once that is merged.
/// </summary>
internal static class Require
{
    private static string Show(double value) => value.ToString("G17", CultureInfo.InvariantCulture);

    private static ArgumentOutOfRangeException OutOfRange(string name, object value, string shown, string range) =>
        new(name, value, $"{name} = {shown} is out of range; valid range: {range}.");

    public static int AtLeast(int value, int minimum, string name, string? why = null)
    {
        if (value < minimum)
        {
            throw OutOfRange(name, value, value.ToString(CultureInfo.InvariantCulture),
                $"{name} >= {minimum.ToString(CultureInfo.InvariantCulture)}{(why is null ? "" : " (" + why + ")")}");
        }

        return value;
    }

    public static int InRange(int value, int minimum, int maximum, string name, string? why = null)
    {
        if (value < minimum || value > maximum)
        {
            throw OutOfRange(name, value, value.ToString(CultureInfo.InvariantCulture),
                $"{minimum.ToString(CultureInfo.InvariantCulture)} <= {name} <= {maximum.ToString(CultureInfo.InvariantCulture)}{(why is null ? "" : " (" + why + ")")}");
        }

        return value;
    }

    public static double Finite(double value, string name)
    {
        if (!double.IsFinite(value))
        {
            throw OutOfRange(name, value, Show(value), "a finite number");
        }

        return value;
    }

    public static double NonNegative(double value, string name)
    {
        if (!double.IsFinite(value) || value < 0)
        {
            throw OutOfRange(name, value, Show(value), $"0 <= {name} < infinity");
        }

        return value;
    }

    public static double Positive(double value, string name)
    {
        if (!double.IsFinite(value) || value <= 0)
        {
            throw OutOfRange(name, value, Show(value), $"0 < {name} < infinity");
        }

        return value;
    }

    public static double InRange(double value, double minimum, double maximum, string name)
    {
        if (double.IsNaN(value) || value < minimum || value > maximum)
        {
            throw OutOfRange(name, value, Show(value), $"{Show(minimum)} <= {name} <= {Show(maximum)}");
        }

        return value;
    }

    public static double OpenUnitInterval(double value, string name)
    {
        if (double.IsNaN(value) || value <= 0 || value >= 1)
        {
            throw OutOfRange(name, value, Show(value), $"0 < {name} < 1");
        }

        return value;
    }

    public static T NotNull<T>(T? value, string name)
        where T : class =>
        value ?? throw new ArgumentNullException(name, $"{name} must not be null.");

    public static Vector<double> FiniteVector(Vector<double>? value, string name)
    {
        NotNull(value, name);
        for (var i = 0; i < value!.Count; i++)
        {
            if (!double.IsFinite(value[i]))
            {
                throw new ArgumentException(
                    $"{name}[{i}] = {Show(value[i])}; every entry of {name} must be a finite number.", name);
            }
        }

        return value;
    }

    public static Matrix<double> FiniteMatrix(Matrix<double>? value, string name)
    {
        NotNull(value, name);
        var storage = value!.AsColumnMajorArray();
        if (storage is not null && Array.TrueForAll(storage, double.IsFinite))
        {
            return value;
        }

        for (var j = 0; j < value.ColumnCount; j++)
        {
            for (var i = 0; i < value.RowCount; i++)
            {
                if (!double.IsFinite(value[i, j]))
                {
                    throw new ArgumentException(
                        $"{name}[{i}, {j}] = {Show(value[i, j])}; every entry of {name} must be a finite number.", name);
                }
            }
        }

        return value;
    }

    /// <summary>Requires orthonormal columns: max |UᵀU − I| ≤ 1e-9.</summary>
    public static Matrix<double> OrthonormalColumns(Matrix<double>? basis, string name)
    {
        FiniteMatrix(basis, name);
        if (basis!.ColumnCount == 0 || basis.ColumnCount > basis.RowCount)
        {
            throw new ArgumentException(
                $"{name} is {basis.RowCount}×{basis.ColumnCount}; an orthonormal basis needs 1 <= columns <= rows.", name);
        }

        var gram = basis.TransposeThisAndMultiply(basis);
        var worst = 0.0;
        for (var i = 0; i < gram.RowCount; i++)
        {
            for (var j = 0; j < gram.ColumnCount; j++)
            {
                worst = Math.Max(worst, Math.Abs(gram[i, j] - (i == j ? 1.0 : 0.0)));
            }
        }

        if (worst > 1e-9)
        {
            throw new ArgumentException(
                $"{name} must have orthonormal columns: max |{name}ᵀ{name} − I| = {Show(worst)}; valid range: <= 1e-9.", name);
        }

        return basis;
    }
}
