using System.Collections.Immutable;
using System.Globalization;
using Plotly.NET;
using WeakToStrong.Validation;
using CSharpChart = Plotly.NET.CSharp.Chart;
using CSharpExtensions = Plotly.NET.CSharp.GenericChartExtensions;

namespace WeakToStrong.Charts;

/// <summary>
/// An immutable, fluent description of one 2-D chart (axes with titles and units, optional log scales, and
/// layers: lines, points with error bars, shaded bands, reference lines) that renders to a Plotly.NET
/// <see cref="GenericChart"/> with <see cref="ToChart"/>:
/// <code>
/// Figure.Create(xTitle: "n (samples)", yTitle: "excess risk", logY: true, title: "Teacher risk")
///     .Line("theory", n, theory)
///     .Points("simulation (mean ± s.e.)", n, mean, se)
///     .HorizontalLine(1.0, "ceiling")
///     .ToChart()
/// </code>
/// Data are checked when added: equal lengths, finite values, and positive values on a log axis (Plotly would
/// silently drop them).
/// </summary>
public sealed record Figure
{
    private Figure(string xTitle, string yTitle, bool logX, bool logY, string? title)
    {
        XTitle = xTitle;
        YTitle = yTitle;
        LogX = logX;
        LogY = logY;
        Title = title;
    }

    /// <summary>The x-axis title (with units).</summary>
    public string XTitle { get; }

    /// <summary>The y-axis title (with units).</summary>
    public string YTitle { get; }

    /// <summary>Whether the x axis is logarithmic.</summary>
    public bool LogX { get; }

    /// <summary>Whether the y axis is logarithmic.</summary>
    public bool LogY { get; }

    /// <summary>The chart title, or null.</summary>
    public string? Title { get; }

    /// <summary>Width in pixels, or null (the default) to fill the width of the cell or page column the chart is drawn in.</summary>
    public int? Width { get; init; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; init; } = 450;

    /// <summary>The layers in drawing order.</summary>
    public ImmutableList<Layer> Layers { get; init; } = [];

    /// <summary>Starts a figure.</summary>
    /// <param name="xTitle">x-axis title with units, e.g. "n (samples)".</param>
    /// <param name="yTitle">y-axis title with units, e.g. "excess risk (squared error)".</param>
    /// <param name="logX">Logarithmic x axis.</param>
    /// <param name="logY">Logarithmic y axis.</param>
    /// <param name="title">Chart title, or null.</param>
    /// <returns>An empty figure.</returns>
    public static Figure Create(string xTitle, string yTitle, bool logX = false, bool logY = false, string? title = null)
    {
        Guard.NotEmpty(xTitle);
        Guard.NotEmpty(yTitle);
        return new Figure(xTitle, yTitle, logX, logY, title);
    }

    /// <summary>Adds a line through (x_i, y_i).</summary>
    /// <param name="name">Legend name.</param>
    /// <param name="x">x values.</param>
    /// <param name="y">y values (same length).</param>
    /// <param name="dashed">Draw dashed (e.g. for a bound or an asymptotic formula).</param>
    /// <param name="color">A CSS colour (one of <see cref="Palette"/>'s), or null for the default cycle (give a theory line and its simulation points the same colour).</param>
    /// <param name="dotted">Draw dotted (a third style, for a line that coincides with a solid and a dashed one); not together with <paramref name="dashed"/>.</param>
    /// <returns>The extended figure.</returns>
    public Figure Line(string name, IEnumerable<double> x, IEnumerable<double> y, bool dashed = false, string? color = null, bool dotted = false)
    {
        var (xs, ys) = Check(name, x, y);
        if (dashed && dotted)
        {
            throw new ArgumentException($"Line \"{name}\": dashed and dotted are both true; a line is solid, dashed or dotted.", nameof(dotted));
        }

        return Add(new Layer(LayerKind.Line, name, xs, ys, null, null, dashed, color, dotted));
    }

