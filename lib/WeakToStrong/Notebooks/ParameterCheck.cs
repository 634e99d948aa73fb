using System.Globalization;
using System.Runtime.CompilerServices;

namespace WeakToStrong.Notebooks;

/// <summary>
/// Validates a notebook's parameters in the cell right after the parameters cell: each rule that fails adds one
/// line naming the parameter, its value and the valid range, and <see cref="ThrowIfInvalid"/> reports all of them at
/// once, right under the cell the reader edited:
/// <code>
/// new ParameterCheck()
///     .Integer(trials, 2, 10_000)
///     .Real(noise, 0, double.PositiveInfinity, lowerOpen: true)
///     .Choice(loss, ["CE", "RCE"])
///     .ThrowIfInvalid();
/// </code>
/// Parameter names come from the caller's expressions (C#'s CallerArgumentExpression), so they are the variables'
/// names as the parameters cell spells them.
/// </summary>
public sealed class ParameterCheck
{
    private readonly List<string> _problems = [];

    /// <summary>The problems found so far, one line each.</summary>
    public IReadOnlyList<string> Problems => _problems;

    /// <summary>An integer in [<paramref name="minimum"/>, <paramref name="maximum"/>].</summary>
    /// <param name="value">The value.</param>
    /// <param name="minimum">Smallest valid value.</param>
    /// <param name="maximum">Largest valid value.</param>
    /// <param name="name">The parameter's name (the caller's expression).</param>
    /// <returns>This check.</returns>
    public ParameterCheck Integer(int value, int minimum, int maximum, [CallerArgumentExpression(nameof(value))] string name = "")
    {
        if (value < minimum || value > maximum)
        {
            _problems.Add($"{name} = {value} is out of range; expected an integer in {Range(minimum, maximum)}.");
        }

        return this;
    }

    /// <summary>A finite real in [<paramref name="minimum"/>, <paramref name="maximum"/>], with either end open if asked.</summary>
    /// <param name="value">The value.</param>
    /// <param name="minimum">Lower end (may be −∞).</param>
    /// <param name="maximum">Upper end (may be +∞).</param>
    /// <param name="lowerOpen">Exclude <paramref name="minimum"/> itself.</param>
    /// <param name="upperOpen">Exclude <paramref name="maximum"/> itself.</param>
    /// <param name="name">The parameter's name (the caller's expression).</param>
    /// <returns>This check.</returns>
    public ParameterCheck Real(double value, double minimum, double maximum, bool lowerOpen = false, bool upperOpen = false, [CallerArgumentExpression(nameof(value))] string name = "")
    {
        var below = lowerOpen ? !(value > minimum) : !(value >= minimum);
        var above = upperOpen ? !(value < maximum) : !(value <= maximum);
        if (!double.IsFinite(value) || below || above)
        {
            var interval = $"{(lowerOpen || double.IsNegativeInfinity(minimum) ? "(" : "[")}{Show(minimum)}, {Show(maximum)}{(upperOpen || double.IsPositiveInfinity(maximum) ? ")" : "]")}";
            _problems.Add($"{name} = {Show(value)} is out of range; expected a finite number in {interval}.");
        }

        return this;
    }

