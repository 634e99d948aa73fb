using System.Globalization;
using System.Runtime.CompilerServices;
using MathNet.Numerics.LinearAlgebra;

namespace WeakToStrong.Validation;

/// <summary>
/// Argument checks shared by every public entry point. Each failure throws an
/// <see cref="ArgumentException"/> or <see cref="ArgumentOutOfRangeException"/> whose message names the
/// parameter, the value received and the valid range, so a notebook user can act on it.
/// </summary>
internal static class Guard
{
    /// <summary>Absolute tolerance on "sums to one" for probability vectors and laws: |Σ − 1| ≤ 1e-9.</summary>
    public const double SumTolerance = 1e-9;

    /// <summary>Tolerance on |‖w‖² − 1| for a row to count as a point of the unit sphere.</summary>
    public const double UnitNormTolerance = 1e-10;

    /// <summary>
    /// A gradient-descent step size and its step counts: every count n ≥ 0 and 0 &lt; η &lt; 2/λ_max, the range where
    /// every factor (1 − ηλ_k)^n of a quadratic objective stays bounded (the one check of every <c>LossesAfterSteps</c>).
    /// </summary>
    /// <param name="steps">The step counts.</param>
    /// <param name="stepSize">η.</param>
    /// <param name="maximumStepSize">2/λ_max, exclusive.</param>
    public static void GradientDescent(IReadOnlyList<int> steps, double stepSize, double maximumStepSize)
    {
        NotNull(steps);
        foreach (var n in steps)
        {
            NonNegative(n, nameof(steps));
        }

        StepSize(stepSize, maximumStepSize);
    }

    /// <summary>0 &lt; η &lt; 2/λ_max (<paramref name="maximumStepSize"/>), else an error naming "stepSize".</summary>
    /// <param name="stepSize">η.</param>
    /// <param name="maximumStepSize">2/λ_max, exclusive.</param>
    public static void StepSize(double stepSize, double maximumStepSize)
    {
        Positive(stepSize, nameof(stepSize));
        if (!(stepSize < maximumStepSize))
        {
            throw new ArgumentOutOfRangeException(
                nameof(stepSize),
                stepSize,
                $"stepSize = {Show(stepSize)} is out of range; gradient descent diverges unless 0 < stepSize < 2/λ_max = {Show(maximumStepSize)}.");
        }
    }