    /// <summary>Adds markers at (x_i, y_i), optionally with symmetric error bars ±e_i (e.g. standard errors or standard deviations; say which in the name).</summary>
    /// <param name="name">Legend name.</param>
    /// <param name="x">x values.</param>
    /// <param name="y">y values (same length).</param>
    /// <param name="error">Error-bar half-lengths e_i ≥ 0 (same length), or null.</param>
    /// <param name="color">A CSS colour (one of <see cref="Palette"/>'s), or null for the default cycle.</param>
    /// <param name="marker">The marker shape; give points that may coincide with another layer's a different shape.</param>
    /// <returns>The extended figure.</returns>
    public Figure Points(string name, IEnumerable<double> x, IEnumerable<double> y, IEnumerable<double>? error = null, string? color = null, MarkerShape marker = MarkerShape.Circle)
    {
        var (xs, ys) = Check(name, x, y);
        double[]? errors = null;
        if (error is not null)
        {
            errors = error.ToArray();
            Guard.SameLength(errors.Length, xs.Length, "x.Length", "error.Length");
            Guard.AllNonNegative(errors, nameof(error));
        }

        return Add(new Layer(LayerKind.Points, name, xs, ys, errors, null, false, color, Marker: marker));
    }

    /// <summary>Adds a shaded band between <paramref name="lower"/> and <paramref name="upper"/> (e.g. mean ± one standard deviation).</summary>
    /// <param name="name">Legend name.</param>
    /// <param name="x">x values.</param>
    /// <param name="lower">Lower edge (same length).</param>
    /// <param name="upper">Upper edge (same length, ≥ lower).</param>
    /// <param name="color">A CSS colour for the shading (drawn at 20% opacity), or null for a neutral blue.</param>
    /// <returns>The extended figure.</returns>
    public Figure Band(string name, IEnumerable<double> x, IEnumerable<double> lower, IEnumerable<double> upper, string? color = null)
    {
        var (xs, lows) = Check(name, x, lower, nameof(lower));
        var (_, highs) = Check(name, xs, upper, nameof(upper));
        for (var i = 0; i < xs.Length; i++)
        {
            if (highs[i] < lows[i])
            {
                throw new ArgumentException($"upper[{i}] = {highs[i].ToString("R", CultureInfo.InvariantCulture)} is below lower[{i}] = {lows[i].ToString("R", CultureInfo.InvariantCulture)}; expected upper ≥ lower.", nameof(upper));
            }
        }

        return Add(new Layer(LayerKind.Band, name, xs, lows, null, highs, false, color));
    }

    /// <summary>Adds a dashed horizontal reference line y = <paramref name="y"/> across the x range of the other layers.</summary>
    /// <param name="y">The level (positive on a log y axis).</param>
    /// <param name="name">Legend name.</param>
    /// <returns>The extended figure.</returns>
    public Figure HorizontalLine(double y, string name)
    {
        Guard.NotEmpty(name);
        CheckAxisValue(y, LogY, "y", nameof(y));
        return Add(new Layer(LayerKind.Horizontal, name, [], [y], null, null, true));
    }

    /// <summary>Adds a dashed vertical reference line x = <paramref name="x"/> across the y range of the other layers.</summary>
    /// <param name="x">The position (positive on a log x axis).</param>
    /// <param name="name">Legend name.</param>
    /// <returns>The extended figure.</returns>
    public Figure VerticalLine(double x, string name)
    {
        Guard.NotEmpty(name);
        CheckAxisValue(x, LogX, "x", nameof(x));
        return Add(new Layer(LayerKind.Vertical, name, [x], [], null, null, true));
    }

    /// <summary>Sets a fixed size in pixels (for export at a given size; in notebooks prefer <see cref="WithHeight"/>, which fits any column).</summary>
    /// <param name="width">Width, ≥ 100.</param>
    /// <param name="height">Height, ≥ 100.</param>
    /// <returns>The resized figure.</returns>
    public Figure WithSize(int width, int height)
    {
        Guard.AtLeast(width, 100, "a readable chart");
        Guard.AtLeast(height, 100, "a readable chart");
        return this with { Width = width, Height = height };
    }

