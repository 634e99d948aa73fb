using System.Net;
using System.Text;

namespace NotebookKernelApi;

/// <summary>
/// Renders a table of rows like Polyglot's DataFrame formatter (Microsoft.Data.Analysis.Interactive): a caption
/// <c>DataFrame - N rows</c>, an <c>index</c> column, and the first page of rows (10, Polyglot's page size). Polyglot pages
/// through the other rows with buttons and script; the static table shows the first page and says how many rows there are.
/// </summary>
public static class TabularHtml
{
    /// <summary>The number of rows shown (the first page, Polyglot's page size).</summary>
    public const int PageSize = 10;

    /// <summary>Renders the first page of a data frame.</summary>
    /// <param name="columnNames">The column names.</param>
    /// <param name="rows">The rows of the first page, each with one value per column.</param>
    /// <param name="totalRows">The number of rows of the whole data frame.</param>
    public static string DataFrame(IReadOnlyList<string> columnNames, IEnumerable<IEnumerable<object?>> rows, long totalRows)
    {
        var html = new StringBuilder();
        html.Append("<table class=\"dni-dataframe\"><caption><h3 style=\"text-align: center;\">DataFrame - ").Append(totalRows).Append(" rows</h3></caption>");
        html.Append("<thead><tr><th><i>index</i></th>");
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
                    .Append(WebUtility.HtmlEncode(value is null ? "<null>" : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)))
                    .Append("</pre></div></td>");
            }

            html.Append("</tr>");
        }

        html.Append("</tbody>");
        if (totalRows > index)
        {
            html.Append("<tfoot><tr><td colspan=\"").Append(columnNames.Count + 1).Append("\" style=\"text-align: center;\">rows 0 to ")
                .Append(index - 1).Append(" of ").Append(totalRows).Append("</td></tr></tfoot>");
        }

        html.Append("</table>");
        return html.ToString();
    }
}
