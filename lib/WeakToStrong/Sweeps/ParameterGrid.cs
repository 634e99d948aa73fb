using System.Collections;
using WeakToStrong.Validation;

namespace WeakToStrong.Sweeps;

/// <summary>The kind of values a grid parameter takes; it decides the DataFrame column type.</summary>
public enum ParameterKind
{
    /// <summary>Integers (an Int32 column), e.g. sample sizes.</summary>
    Integer,

    /// <summary>Real numbers (a Double column), e.g. noise levels.</summary>
    Real,

    /// <summary>Labels (a String column), e.g. a loss name.</summary>
    Text,
}

/// <summary>
/// An immutable Cartesian grid of named parameters, built fluently:
/// <code>
/// var grid = ParameterGrid.Create().Vary("n", 100, 200, 400).Vary("sigma2", 0.01, 0.1);
/// </code>
/// Points are ordered with the first parameter varying slowest (row-major), and indexed 0 … Count − 1; the index
/// is part of each sweep job's random-stream seed.
/// </summary>
public sealed class ParameterGrid : IReadOnlyList<GridPoint>
{
    private readonly IReadOnlyList<(string Name, ParameterKind Kind, object[] Values)> _parameters;

    private ParameterGrid(IReadOnlyList<(string Name, ParameterKind Kind, object[] Values)> parameters)
    {
        _parameters = parameters;
    }

    /// <summary>A grid with no parameters and one (empty) point: a sweep over seeds only.</summary>
    /// <returns>The empty grid.</returns>
    public static ParameterGrid Create() => new([]);

    /// <summary>The parameter names, in the order they were added.</summary>
    public IReadOnlyList<string> Names => _parameters.Select(p => p.Name).ToArray();

    /// <summary>The kind of each parameter, in the order of <see cref="Names"/>.</summary>
    public IReadOnlyList<ParameterKind> Kinds => _parameters.Select(p => p.Kind).ToArray();

    /// <summary>The number of grid points (the product of the numbers of values).</summary>
    public int Count
    {
        get
        {
            var product = 1L;
            foreach (var parameter in _parameters)
            {
                product *= parameter.Values.Length;
                if (product > int.MaxValue)
                {
                    throw new InvalidOperationException(
                        $"The grid has more than {int.MaxValue} points ({string.Join(" × ", _parameters.Select(p => $"{p.Values.Length} {p.Name}"))}); split the sweep into smaller grids.");
                }
            }

            return (int)product;
        }
    }

    /// <summary>The point with the given index (first parameter slowest).</summary>
    /// <param name="index">0 ≤ index &lt; Count.</param>
    public GridPoint this[int index]
    {
        get
        {
            Guard.InRange(index, 0, Count - 1);
            var values = new object[_parameters.Count];
            var remainder = index;
            for (var p = _parameters.Count - 1; p >= 0; p--)
            {
                var length = _parameters[p].Values.Length;
                values[p] = _parameters[p].Values[remainder % length];
                remainder /= length;
            }

            return new GridPoint(index, Names, Kinds, values);
        }
    }

    /// <summary>Adds an integer parameter.</summary>
    /// <param name="name">A new, non-empty parameter name.</param>
    /// <param name="values">At least one value.</param>
    /// <returns>A new grid.</returns>
    public ParameterGrid Vary(string name, params int[] values) => With(name, ParameterKind.Integer, values?.Cast<object>().ToArray());

    /// <summary>Adds an integer parameter.</summary>
    /// <param name="name">A new, non-empty parameter name.</param>
    /// <param name="values">At least one value.</param>
    /// <returns>A new grid.</returns>
    public ParameterGrid Vary(string name, IEnumerable<int> values) => With(name, ParameterKind.Integer, values?.Cast<object>().ToArray());

    /// <summary>Adds a real parameter (every value finite).</summary>
    /// <param name="name">A new, non-empty parameter name.</param>
    /// <param name="values">At least one finite value.</param>
    /// <returns>A new grid.</returns>
    public ParameterGrid Vary(string name, params double[] values)
    {
        Guard.NotNull(values);
        Guard.AllFinite(values);
        return With(name, ParameterKind.Real, values.Cast<object>().ToArray());
    }

    /// <summary>Adds a real parameter (every value finite).</summary>
    /// <param name="name">A new, non-empty parameter name.</param>
    /// <param name="values">At least one finite value.</param>
    /// <returns>A new grid.</returns>
    public ParameterGrid Vary(string name, IEnumerable<double> values) => Vary(name, values?.ToArray()!);

    /// <summary>Adds a text parameter (labels such as a loss name).</summary>
    /// <param name="name">A new, non-empty parameter name.</param>
    /// <param name="values">At least one non-null label.</param>
    /// <returns>A new grid.</returns>
    public ParameterGrid Vary(string name, params string[] values)
    {
        Guard.NotNull(values);
        if (values.Any(v => v is null))
        {
            throw new ArgumentException("values contains null; expected non-null labels.", nameof(values));
        }

        return With(name, ParameterKind.Text, values.Cast<object>().ToArray());
    }

    /// <summary>Adds a typed integer parameter.</summary>
    /// <param name="parameter">A parameter not yet in this grid.</param>
    /// <param name="values">At least one value.</param>
    /// <returns>A new grid.</returns>
    public ParameterGrid Vary(GridParameter<int> parameter, params IEnumerable<int> values)
    {
        Guard.NotNull(parameter);
        return Vary(parameter.Name, values);
    }

    /// <summary>Adds a typed real parameter (every value finite).</summary>
    /// <param name="parameter">A parameter not yet in this grid.</param>
    /// <param name="values">At least one finite value.</param>
    /// <returns>A new grid.</returns>
    public ParameterGrid Vary(GridParameter<double> parameter, params IEnumerable<double> values)
    {
        Guard.NotNull(parameter);
        return Vary(parameter.Name, values);
    }

    /// <summary>Adds a typed text parameter.</summary>
    /// <param name="parameter">A parameter not yet in this grid.</param>
    /// <param name="values">At least one non-null label.</param>
    /// <returns>A new grid.</returns>
    public ParameterGrid Vary(GridParameter<string> parameter, params IEnumerable<string> values)
    {
        Guard.NotNull(parameter);
        Guard.NotNull(values);
        return Vary(parameter.Name, values.ToArray());
    }

    /// <inheritdoc/>
    public IEnumerator<GridPoint> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private ParameterGrid With(string name, ParameterKind kind, object[]? values)
    {
        Guard.NotEmpty(name);
        Guard.NotNull(values);
        Guard.MinimumCount(values, 1, "a parameter needs at least one value");
        if (_parameters.Any(p => p.Name == name))
        {
            throw new ArgumentException($"name = \"{name}\" is already a parameter of this grid; expected a new name.", nameof(name));
        }

        if (name is "seed" or "trial" or "count")
        {
            throw new ArgumentException($"name = \"{name}\" is reserved for the sweep's own columns; choose another parameter name.", nameof(name));
        }

        return new ParameterGrid([.. _parameters, (name, kind, values)]);
    }
}
