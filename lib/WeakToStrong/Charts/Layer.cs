namespace WeakToStrong.Charts;

/// <summary>The kinds of layer a <see cref="Figure"/> draws.</summary>
public enum LayerKind
{
    /// <summary>A line through the points.</summary>
    Line,

    /// <summary>Markers, optionally with error bars.</summary>
    Points,

    /// <summary>A shaded band between two curves.</summary>
    Band,

    /// <summary>A horizontal reference line.</summary>
    Horizontal,

    /// <summary>A vertical reference line.</summary>
    Vertical,
}

/// <summary>One layer of a <see cref="Figure"/> (validated data, ready to draw).</summary>
/// <param name="Kind">What is drawn.</param>
/// <param name="Name">Legend name.</param>
/// <param name="X">x values (for a vertical line: its position).</param>
/// <param name="Y">y values (for a band: the lower edge; for a horizontal line: its level).</param>
/// <param name="Error">Error-bar half-lengths for points, else null.</param>
/// <param name="Upper">The upper edge of a band, else null.</param>
/// <param name="Dashed">Whether a line is dashed.</param>
/// <param name="Color">A CSS colour ("#1f77b4", "rgb(…)", "crimson"), or null for Plotly's default cycle.</param>
public sealed record Layer(LayerKind Kind, string Name, double[] X, double[] Y, double[]? Error, double[]? Upper, bool Dashed, string? Color = null);
