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

    /// <summary>Chart title size in pixels.</summary>
    public const double TitleSize = 18;

    /// <summary>An axis with <paramref name="title"/>; logarithmic when <paramref name="logarithmic"/>.</summary>
    /// <param name="title">The axis title (with its unit).</param>
    /// <param name="logarithmic">A log axis.</param>
    /// <param name="decades">log₁₀(max/min) of the data on a log axis (a tick at every decade from 2 on), else 0.</param>
    /// <returns>The axis.</returns>
    public static LinearAxis Axis(string title, bool logarithmic, double decades)
    {
        var axis = new LinearAxis();
        axis.SetProperty("title", Text(title, AxisTitleSize));
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
            layout.SetProperty("title", Text(title, TitleSize));
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
