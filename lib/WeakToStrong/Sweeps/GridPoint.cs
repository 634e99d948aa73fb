using System.Globalization;
using WeakToStrong.Validation;

namespace WeakToStrong.Sweeps;

/// <summary>One point of a <see cref="ParameterGrid"/>: its index and the value of every parameter.</summary>
public sealed class GridPoint
{
    private readonly IReadOnlyList<string> _names;
    private readonly IReadOnlyList<ParameterKind> _kinds;
    private readonly object[] _values;

    internal GridPoint(int index, IReadOnlyList<string> names, IReadOnlyList<ParameterKind> kinds, object[] values)
    {
        Index = index;
        _names = names;
        _kinds = kinds;
        _values = values;
    }

    /// <summary>The point's index in its grid (first parameter slowest).</summary>
    public int Index { get; }

    /// <summary>The parameter names.</summary>
    public IReadOnlyList<string> Names => _names;

    /// <summary>The value of a numeric parameter as a double (integers convert exactly).</summary>
    /// <param name="name">A numeric parameter's name.</param>
    public double this[string name]
    {
        get
        {
            var p = Find(name);
            return _kinds[p] switch
            {
                ParameterKind.Integer => (int)_values[p],
                ParameterKind.Real => (double)_values[p],
                _ => throw new ArgumentException($"name = \"{name}\" is a text parameter; use Text(\"{name}\") to read it.", nameof(name)),
            };
        }
    }

    /// <summary>The value of an integer parameter.</summary>
    /// <param name="name">An integer parameter's name.</param>
    /// <returns>The value.</returns>
    public int Integer(string name)
    {
        var p = Find(name);
        return _kinds[p] == ParameterKind.Integer
            ? (int)_values[p]
            : throw new ArgumentException($"name = \"{name}\" is a {_kinds[p]} parameter; expected an integer parameter (added with Vary(name, int values)).", nameof(name));
    }

    /// <summary>The value of a text parameter.</summary>
    /// <param name="name">A text parameter's name.</param>
    /// <returns>The label.</returns>
    public string Text(string name)
    {
        var p = Find(name);
        return _kinds[p] == ParameterKind.Text
            ? (string)_values[p]
            : throw new ArgumentException($"name = \"{name}\" is a {_kinds[p]} parameter; expected a text parameter.", nameof(name));
    }

    /// <summary>The value of a typed integer parameter.</summary>
    /// <param name="parameter">A parameter of this point's grid.</param>
    public int this[GridParameter<int> parameter] => Integer(Checked(parameter).Name);

    /// <summary>The value of a typed real parameter.</summary>
    /// <param name="parameter">A parameter of this point's grid.</param>
    public double this[GridParameter<double> parameter]
    {
        get
        {
            var p = Find(Checked(parameter).Name);
            return _kinds[p] == ParameterKind.Real
                ? (double)_values[p]
                : throw new ArgumentException($"parameter = \"{parameter.Name}\" is a {_kinds[p]} parameter of this grid; expected a real parameter.", nameof(parameter));
        }
    }

    /// <summary>The value of a typed text parameter.</summary>
    /// <param name="parameter">A parameter of this point's grid.</param>
    public string this[GridParameter<string> parameter] => Text(Checked(parameter).Name);

    internal object RawValue(int position) => _values[position];

    /// <summary>"name=value, …", e.g. "n=100, sigma2=0.01".</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        _names.Count == 0
            ? "(no parameters)"
            : string.Join(", ", _names.Select((n, i) => $"{n}={Convert.ToString(_values[i], CultureInfo.InvariantCulture)}"));

    private static GridParameter<T> Checked<T>(GridParameter<T> parameter)
        where T : notnull
    {
        Guard.NotNull(parameter);
        return parameter;
    }

    private int Find(string name)
    {
        for (var i = 0; i < _names.Count; i++)
        {
            if (_names[i] == name)
            {
                return i;
            }
        }

        throw new ArgumentException($"name = \"{name}\" is not a parameter of this grid; expected one of: {string.Join(", ", _names)}.", nameof(name));
    }
}
