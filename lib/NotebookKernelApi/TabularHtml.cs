using System.Net;
using System.Text;

namespace NotebookKernelApi;

/// <summary>
/// Renders a table of rows as the HTML that Polyglot's DataFrame formatter shows: a header
/// <c>DataFrame - N rows</c>, then the first page of rows with an index column.
/// </summary>
public static class TabularHtml
{
    /// <summary>The number of rows shown (the first page).</summary>
    public const int PageSize = 25;

    /// <summary>Renders the first page of a data frame.</summary>
    /// <param name="columnNames">The column names.</param>
    /// <param name="rows">The rows of the first page, each with one value per column.</param>
    /// <param name="totalRows">The number of rows of the whole data frame.</param>
    public static string DataFrame(IReadOnlyList<string> columnNames, IEnumerable<IEnumerable<object?>> rows, long totalRows)
    {
        var html = new StringBuilder();
        html.Append("<div class=\"dni-dataframe\"><h4>DataFrame - ").Append(totalRows).Append(totalRows == 1 ? " row" : " rows").Append("</h4>");
        html.Append("<table><thead><tr><th><i>index</i></th>");
        foreach (var name in columnNames)
        {
            html.Append("<th>").Append(WebUtility.HtmlEncode(name)).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        var index = 0;
        foreach (var row in rows.Take(PageSize))
        {
            html.Append("<tr><td><i><div class=\"dni-plaintext\"><pre>").Append(index++).Append("</pre></div></i></td>");
            foreach (var value in row)
            {
                html.Append("<td><div class=\"dni-plaintext\"><pre>")
                    .Append(WebUtility.HtmlEncode(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "<null>"))
                    .Append("</pre></div></td>");
            }

            html.Append("</tr>");
        }

        html.Append("</tbody></table>");
        if (totalRows > index)
        {
            html.Append("<p>Showing rows 0 to ").Append(index - 1).Append(" of ").Append(totalRows).Append("</p>");
        }

        html.Append("</div>");
        return html.ToString();
    }
}
