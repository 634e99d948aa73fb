using System.Globalization;
using MathNet.Numerics.LinearAlgebra;

namespace WeakToStrong.Bregman;

/// <summary>
/// Argument validation for the Bregman namespace. Every failure names the parameter, the value received and the
/// valid range. Internal on purpose: it will be replaced by the core library's Guard once that is merged.
/// </summary>
internal static class Require
{
    /// <summary>Absolute tolerance on "sums to one" for probability vectors and laws: |Σ − 1| ≤ 1e-9.</summary>
    internal const double SumTolerance = 1e-9;

    internal static string Show(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    internal static void Finite(double value, string name)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite number; got {Show(value)}.");
        }
    }

    internal static void NonNegative(double value, string name)
    {
        if (!(value >= 0) || double.IsPositiveInfinity(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be finite and in [0, ∞); got {Show(value)}.");
        }
    }

    internal static void Positive(double value, string name)
    {
        if (!(value > 0) || double.IsPositiveInfinity(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be finite and in (0, ∞); got {Show(value)}.");
        }
    }

    internal static void InRange(double value, double low, double high, string name)
    {
        if (!(value >= low && value <= high))
        {
            throw new ArgumentOutOfRangeException(name, value,
                $"{name} must be in [{Show(low)}, {Show(high)}]; got {Show(value)}.");
        }
    }

    /// <summary>A probability in the closed interval [0, 1].</summary>
    internal static void Probability(double value, string name) => InRange(value, 0, 1, name);

    /// <summary>A probability in the open interval (0, 1), where logit and log are finite.</summary>
    internal static void OpenProbability(double value, string name)
    {
        if (!(value > 0 && value < 1))
        {
            throw new ArgumentOutOfRangeException(name, value,
                $"{name} must be in the open interval (0, 1), where its logit is finite; got {Show(value)}.");
        }
    }

    internal static void AtLeast(int value, int minimum, string name)
    {
        if (value < minimum)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be at least {minimum}; got {value}.");
        }
    }

    internal static void NotNull(object? value, string name)
    {
        if (value is null)
        {
            throw new ArgumentNullException(name, $"{name} must not be null.");
        }
    }

    internal static void NotEmpty(int count, string name)
    {
        if (count == 0)
        {
            throw new ArgumentException($"{name} must not be empty; got 0 elements.", name);
        }
    }

    internal static void SameLength(int length, int expected, string name, string otherName)
    {
        if (length != expected)
        {
            throw new ArgumentException(
                $"{name} must have the same length as {otherName} ({expected}); got {length}.", name);
        }
    }

    /// <summary>
    /// A point of the closed probability simplex: finite entries in [0, 1] summing to 1 within
    /// <see cref="SumTolerance"/>. With <paramref name="strictlyPositive"/>, every entry must be &gt; 0 (the open
    /// simplex, where log-probabilities are finite).
    /// </summary>
    internal static void Simplex(Vector<double> point, string name, bool strictlyPositive)
    {
        NotNull(point, name);
        NotEmpty(point.Count, name);
        double sum = 0;
        for (int k = 0; k < point.Count; k++)
        {
            double v = point[k];
            if (strictlyPositive ? !(v > 0 && v <= 1) : !(v >= 0 && v <= 1))
            {
                string range = strictlyPositive ? "(0, 1]" : "[0, 1]";
                throw new ArgumentOutOfRangeException(name, v,
                    $"{name}[{k}] must be in {range}{(strictlyPositive ? " (the open simplex, where log-probabilities are finite)" : "")}; got {Show(v)}.");
            }

            sum += v;
        }

        if (Math.Abs(sum - 1) > SumTolerance)
        {
            throw new ArgumentException(
                $"{name} must sum to 1 within {Show(SumTolerance)}; its entries sum to {Show(sum)}.", name);
        }
    }

    internal static void FiniteVector(Vector<double> point, string name)
    {
        NotNull(point, name);
        NotEmpty(point.Count, name);
        for (int k = 0; k < point.Count; k++)
        {
            if (!double.IsFinite(point[k]))
            {
                throw new ArgumentOutOfRangeException(name, point[k],
                    $"{name}[{k}] must be a finite number; got {Show(point[k])}.");
            }
        }
    }

    internal static void SameDimension(Vector<double> point, int expected, string name, string otherName)
    {
        if (point.Count != expected)
        {
            throw new ArgumentException(
                $"{name} must have the same dimension as {otherName} ({expected}); got {point.Count}.", name);
        }
    }
}
