using WeakToStrong.Validation;

namespace WeakToStrong.Sweeps;

/// <summary>
/// A named grid parameter whose value type is known at compile time, so that a sweep is built, read and filtered
/// without string lookups that fail only at run time:
/// <code>
/// var n = GridParameter.Integer("n");
/// var grid = ParameterGrid.Create().Vary(n, 100, 200, 400);
/// var sweep = Sweep.Run(grid, 20, seed, job => new { Risk = Measure(job[n], job.Random) });
/// Figure.Create("n", "risk").Points("risk", sweep.Axis(n), sweep.Mean(r => r.Risk), sweep.StandardError(r => r.Risk));
/// </code>
/// Create one with <see cref="GridParameter.Integer"/>, <see cref="GridParameter.Real"/> or <see cref="GridParameter.Text"/>;
/// the library's own sweeps expose theirs as static members (e.g. <c>FourModelSweep.LabelledSamples</c>).
/// </summary>
/// <typeparam name="T"><see cref="int"/>, <see cref="double"/> or <see cref="string"/>.</typeparam>
public sealed class GridParameter<T>
    where T : notnull
{
    internal GridParameter(string name, ParameterKind kind)
    {
        Guard.NotEmpty(name);
        Name = name;
        Kind = kind;
    }

    /// <summary>The parameter's name: its column in the sweep's tables.</summary>
    public string Name { get; }

    /// <summary>The kind of values it takes.</summary>
    public ParameterKind Kind { get; }

    /// <summary>The name.</summary>
    /// <returns><see cref="Name"/>.</returns>
    public override string ToString() => Name;
}

/// <summary>Creates typed grid parameters (see <see cref="GridParameter{T}"/>).</summary>
public static class GridParameter
{
    /// <summary>An integer parameter (an Int32 column), e.g. a sample size.</summary>
    /// <param name="name">A non-empty name other than "seed", "trial" and "count".</param>
    /// <returns>The parameter.</returns>
    public static GridParameter<int> Integer(string name) => new(name, ParameterKind.Integer);

    /// <summary>A real parameter (a Double column), e.g. a noise level.</summary>
    /// <param name="name">A non-empty name other than "seed", "trial" and "count".</param>
    /// <returns>The parameter.</returns>
    public static GridParameter<double> Real(string name) => new(name, ParameterKind.Real);

    /// <summary>A text parameter (a String column), e.g. a loss name.</summary>
    /// <param name="name">A non-empty name other than "seed", "trial" and "count".</param>
    /// <returns>The parameter.</returns>
    public static GridParameter<string> Text(string name) => new(name, ParameterKind.Text);
}
