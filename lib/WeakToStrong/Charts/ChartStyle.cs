using Plotly.NET;
using Plotly.NET.LayoutObjects;

namespace WeakToStrong.Charts;

/// <summary>
/// The suite's one chart style, applied by <see cref="Figure.ToChart"/> and <see cref="Plot.Grid"/> so that no notebook
/// cell sets it by hand: the chart fills the width of the cell or page column it is drawn in (no fixed width; Plotly's
/// responsive layout), with a fixed height; 16 px tick labels and axis titles, readable from the back of a room;
/// numbers in powers of ten (10⁻⁴, never SI prefixes such as 100µ on a dimensionless risk); on a log axis spanning two
/// decades or more, every decade labelled; the legend in one row below the plot, where it cannot cover data or be cut
/// off by a narrow column. The objects are Plotly's JSON attributes, set by name (Plotly.NET's F# initialisers take
/// every one of their ~90 options positionally from C#).
/// </summary>
internal static class ChartStyle
{
    /// <summary>Tick label size in pixels.</summary>
    public const double TickSize = 16;

    /// <summary>Axis title size in pixels (long titles with units must fit along the plot's height).</summary>
    public const double AxisTitleSize = 16;

    /// <summary>Height in pixels added per legend entry: the legend sits below the plot, one entry per row at narrow widths.</summary>
    public const int LegendRowHeight = 28;

    /// <summary>Marker size in pixels (Plotly's default 6 is too small on a projector).</summary>
    public const int MarkerSize = 9;

    /// <summary>Line width in pixels (Plotly's default is 2).</summary>
    public const double LineWidth = 2.5;

    /// <summary>Characters per line of a chart title: about 560 px at 18 px, so a title fits a narrow page column.</summary>
    public const int TitleLineLength = 56;

    /// <summary>Characters per line of an x-axis title (about 500 px at 16 px).</summary>
    public const int XAxisTitleLineLength = 60;

    /// <summary>Characters per line of a y-axis title, which runs along the plot's height (about 330 px at 16 px).</summary>
    public const int YAxisTitleLineLength = 40;

    /// <summary>Chart title size in pixels.</summary>
    public const double TitleSize = 18;

    /// <summary>An axis with <paramref name="title"/>; logarithmic when <paramref name="logarithmic"/>.</summary>
    /// <param name="title">The axis title (with its unit).</param>
    /// <param name="logarithmic">A log axis.</param>
    /// <param name="decades">log₁₀(max/min) of the data on a log axis (a tick at every decade from 2 on), else 0.</param>
    /// <param name="vertical">A y axis (its title is wrapped to the plot's height rather than its width).</param>
    /// <returns>The axis.</returns>
    public static LinearAxis Axis(string title, bool logarithmic, double decades, bool vertical)
    {
        var axis = new LinearAxis();
        axis.SetProperty("title", Text(Wrap(title, vertical ? YAxisTitleLineLength : XAxisTitleLineLength), AxisTitleSize));
        axis.SetProperty("type", logarithmic ? "log" : "linear");
        axis.SetProperty("tickfont", Size(TickSize));
        axis.SetProperty("exponentformat", "power");
        axis.SetProperty("showexponent", "all");
        axis.SetProperty("automargin", true);
        if (logarithmic && decades >= 2)
        {
            axis.SetProperty("dtick", 1);
        }

        return axis;
    }

    /// <summary>The layout every chart gets: responsive width, height, fonts, the legend below, and the title if any.</summary>
    /// <param name="chart">The chart.</param>
    /// <param name="height">Height in pixels of the plot and its axes; the legend's rows are added to it.</param>
    /// <param name="title">The chart title, or null.</param>
    /// <returns>The styled chart.</returns>
    public static GenericChart Apply(GenericChart chart, int height, string? title)
    {
        var layout = new Layout();
        layout.SetProperty("autosize", true);
        var legendEntries = GenericChart.getTraces(chart).Count(trace => !(trace.TryGetPropertyValue("showlegend") is { } shown && shown.Value is false));
        layout.SetProperty("height", height + (LegendRowHeight * legendEntries) + (legendEntries > 0 ? LegendRowHeight : 0));
        layout.SetProperty("font", Size(TickSize));
        if (!string.IsNullOrWhiteSpace(title))
        {
            var wrapped = Wrap(title, TitleLineLength);
            layout.SetProperty("title", Text(wrapped, TitleSize));
            var lines = wrapped.Split("<br>").Length;
            var margin = new Margin();
            margin.SetProperty("t", Math.Max(80, 36 + (26 * lines)));
            layout.SetProperty("margin", margin);
        }

        var legend = new Legend();
        // At the bottom of the whole figure (container coordinates), so it never overlaps the x-axis title whatever
        // the height; Plotly grows the bottom margin to make room for it.
        legend.SetProperty("orientation", "h");
        legend.SetProperty("xref", "container");
        legend.SetProperty("x", 0.0);
        legend.SetProperty("xanchor", "left");
        legend.SetProperty("yref", "container");
        legend.SetProperty("y", 0.0);
        legend.SetProperty("yanchor", "bottom");
        legend.SetProperty("font", Size(TickSize));
        layout.SetProperty("legend", legend);
        chart = Chart.withLayout(layout).Invoke(chart);

        // Plotly.NET gives every chart a default width of 600 px, which turns Plotly's autosize off: remove it.
        var combined = GenericChart.getLayout(chart);
        combined.RemoveProperty("width");
        return GenericChart.setLayout(combined, chart);
    }

