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

/// <summary>Marker shapes for <see cref="Figure.Points"/>: give curves that may coincide different shapes, so both stay visible.</summary>
public enum MarkerShape
{
    /// <summary>A filled circle (the default).</summary>
    Circle,

    /// <summary>A filled square.</summary>
    Square,

    /// <summary>A filled diamond.</summary>
    Diamond,

    /// <summary>A filled upward triangle.</summary>
    TriangleUp,

    /// <summary>An open circle: lets a coinciding filled marker show through.</summary>
    OpenCircle,

    /// <summary>An open square.</summary>
    OpenSquare,

    /// <summary>An open diamond.</summary>
    OpenDiamond,

    /// <summary>A cross (×).</summary>
    Cross,
}

/// <summary>One layer of a <see cref="Figure"/> (validated data, ready to draw).</summary>
/// <param name="Kind">What is drawn.</param>
/// <param name="Name">Legend name.</param>
/// <param name="X">x values (for a vertical line: its position).</param>
/// <param name="Y">y values (for a band: the lower edge; for a horizontal line: its level).</param>
/// <param name="Error">Error-bar half-lengths for points, else null.</param>
/// <param name="Upper">The upper edge of a band, else null.</param>
/// <param name="Dashed">Whether a line is dashed.</param>
/// <param name="Color">A CSS colour ("#1f77b4", "rgb(…)", "crimson"; see <see cref="Palette"/>), or null for Plotly's default cycle.</param>
/// <param name="Dotted">Whether a line is dotted (a third line style, for a curve that coincides with a solid and a dashed one).</param>
/// <param name="Marker">The marker shape of points.</param>
public sealed record Layer(LayerKind Kind, string Name, double[] X, double[] Y, double[]? Error, double[]? Upper, bool Dashed, string? Color = null, bool Dotted = false, MarkerShape Marker = MarkerShape.Circle);
