using System.Globalization;
using System.Text;

namespace NotebookEngine.Export;

/// <summary>The short status line of a notebook (cells, failed cells, run time), shown on the index and on its page.</summary>
internal static class NotebookStatus
{
    /// <summary>HTML of the status, e.g. "12 cells · 0 failed · 3.4 s".</summary>
    public static string Html(ExportedNotebook notebook)
    {
        var html = new StringBuilder("<span class=\"status\">");
        html.Append(Count(notebook.CellCount, "cell")).Append(" · ");
        if (notebook.FailedCellCount > 0)
        {
            html.Append("<span class=\"failed\">").Append(notebook.FailedCellCount.ToString(CultureInfo.InvariantCulture)).Append(" failed</span>");
        }
        else
        {
            html.Append("<span class=\"ok\">0 failed</span>");
        }

        if (notebook.RunTime is { } runTime)
        {
            html.Append(" · ").Append(Duration(runTime));
        }

        return html.Append("</span>").ToString();
    }

    /// <summary>A duration for people: "850 ms", "3.4 s", "2 min 05 s", "1 h 02 min".</summary>
    public static string Duration(TimeSpan time) => time.TotalSeconds switch
    {
        < 1 => string.Create(CultureInfo.InvariantCulture, $"{time.TotalMilliseconds:0} ms"),
        < 60 => string.Create(CultureInfo.InvariantCulture, $"{time.TotalSeconds:0.0} s"),
        < 3600 => string.Create(CultureInfo.InvariantCulture, $"{(int)time.TotalMinutes} min {time.Seconds:00} s"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{(int)time.TotalHours} h {time.Minutes:00} min"),
    };

    private static string Count(int n, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{n} {noun}{(n == 1 ? "" : "s")}");
}