    /// <summary>
    /// <paramref name="text"/> broken at spaces into lines of at most <paramref name="lineLength"/> characters (a longer
    /// word keeps its own line), joined by Plotly's line break &lt;br&gt;; an existing &lt;br&gt; is kept as a break. A
    /// binary operator stays on the line of both its operands ("n = 200" is never broken), through no-break spaces.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="lineLength">Characters per line, ≥ 10.</param>
    /// <returns>The wrapped text.</returns>
    public static string Wrap(string text, int lineLength)
    {
        var lines = new List<string>();
        foreach (var operators in BinaryOperators)
        {
            text = text.Replace($" {operators} ", $"\u00A0{operators}\u00A0", StringComparison.Ordinal);
        }

        foreach (var paragraph in text.Split("<br>"))
        {
            var line = new System.Text.StringBuilder();
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (line.Length > 0 && line.Length + 1 + word.Length > lineLength)
                {
                    lines.Add(line.ToString());
                    line.Clear();
                }

                line.Append(line.Length > 0 ? " " : string.Empty).Append(word);
            }

            lines.Add(line.ToString());
        }

        return string.Join("<br>", lines);
    }

    /// <summary>
    /// Re-wraps the axis titles of a grid's panels, each drawn in 1/<paramref name="columns"/> of the width and
    /// 1/<paramref name="rows"/> of the height, so that they fit their panel.
    /// </summary>
    /// <param name="chart">The grid chart.</param>
    /// <param name="rows">Rows of panels.</param>
    /// <param name="columns">Columns of panels.</param>
    /// <returns>The chart.</returns>
    public static GenericChart FitPanelAxisTitles(GenericChart chart, int rows, int columns)
    {
        var layout = GenericChart.getLayout(chart);
        foreach (var name in layout.GetPropertyNames(true).ToArray())
        {
            var vertical = name.StartsWith("yaxis", StringComparison.Ordinal);
            if (!vertical && !name.StartsWith("xaxis", StringComparison.Ordinal))
            {
                continue;
            }

            if (layout.TryGetPropertyValue(name) is { } axisValue && axisValue.Value is DynamicObj.DynamicObj axis
                && axis.TryGetPropertyValue("title") is { } titleValue && titleValue.Value is DynamicObj.DynamicObj title
                && title.TryGetPropertyValue("text") is { } textValue && textValue.Value is string text)
            {
                var length = vertical ? YAxisTitleLineLength * 3 / (rows + 2) : XAxisTitleLineLength / columns;
                title.SetProperty("text", Wrap(text.Replace("<br>", " ", StringComparison.Ordinal), Math.Max(16, length)));
            }
        }

        return GenericChart.setLayout(layout, chart);
    }

    /// <summary>
    /// One legend entry per name and colour in a grid: panels that draw the same series (the same name in the same
    /// colour) share one entry, and clicking it toggles the series in every panel (a Plotly legend group).
    /// </summary>
    /// <param name="chart">The grid chart; its traces are changed in place.</param>
    public static void ShareLegendEntries(GenericChart chart)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var trace in GenericChart.getTraces(chart))
        {
            if (trace.TryGetPropertyValue("name") is not { } nameValue || nameValue.Value is not string name)
            {
                continue;
            }

            var colour = Colour(trace, "marker") ?? Colour(trace, "line") ?? string.Empty;
            var key = name + "\u0001" + colour;
            trace.SetProperty("legendgroup", key);
            if (!seen.Add(key))
            {
                trace.SetProperty("showlegend", false);
            }
        }
    }

    private static string? Colour(DynamicObj.DynamicObj trace, string part) =>
        trace.TryGetPropertyValue(part) is { } value && value.Value is DynamicObj.DynamicObj style
            && style.TryGetPropertyValue("color") is { } colour
            ? colour.Value is Color plotlyColour ? plotlyColour.Value?.ToString() : colour.Value?.ToString()
            : null;

    private static readonly string[] BinaryOperators = ["=", "≈", "±", "−", "+", "×", "·", "≤", "≥", "<", ">", "→", "/"];

    private static Font Size(double pixels)
    {
        var font = new Font();
        font.SetProperty("size", pixels);
        return font;
    }

    private static Title Text(string text, double pixels)
    {
        var title = new Title();
        title.SetProperty("text", text);
        title.SetProperty("font", Size(pixels));
        return title;
    }
}
