using WeakToStrong.Validation;

namespace WeakToStrong.Notebooks;

/// <summary>
/// The parameters cell's <c>scale</c> switch: <see cref="Default"/> runs a notebook in under a minute,
/// <see cref="Paper"/> runs the larger grids (the paper's, where the notebook reproduces a figure of the paper). A knob
/// that depends on the scale is declared nullable in the parameters cell (<c>int? trials = null;</c>) and resolved with <see cref="Pick{T}(T?, T, T)"/>: a value the reader set wins, and
/// only a knob left at <c>null</c> takes the scale's value, so <c>scale = "paper"</c> never overrides the reader.
/// </summary>
public sealed class Scale
{
    private Scale(string name) => Name = name;

    /// <summary>The default scale: runs in under a minute.</summary>
    public static Scale Default { get; } = new("default");

    /// <summary>The larger grids: the paper's where the notebook reproduces its figures.</summary>
    public static Scale Paper { get; } = new("paper");

    /// <summary>The scale's name, "default" or "paper".</summary>
    public string Name { get; }

    /// <summary>Whether this is the paper scale.</summary>
    public bool IsPaper => ReferenceEquals(this, Paper);

    /// <summary>The scale named <paramref name="scale"/>: "default" or "paper" (exactly, lower case).</summary>
    /// <param name="scale">The parameters cell's value.</param>
    /// <param name="name">The parameter's name in the message (the caller's expression).</param>
    /// <returns>The scale.</returns>
    /// <exception cref="ArgumentException">Any other value.</exception>
    public static Scale Parse(string? scale, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(scale))] string name = "") => scale switch
    {
        "default" => Default,
        "paper" => Paper,
        _ => throw new ArgumentException($"{name} = {(scale is null ? "null" : $"\"{scale}\"")} is not a scale; expected \"default\" (under a minute) or \"paper\" (the larger grids, the paper's where a figure is reproduced).", name),
    };

    /// <summary>The value the reader set, or else this scale's value of the knob.</summary>
    /// <typeparam name="T">A value type (int, double, bool).</typeparam>
    /// <param name="set">The parameters cell's value, or null to take the scale's.</param>
    /// <param name="atDefault">The knob at the default scale.</param>
    /// <param name="atPaper">The knob at the paper scale.</param>
    /// <returns><paramref name="set"/> if not null, else the scale's value.</returns>
    public T Pick<T>(T? set, T atDefault, T atPaper)
        where T : struct => set ?? (IsPaper ? atPaper : atDefault);

    /// <summary>The array the reader set, or else this scale's value of the knob.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="set">The parameters cell's value, or null to take the scale's.</param>
    /// <param name="atDefault">The knob at the default scale.</param>
    /// <param name="atPaper">The knob at the paper scale.</param>
    /// <returns><paramref name="set"/> if not null, else the scale's value.</returns>
    public T[] Pick<T>(T[]? set, T[] atDefault, T[] atPaper)
    {
        Guard.NotNull(atDefault);
        Guard.NotNull(atPaper);
        return set ?? (IsPaper ? atPaper : atDefault);
    }

    /// <inheritdoc/>
    public override string ToString() => Name;
}