    /// <summary>Sets the height in pixels; the width stays that of the cell or column the chart is drawn in.</summary>
    /// <param name="height">Height, ≥ 100.</param>
    /// <returns>The figure.</returns>
    public Figure WithHeight(int height)
    {
        Guard.AtLeast(height, 100, "a readable chart");
        return this with { Height = height };
    }

    /// <summary>Renders the figure as a Plotly.NET chart (one trace per layer; a band is two traces), in the suite's chart style.</summary>
    /// <returns>The chart.</returns>
    public GenericChart ToChart()
    {
        if (Layers.IsEmpty)
        {
            throw new InvalidOperationException("The figure has no layers; add a Line, Points or Band before calling ToChart().");
        }

        var data = Layers.Where(l => l.Kind is LayerKind.Line or LayerKind.Points or LayerKind.Band).ToArray();
        var traces = new List<GenericChart>();
        foreach (var layer in Layers)
        {
            switch (layer.Kind)
            {
                case LayerKind.Line:
                    traces.Add(CSharpChart.Line<double, double, string>(
                        layer.X, layer.Y, Name: layer.Name, LineDash: layer.Dashed ? StyleParam.DrawingStyle.Dash : layer.Dotted ? StyleParam.DrawingStyle.Dot : StyleParam.DrawingStyle.Solid,
                        LineColor: ColorOf(layer), LineWidth: ChartStyle.LineWidth));
                    break;
                case LayerKind.Points:
                    var points = CSharpChart.Scatter<double, double, string>(layer.X, layer.Y, StyleParam.Mode.Markers, Name: layer.Name, Marker: MarkerOf(layer));
                    if (layer.Error is not null)
                    {
                        points = Plotly.NET.Chart.withYError(ErrorBars(layer.Error)).Invoke(points);
                    }

                    traces.Add(points);
                    break;
                case LayerKind.Band:
                    traces.Add(CSharpChart.Scatter<double, double, string>(
                        layer.X, layer.Y, StyleParam.Mode.Lines, Name: layer.Name + " (lower)", ShowLegend: false, LineWidth: 0.0, LineColor: Color.fromString("rgba(99,110,250,0.0)")));
                    traces.Add(CSharpChart.Scatter<double, double, string>(
                        layer.X, layer.Upper!, StyleParam.Mode.Lines, Name: layer.Name, LineWidth: 0.0, LineColor: Color.fromString("rgba(99,110,250,0.0)"),
                        Fill: StyleParam.Fill.ToNext_y, FillColor: Color.fromString(layer.Color ?? "rgb(99,110,250)"), Opacity: 0.2));
                    break;
                case LayerKind.Horizontal:
                    var (xMin, xMax) = Extent(data, useX: true, "a horizontal line");
                    traces.Add(CSharpChart.Line<double, double, string>(
                        [xMin, xMax], [layer.Y[0], layer.Y[0]], Name: layer.Name, LineDash: StyleParam.DrawingStyle.Dot, LineColor: Color.fromString("gray")));
                    break;
                case LayerKind.Vertical:
                    var (yMin, yMax) = Extent(data, useX: false, "a vertical line");
                    traces.Add(CSharpChart.Line<double, double, string>(
                        [layer.X[0], layer.X[0]], [yMin, yMax], Name: layer.Name, LineDash: StyleParam.DrawingStyle.Dot, LineColor: Color.fromString("gray")));
                    break;
            }
        }

        var chart = CSharpChart.Combine(traces);
        chart = Plotly.NET.Chart.withXAxis(ChartStyle.Axis(XTitle, LogX, LogX ? Decades(data, useX: true) : 0, vertical: false), null).Invoke(chart);
        chart = Plotly.NET.Chart.withYAxis(ChartStyle.Axis(YTitle, LogY, LogY ? Decades(data, useX: false) : 0, vertical: true), null).Invoke(chart);
        chart = ChartStyle.Apply(chart, Height, Title);
        if (Width is { } width)
        {
            chart = CSharpExtensions.WithSize(chart, width, Height);
        }

        return chart;
    }

    /// <summary>The layer's colour, or "not set" (Plotly's default colour cycle).</summary>
    private static Plotly.NET.CSharp.Optional<Color> ColorOf(Layer layer) =>
        layer.Color is null ? default(Plotly.NET.CSharp.Optional<Color>) : new Plotly.NET.CSharp.Optional<Color>(Color.fromString(layer.Color), true);

