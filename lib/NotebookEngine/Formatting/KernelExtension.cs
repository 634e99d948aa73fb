namespace NotebookEngine.Formatting;

/// <summary>
/// What a Polyglot kernel extension registers when a notebook loads a package, reproduced by the engine: when an assembly
/// named <see cref="TriggerAssembly"/> is referenced, <see cref="RegistrationCode"/> runs as a hidden submission in the
/// notebook's own script state, so the formatter binds to exactly the types the notebook sees.
/// </summary>
/// <param name="Name">A short name for messages.</param>
/// <param name="TriggerAssembly">The assembly file name (without extension) whose loading activates the extension.</param>
/// <param name="RegistrationCode">C# script code that registers the formatters.</param>
public sealed record KernelExtension(string Name, string TriggerAssembly, string RegistrationCode)
{
    /// <summary>
    /// Plotly.NET.Interactive's <c>text/html</c> formatter for <c>GenericChart</c>, except that the chart references no
    /// plotly.js (<c>PlotlyJSReference.NoReference</c>): the output is a <c>&lt;div&gt;</c> and a script calling
    /// <c>Plotly.newPlot</c>, and the page that shows it provides plotly.js (the HTML export puts a local copy in the head).
    /// </summary>
    public static KernelExtension PlotlyCharts { get; } = new(
        "Plotly.NET charts",
        "Plotly.NET",
        """
        Microsoft.DotNet.Interactive.Formatting.Formatter.Register<Plotly.NET.GenericChart>(
            chart => Plotly.NET.GenericChart.toChartHTML(
                Plotly.NET.GenericChart.addDisplayOptions(
                    Plotly.NET.DisplayOptions.init(
                        null, null, null, null, null, null,
                        Microsoft.FSharp.Core.FSharpOption<Plotly.NET.PlotlyJSReference>.Some(Plotly.NET.PlotlyJSReference.NoReference)),
                    chart)),
            "text/html");
        """);

    /// <summary>The <c>text/html</c> formatter for Microsoft.Data.Analysis <c>DataFrame</c>: a table headed <c>DataFrame - N rows</c> showing the first page of rows.</summary>
    public static KernelExtension DataFrames { get; } = new(
        "DataFrame tables",
        "Microsoft.Data.Analysis",
        """
        Microsoft.DotNet.Interactive.Formatting.Formatter.Register<Microsoft.Data.Analysis.DataFrame>(
            frame => NotebookKernelApi.TabularHtml.DataFrame(
                frame.Columns.Select(column => column.Name).ToList(),
                Enumerable.Range(0, (int)Math.Min(frame.Rows.Count, NotebookKernelApi.TabularHtml.PageSize))
                    .Select(row => frame.Rows[row].Select(value => (object)value)),
                frame.Rows.Count),
            "text/html");
        """);

    /// <summary>The extensions the engine provides.</summary>
    public static IReadOnlyList<KernelExtension> All { get; } = [PlotlyCharts, DataFrames];
}