    /// <summary>A double in round-trip form, culture-invariant, for error messages.</summary>
    public static string Show(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static void NotNull<T>([System.Diagnostics.CodeAnalysis.NotNull] T? value, [CallerArgumentExpression(nameof(value))] string name = "")
    {
        if (value is null)
        {
            throw new ArgumentNullException(name, $"{name} must not be null.");
        }
    }

    public static void Finite(double value, [CallerArgumentExpression(nameof(value))] string name = "")
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} = {Show(value)} is not a finite number; expected a finite value.");
        }
    }

    public static void Positive(double value, [CallerArgumentExpression(nameof(value))] string name = "")
    {
        if (!(value > 0) || !double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} = {Show(value)} is out of range; expected a finite value > 0.");
        }
    }

    public static void NonNegative(double value, [CallerArgumentExpression(nameof(value))] string name = "")
    {
        if (!(value >= 0) || !double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} = {Show(value)} is out of range; expected a finite value >= 0.");
        }
    }

    public static void Positive(int value, [CallerArgumentExpression(nameof(value))] string name = "")
    {
        if (value <= 0)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} = {value} is out of range; expected an integer >= 1.");
        }
    }

    public static void NonNegative(int value, [CallerArgumentExpression(nameof(value))] string name = "")
    {
        if (value < 0)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} = {value} is out of range; expected an integer >= 0.");
        }
    }

    public static void AtLeast(int value, int minimum, string reason, [CallerArgumentExpression(nameof(value))] string name = "")
    {
        if (value < minimum)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} = {value} is out of range; expected an integer >= {minimum} ({reason}).");
        }
    }

    public static void AtLeast(long value, long minimum, string reason, [CallerArgumentExpression(nameof(value))] string name = "")
    {
        if (value < minimum)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} = {value} is out of range; expected an integer >= {minimum} ({reason}).");
        }
    }

    public static void InInterval(double value, double minimum, double maximum, string meaning, [CallerArgumentExpression(nameof(value))] string name = "")
    {
        if (!(value >= minimum && value <= maximum))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} = {Show(value)} is out of range; {meaning} must lie in [{Show(minimum)}, {Show(maximum)}].");
        }
    }

    /// <summary>A gradient-flow time: t ≥ 0, with +∞ allowed (the converged limit); NaN and negative values are rejected.</summary>
    public static void Time(double value, [CallerArgumentExpression(nameof(value))] string name = "")
    {
        if (!(value >= 0))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} = {Show(value)} is out of range; a gradient-flow time must be >= 0 (+infinity for the converged limit).");
        }
    }

    /// <summary>Every row of the matrix is a finite unit vector (|‖w‖² − 1| ≤ <see cref="UnitNormTolerance"/>).</summary>
    public static void UnitRows(Matrix<double> matrix, [CallerArgumentExpression(nameof(matrix))] string name = "")
    {
        NotNull(matrix, name);
        for (var i = 0; i < matrix.RowCount; i++)
        {
            var squaredNorm = 0.0;
            for (var j = 0; j < matrix.ColumnCount; j++)
            {
                var w = matrix.At(i, j);
                if (!double.IsFinite(w))
                {
                    throw new ArgumentOutOfRangeException(name, w, $"{name}[{i}, {j}] = {Show(w)} is not a finite number; every entry of {name} must be finite.");
                }

                squaredNorm += w * w;
            }

            if (Math.Abs(squaredNorm - 1) > UnitNormTolerance)
            {
                throw new ArgumentOutOfRangeException(name, squaredNorm,
                    $"{name} row {i} has squared norm {Show(squaredNorm)}; every row must lie on the unit sphere (|‖w‖² − 1| <= {Show(UnitNormTolerance)}). Normalise the rows first.");
            }
        }
    }

    public static void InRange(int value, int minimum, int maximum, [CallerArgumentExpression(nameof(value))] string name = "")
    {
        if (value < minimum || value > maximum)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} = {value} is out of range; expected an integer in [{minimum}, {maximum}].");
        }
    }

    public static void InRange(int value, int minimum, int maximum, string reason, [CallerArgumentExpression(nameof(value))] string name = "")
    {
        if (value < minimum || value > maximum)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} = {value} is out of range; expected an integer in [{minimum}, {maximum}] ({reason}).");
        }
    }

    public static void InRange(double value, double minimum, double maximum, [CallerArgumentExpression(nameof(value))] string name = "")
    {
        if (!(value >= minimum && value <= maximum))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} = {Show(value)} is out of range; expected a value in [{Show(minimum)}, {Show(maximum)}].");
        }
    }

    public static void Probability(double value, [CallerArgumentExpression(nameof(value))] string name = "")
    {
        if (!(value >= 0 && value <= 1))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} = {Show(value)} is out of range; expected a probability in [0, 1].");
        }
    }

    public static void OpenUnitInterval(double value, [CallerArgumentExpression(nameof(value))] string name = "")
    {
        if (!(value > 0 && value < 1))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} = {Show(value)} is out of range; expected a value in the open interval (0, 1).");
        }
    }

    public static void Less(double value, double bound, string boundDescription, [CallerArgumentExpression(nameof(value))] string name = "")
    {
        if (!(value < bound))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} = {Show(value)} is out of range; expected a value < {boundDescription} = {Show(bound)}.");
        }
    }

    public static void AllFinite(IReadOnlyList<double> values, [CallerArgumentExpression(nameof(values))] string name = "")
    {
        NotNull(values, name);
        for (var i = 0; i < values.Count; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new ArgumentException($"{name}[{i}] = {Show(values[i])} is not a finite number; every entry of {name} must be finite.", name);
            }
        }
    }

    public static void AllPositive(IReadOnlyList<double> values, [CallerArgumentExpression(nameof(values))] string name = "")
    {
        NotNull(values, name);
        for (var i = 0; i < values.Count; i++)
        {
            if (!(values[i] > 0) || !double.IsFinite(values[i]))
            {
                throw new ArgumentOutOfRangeException(name, values[i], $"{name}[{i}] = {Show(values[i])} is out of range; every entry of {name} must be finite and > 0.");
            }
        }
    }

    public static void AllNonNegative(IReadOnlyList<double> values, [CallerArgumentExpression(nameof(values))] string name = "")
    {
        NotNull(values, name);
        for (var i = 0; i < values.Count; i++)
        {
            if (!(values[i] >= 0) || !double.IsFinite(values[i]))
            {
                throw new ArgumentOutOfRangeException(name, values[i], $"{name}[{i}] = {Show(values[i])} is out of range; every entry of {name} must be finite and >= 0.");
            }
        }
    }

    public static void MinimumCount<T>(IReadOnlyCollection<T> values, int minimum, string reason, [CallerArgumentExpression(nameof(values))] string name = "")
    {
        NotNull(values, name);
        if (values.Count < minimum)
        {
            throw new ArgumentException($"{name} has {values.Count} entries; expected at least {minimum} ({reason}).", name);
        }
    }

    public static void SameLength(int length, int expected, string expectedDescription, [CallerArgumentExpression(nameof(length))] string name = "")
    {
        if (length != expected)
        {
            throw new ArgumentException($"{name} = {length} does not match {expectedDescription} = {expected}; the lengths must be equal.", name);
        }
    }

    public static void AllFinite(Vector<double> vector, [CallerArgumentExpression(nameof(vector))] string name = "")
    {
        NotNull(vector, name);
        for (var i = 0; i < vector.Count; i++)
        {
            if (!double.IsFinite(vector[i]))
            {
                throw new ArgumentException($"{name}[{i}] = {Show(vector[i])} is not a finite number; every entry of {name} must be finite.", name);
            }
        }
    }

    public static void AllFinite(Matrix<double> matrix, [CallerArgumentExpression(nameof(matrix))] string name = "")
    {
        NotNull(matrix, name);
        for (var j = 0; j < matrix.ColumnCount; j++)
        {
            for (var i = 0; i < matrix.RowCount; i++)
            {
                var v = matrix.At(i, j);
                if (!double.IsFinite(v))
                {
                    throw new ArgumentException($"{name}[{i}, {j}] = {Show(v)} is not a finite number; every entry of {name} must be finite.", name);
                }
            }
        }
    }

    public static void Square(Matrix<double> matrix, [CallerArgumentExpression(nameof(matrix))] string name = "")
    {
        NotNull(matrix, name);
        if (matrix.RowCount != matrix.ColumnCount)
        {
            throw new ArgumentException($"{name} is {matrix.RowCount}×{matrix.ColumnCount}; expected a square matrix.", name);
        }
    }

    /// <summary>Square, finite and symmetric to a relative tolerance of 1e-10 of its largest absolute entry.</summary>
    public static void Symmetric(Matrix<double> matrix, [CallerArgumentExpression(nameof(matrix))] string name = "")
    {
        Square(matrix, name);
        AllFinite(matrix, name);
        var scale = matrix.Enumerate().Select(Math.Abs).DefaultIfEmpty(0).Max();
        var tolerance = 1e-10 * Math.Max(scale, double.Epsilon);
        for (var i = 0; i < matrix.RowCount; i++)
        {
            for (var j = i + 1; j < matrix.ColumnCount; j++)
            {
                var gap = Math.Abs(matrix.At(i, j) - matrix.At(j, i));
                if (gap > tolerance)
                {
                    throw new ArgumentException(
                        $"{name} is not symmetric: |{name}[{i}, {j}] − {name}[{j}, {i}]| = {Show(gap)} exceeds 1e-10 × max|entry| = {Show(tolerance)}; expected a symmetric matrix.",
                        name);
                }
            }
        }
    }

    public static void Rows(Matrix<double> matrix, int rows, string rowsDescription, [CallerArgumentExpression(nameof(matrix))] string name = "")
    {
        if (matrix.RowCount != rows)
        {
            throw new ArgumentException($"{name} has {matrix.RowCount} rows; expected {rows} to match {rowsDescription}.", name);
        }
    }

    /// <summary>
    /// A regression problem: a design matrix X (n × d, n ≥ 1, d ≥ 1, finite) and its targets y (length n, one per
    /// sample, finite), named by the caller's expressions.
    /// </summary>
    public static void DesignWithTargets(
        [System.Diagnostics.CodeAnalysis.NotNull] Matrix<double>? design,
        [System.Diagnostics.CodeAnalysis.NotNull] Vector<double>? targets,
        [CallerArgumentExpression(nameof(design))] string designName = "",
        [CallerArgumentExpression(nameof(targets))] string targetsName = "")
    {
        NotNull(design, designName);
        NotNull(targets, targetsName);
        Positive(design.RowCount, designName + ".RowCount");
        Positive(design.ColumnCount, designName + ".ColumnCount");
        AllFinite(design, designName);
        Length(targets, design.RowCount, designName + ".RowCount (one target per sample)", targetsName);
        AllFinite(targets, targetsName);
    }

    public static void Length(Vector<double> vector, int length, string lengthDescription, [CallerArgumentExpression(nameof(vector))] string name = "")
    {
        NotNull(vector, name);
        if (vector.Count != length)
        {
            throw new ArgumentException($"{name} has length {vector.Count}; expected {length} to match {lengthDescription}.", name);
        }
    }

    /// <summary>Finite, 1 ≤ columns ≤ rows, and max |BᵀB − I| ≤ 1e-9 (an orthonormal basis of a subspace).</summary>
    public static void OrthonormalColumns(Matrix<double> basis, [CallerArgumentExpression(nameof(basis))] string name = "")
    {
        AllFinite(basis, name);
        if (basis.ColumnCount == 0 || basis.ColumnCount > basis.RowCount)
        {
            throw new ArgumentException($"{name} is {basis.RowCount}×{basis.ColumnCount}; an orthonormal basis needs 1 <= columns <= rows.", name);
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
            throw new ArgumentException($"{name} must have orthonormal columns: max |{name}ᵀ{name} − I| = {Show(worst)}; expected <= 1e-9.", name);
        }
    }

    public static void NotEmpty(string? value, [CallerArgumentExpression(nameof(value))] string name = "")
    {
        if (value is null)
        {
            throw new ArgumentNullException(name, $"{name} is null; expected a non-empty name.");
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{name} = \"{value}\" is empty; expected a non-empty name.", name);
        }
    }

    /// <summary>A count of elements (of a span, list or vector) that must be at least 1.</summary>
    public static void NotEmpty(int count, string name)
    {
        if (count <= 0)
        {
            throw new ArgumentException($"{name} has {count} entries; expected at least 1.", name);
        }
    }

    /// <summary>A non-empty vector whose entries are all finite.</summary>
    public static void FiniteNonEmpty(Vector<double> vector, [CallerArgumentExpression(nameof(vector))] string name = "")
    {
        NotNull(vector, name);
        NotEmpty(vector.Count, name);
        AllFinite(vector, name);
    }

    /// <summary>
    /// A point of the closed probability simplex: entries in [0, 1] summing to 1 within <see cref="SumTolerance"/>.
    /// With <paramref name="strictlyPositive"/>, every entry must be &gt; 0 (the open simplex, where log-probabilities are finite).
    /// </summary>
    public static void Simplex(Vector<double> point, bool strictlyPositive, [CallerArgumentExpression(nameof(point))] string name = "")
    {
        NotNull(point, name);
        NotEmpty(point.Count, name);
        double sum = 0;
        for (var k = 0; k < point.Count; k++)
        {
            var v = point[k];
            if (strictlyPositive ? !(v > 0 && v <= 1) : !(v >= 0 && v <= 1))
            {
                var range = strictlyPositive ? "(0, 1] (the open simplex, where log-probabilities are finite)" : "[0, 1]";
                throw new ArgumentOutOfRangeException(name, v, $"{name}[{k}] = {Show(v)} is out of range; expected a value in {range}.");
            }

            sum += v;
        }

        if (Math.Abs(sum - 1) > SumTolerance)
        {
            throw new ArgumentException($"{name} sums to {Show(sum)}; expected a probability vector summing to 1 within {Show(SumTolerance)}.", name);
        }
    }
}