    /// <summary>The layer's marker: colour (if set), Plotly symbol name and the style's size.</summary>
    private static Plotly.NET.TraceObjects.Marker MarkerOf(Layer layer)
    {
        var marker = new Plotly.NET.TraceObjects.Marker();
        marker.SetProperty("size", ChartStyle.MarkerSize);
        marker.SetProperty("symbol", layer.Marker switch
        {
            MarkerShape.Square => "square",
            MarkerShape.Diamond => "diamond",
            MarkerShape.TriangleUp => "triangle-up",
            MarkerShape.OpenCircle => "circle-open",
            MarkerShape.OpenSquare => "square-open",
            MarkerShape.OpenDiamond => "diamond-open",
            MarkerShape.Cross => "x",
            _ => "circle",
        });
        if (layer.Color is not null)
        {
            marker.SetProperty("color", layer.Color);
        }

        return marker;
    }

    private static Plotly.NET.TraceObjects.Error ErrorBars(double[] halfLengths) =>
        Plotly.NET.TraceObjects.Error.init<double, double>(
            Visible: true,
            Type: StyleParam.ErrorType.Data,
            Symmetric: true,
            Array: halfLengths,
            Arrayminus: null,
            ArrayEncoded: null,
            ArrayminusEncoded: null,
            Value: null,
            Valueminus: null,
            Traceref: null,
            Tracerefminus: null,
            Copy_ystyle: null,
            Color: null,
            Thickness: null,
            Width: null);

    /// <summary>log₁₀(max/min) of the data on one axis (0 when there is none).</summary>
    private double Decades(Layer[] data, bool useX)
    {
        if (data.Length == 0)
        {
            return 0;
        }

        var (min, max) = Extent(data, useX, "a log axis");
        return min > 0 ? Math.Log10(max / min) : 0;
    }

    private (double Min, double Max) Extent(Layer[] data, bool useX, string what)
    {
        var values = new List<double>();
        foreach (var layer in data)
        {
            if (useX)
            {
                values.AddRange(layer.X);
            }
            else
            {
                values.AddRange(layer.Y);
                if (layer.Upper is not null)
                {
                    values.AddRange(layer.Upper);
                }

                if (layer.Error is not null)
                {
                    for (var i = 0; i < layer.Y.Length; i++)
                    {
                        values.Add(layer.Y[i] + layer.Error[i]);
                        var low = layer.Y[i] - layer.Error[i];
                        if (!LogY || low > 0)
                        {
                            values.Add(low);
                        }
                    }
                }
            }
        }

        if (values.Count == 0)
        {
            throw new InvalidOperationException($"The figure has no data layers to span {what}; add a Line, Points or Band first.");
        }

        return (values.Min(), values.Max());
    }

    private Figure Add(Layer layer) => this with { Layers = Layers.Add(layer) };

    private (double[] X, double[] Y) Check(string name, IEnumerable<double> x, IEnumerable<double> y, string yName = "y")
    {
        Guard.NotEmpty(name);
        Guard.NotNull(x);
        Guard.NotNull(y);
        var xs = x.ToArray();
        var ys = y.ToArray();
        Guard.MinimumCount(xs, 1, "a layer needs at least one point", nameof(x));
        Guard.SameLength(ys.Length, xs.Length, "x.Length", yName + ".Length");
        for (var i = 0; i < xs.Length; i++)
        {
            CheckAxisValue(xs[i], LogX, "x", $"x[{i}]");
            CheckAxisValue(ys[i], LogY, "y", $"{yName}[{i}]");
        }

        return (xs, ys);
    }

    private static void CheckAxisValue(double value, bool logarithmic, string axis, string name)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException($"{name} = {value.ToString(CultureInfo.InvariantCulture)} is not finite; expected finite values.", name);
        }

        if (logarithmic && !(value > 0))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} = {value.ToString("R", CultureInfo.InvariantCulture)} cannot be drawn on a logarithmic {axis} axis; expected a value > 0.");
        }
    }
}
