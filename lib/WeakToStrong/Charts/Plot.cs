using Plotly.NET;
using WeakToStrong.Validation;
using CSharpChart = Plotly.NET.CSharp.Chart;
using CSharpExtensions = Plotly.NET.CSharp.GenericChartExtensions;

namespace WeakToStrong.Charts;

/// <summary>
/// One-call charts for notebook cells, built on <see cref="Figure"/>. Every chart has labelled axes (put units in
/// the titles) and returns a Plotly.NET <see cref="GenericChart"/>, which Polyglot Notebooks and the project's
/// runner render inline.
/// </summary>
public static class Plot
{
    /// <summary>
    /// A theory curve (line) over simulation results (markers with error bars), the standard comparison figure:
    /// <code>
    /// Plot.TheoryVersusSimulation(theory: (n, exact), simulation: (n, mean, se),
    ///     xTitle: "n (samples)", yTitle: "excess risk", logX: true, logY: true)
    /// </code>
    /// </summary>
    /// <param name="theory">The theory curve (x, y).</param>
    /// <param name="simulation">The simulation (x, mean, error-bar half-length).</param>
    /// <param name="xTitle">x-axis title with units.</param>
    /// <param name="yTitle">y-axis title with units.</param>
    /// <param name="logX">Logarithmic x axis.</param>
    /// <param name="logY">Logarithmic y axis.</param>
    /// <param name="title">Chart title, or null.</param>
    /// <param name="theoryName">Legend name of the curve.</param>
    /// <param name="simulationName">Legend name of the markers (say what the error bars are).</param>
    /// <returns>The chart.</returns>
    public static GenericChart TheoryVersusSimulation(
        (IEnumerable<double> X, IEnumerable<double> Y) theory,
        (IEnumerable<double> X, IEnumerable<double> Mean, IEnumerable<double> Error) simulation,
        string xTitle,
        string yTitle,
        bool logX = false,
        bool logY = false,
        string? title = null,
        string theoryName = "theory",
        string simulationName = "simulation (mean ± s.e.)") =>
        Figure.Create(xTitle, yTitle, logX, logY, title)
            .Line(theoryName, theory.X, theory.Y)
            .Points(simulationName, simulation.X, simulation.Mean, simulation.Error)
            .ToChart();

    /// <summary>Several named curves on shared axes.</summary>
    /// <param name="xTitle">x-axis title with units.</param>
    /// <param name="yTitle">y-axis title with units.</param>
    /// <param name="curves">The curves (name, x, y), at least one.</param>
    /// <param name="logX">Logarithmic x axis.</param>
    /// <param name="logY">Logarithmic y axis.</param>
    /// <param name="title">Chart title, or null.</param>
    /// <returns>The chart.</returns>
    public static GenericChart Lines(
        string xTitle,
        string yTitle,
        IEnumerable<(string Name, IEnumerable<double> X, IEnumerable<double> Y)> curves,
        bool logX = false,
        bool logY = false,
        string? title = null)
    {
        Guard.NotNull(curves);
        var figure = Figure.Create(xTitle, yTitle, logX, logY, title);
        foreach (var (name, x, y) in curves)
        {
            figure = figure.Line(name, x, y);
        }

        return figure.ToChart();
    }

    /// <summary>
    /// Panels laid out on a grid (row by row), each keeping its own axis titles and scales; e.g. the 2×2 PGR/OPR
    /// figure of Dong et al. 2025 (arXiv:2502.05075). Panel and axis titles are wrapped to the panel's share of the width,
    /// and a series drawn in several panels (same name, same colour) gets one legend entry that toggles it everywhere.
    /// </summary>
    /// <param name="rows">Rows, ≥ 1.</param>
    /// <param name="columns">Columns, ≥ 1.</param>
    /// <param name="panels">At most rows × columns charts (each from <see cref="Figure.ToChart"/> or this class).</param>
    /// <param name="title">Overall title, or null.</param>
    /// <param name="panelTitles">One title per panel (same count as <paramref name="panels"/>), or null.</param>
    /// <param name="width">Width in pixels, ≥ 100, or null (the default) to fill the cell or page column: panels shrink to fit.</param>
    /// <param name="height">Height in pixels, ≥ 100.</param>
    /// <returns>The combined chart, in the suite's chart style.</returns>
    public static GenericChart Grid(int rows, int columns, IReadOnlyList<GenericChart> panels, string? title = null, int? width = null, int height = 480, IReadOnlyList<string>? panelTitles = null)
    {
        Guard.Positive(rows);
        Guard.Positive(columns);
        Guard.NotNull(panels);
        Guard.MinimumCount(panels, 1, "a grid needs at least one panel");
        if (panels.Count > rows * columns)
        {
            throw new ArgumentException($"panels has {panels.Count} charts; expected at most rows × columns = {rows * columns}.", nameof(panels));
        }

        if (width is { } fixedWidth)
        {
            Guard.AtLeast(fixedWidth, 100, "a readable chart", nameof(width));
        }

        Guard.AtLeast(height, 100, "a readable chart");
        if (panelTitles is not null)
        {
            Guard.SameLength(panelTitles.Count, panels.Count, "panels.Count", "panelTitles.Count");
        }

        var chart = panelTitles is null
            ? CSharpChart.Grid(panels, rows, columns)
            : CSharpChart.Grid(panels, rows, columns, SubPlotTitles: panelTitles.Select(t => ChartStyle.Wrap(t, Math.Max(16, ChartStyle.TitleLineLength / columns))).ToArray());
        chart = ChartStyle.FitPanelAxisTitles(chart, rows, columns);
        ChartStyle.ShareLegendEntries(chart);
        chart = ChartStyle.Apply(chart, height, title);
        if (width is { } w)
        {
            chart = CSharpExtensions.WithSize(chart, w, height);
        }

        return chart;
    }

    /// <summary>The chart's Plotly JSON ({"data": [...], "layout": {...}}), e.g. for tests or export.</summary>
    /// <param name="chart">The chart.</param>
    /// <returns>The JSON text.</returns>
    public static string ToJson(GenericChart chart)
    {
        Guard.NotNull(chart);
        return GenericChart.toJson(chart);
    }
}