    /// <summary>Every integer of a list in [<paramref name="minimum"/>, <paramref name="maximum"/>], at least <paramref name="minimumCount"/> of them, strictly increasing if asked.</summary>
    /// <param name="values">The list.</param>
    /// <param name="minimum">Smallest valid element.</param>
    /// <param name="maximum">Largest valid element.</param>
    /// <param name="minimumCount">Fewest elements.</param>
    /// <param name="increasing">Require strictly increasing elements.</param>
    /// <param name="name">The parameter's name (the caller's expression).</param>
    /// <returns>This check.</returns>
    public ParameterCheck Integers(IReadOnlyList<int>? values, int minimum, int maximum, int minimumCount = 1, bool increasing = false, [CallerArgumentExpression(nameof(values))] string name = "")
    {
        if (values is null)
        {
            _problems.Add($"{name} is null; expected a list of at least {minimumCount} integers in {Range(minimum, maximum)}.");
            return this;
        }

        var shown = "[" + string.Join(", ", values) + "]";
        if (values.Count < minimumCount)
        {
            _problems.Add($"{name} = {shown} has {values.Count} element(s); expected at least {minimumCount}.");
        }

        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] < minimum || values[i] > maximum)
            {
                _problems.Add($"{name}[{i}] = {values[i]} is out of range; expected integers in {Range(minimum, maximum)}.");
            }
            else if (increasing && i > 0 && values[i] <= values[i - 1])
            {
                _problems.Add($"{name} = {shown} is not strictly increasing at [{i}] ({values[i - 1]} then {values[i]}); expected increasing values.");
            }
        }

        return this;
    }

    /// <summary>Every real of a list finite and in [<paramref name="minimum"/>, <paramref name="maximum"/>], at least <paramref name="minimumCount"/> of them.</summary>
    /// <param name="values">The list.</param>
    /// <param name="minimum">Smallest valid element.</param>
    /// <param name="maximum">Largest valid element.</param>
    /// <param name="minimumCount">Fewest elements.</param>
    /// <param name="name">The parameter's name (the caller's expression).</param>
    /// <returns>This check.</returns>
    public ParameterCheck Reals(IReadOnlyList<double>? values, double minimum, double maximum, int minimumCount = 1, [CallerArgumentExpression(nameof(values))] string name = "")
    {
        if (values is null || values.Count < minimumCount)
        {
            _problems.Add($"{name} has {(values is null ? "no" : values.Count.ToString(CultureInfo.InvariantCulture))} element(s); expected at least {minimumCount} numbers in [{Show(minimum)}, {Show(maximum)}].");
            return this;
        }

        for (var i = 0; i < values.Count; i++)
        {
            if (!double.IsFinite(values[i]) || values[i] < minimum || values[i] > maximum)
            {
                _problems.Add($"{name}[{i}] = {Show(values[i])} is out of range; expected finite numbers in [{Show(minimum)}, {Show(maximum)}].");
            }
        }

        return this;
    }

    /// <summary>A text among <paramref name="allowed"/> (exact match).</summary>
    /// <param name="value">The value.</param>
    /// <param name="allowed">The valid values.</param>
    /// <param name="name">The parameter's name (the caller's expression).</param>
    /// <returns>This check.</returns>
    public ParameterCheck Choice(string? value, IReadOnlyList<string> allowed, [CallerArgumentExpression(nameof(value))] string name = "")
    {
        ArgumentNullException.ThrowIfNull(allowed);
        if (value is null || !allowed.Contains(value, StringComparer.Ordinal))
        {
            _problems.Add($"{name} = {(value is null ? "null" : $"\"{value}\"")} is not valid; expected one of {string.Join(", ", allowed.Select(a => $"\"{a}\""))}.");
        }

        return this;
    }

    /// <summary>A rule between parameters, e.g. <c>.That(weakDimension &gt;= strongDimension, "weakDimension", weakDimension, "≥ strongDimension = 50")</c>.</summary>
    /// <param name="holds">Whether the rule holds.</param>
    /// <param name="name">The parameter to blame.</param>
    /// <param name="value">Its value.</param>
    /// <param name="expected">The rule, as the reader should read it (e.g. "≥ strongDimension = 50").</param>
    /// <returns>This check.</returns>
    public ParameterCheck That(bool holds, string name, object? value, string expected)
    {
        if (!holds)
        {
            _problems.Add($"{name} = {Format(value)} is not valid; expected {expected}.");
        }

        return this;
    }

    /// <summary>Throws one <see cref="ArgumentException"/> listing every problem found (one per line); does nothing when there is none.</summary>
    /// <exception cref="ArgumentException">At least one parameter is invalid.</exception>
    public void ThrowIfInvalid()
    {
        if (_problems.Count > 0)
        {
            throw new ArgumentException(
                $"{_problems.Count} parameter value(s) are invalid; fix them in the parameters cell:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", _problems));
        }
    }

    private static string Range(int minimum, int maximum) =>
        maximum == int.MaxValue ? $"[{minimum}, ∞)" : $"[{minimum}, {maximum}]";

    private static string Show(double value) =>
        double.IsPositiveInfinity(value) ? "∞" : double.IsNegativeInfinity(value) ? "−∞" : value.ToString("R", CultureInfo.InvariantCulture);

    private static string Format(object? value) => value switch
    {
        null => "null",
        string text => $"\"{text}\"",
        double number => Show(number),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        System.Collections.IEnumerable list => "[" + string.Join(", ", list.Cast<object?>().Select(Format)) + "]",
        _ => value.ToString() ?? string.Empty,
    };
}
