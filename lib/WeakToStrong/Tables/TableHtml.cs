using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Data.Analysis;
using WeakToStrong.Validation;

namespace WeakToStrong.Tables;

/// <summary>
/// A DataFrame as an HTML table for people: real numbers to <c>significantDigits</c> significant digits (4 by default;
/// the DataFrame keeps full precision for checks), written plainly between 10⁻³ and 10⁵ and as <c>1.234×10⁻⁵</c>
/// outside; integers as they are; NaN as "n/a"; a numeric column that is NaN in every row left out and named in a
/// footnote; numbers right-aligned. The notebooks' setup cells make it the kernel's HTML formatter for
/// <see cref="DataFrame"/>, so VS Code, Jupyter and the HTML book show the same table.
/// </summary>
public static class TableHtml
{
    /// <summary>Renders <paramref name="frame"/>.</summary>
    /// <param name="frame">The table.</param>
    /// <param name="significantDigits">Significant digits of real numbers, in [1, 17].</param>
    /// <param name="maximumRows">Rows shown, ≥ 1; a note says how many more there are.</param>
    /// <returns>An HTML fragment: a <c>table</c> element in a horizontally scrolling box, and a footnote when columns or rows are left out.</returns>
    public static string Render(DataFrame frame, int significantDigits = 4, int maximumRows = 100)
    {
        Guard.NotNull(frame);
        Guard.InRange(significantDigits, 1, 17);
        Guard.Positive(maximumRows);
        var shown = frame.Columns.Where(c => !IsAllMissing(c)).ToList();
        var dropped = frame.Columns.Where(IsAllMissing).Select(c => c.Name).ToList();
        var rows = (int)Math.Min(frame.Rows.Count, maximumRows);

        // A table wider than its column scrolls inside its own box (VS Code's output cell, Jupyter, the book) rather than
        // widening the page; the box keeps the table's own width when it fits.
        var html = new StringBuilder("<div class=\"w2s-table-scroll\" style=\"overflow-x:auto;max-width:100%\">\n<table class=\"w2s-table\">\n<thead><tr>");
        foreach (var column in shown)
        {
            html.Append(IsNumeric(column) ? "<th style=\"text-align:right\">" : "<th style=\"text-align:left\">").Append(WebUtility.HtmlEncode(column.Name)).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        for (var row = 0; row < rows; row++)
        {
            html.Append("<tr>");
            foreach (var column in shown)
            {
                var numeric = IsNumeric(column);
                html.Append(numeric ? "<td style=\"text-align:right\">" : "<td style=\"text-align:left\">")
                    .Append(WebUtility.HtmlEncode(Cell(column[row], significantDigits)))
                    .Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n</div>");
        var notes = new List<string>();
        if (frame.Rows.Count > rows)
        {
            notes.Add($"{frame.Rows.Count - rows} more rows not shown ({frame.Rows.Count} in all).");
        }

        if (dropped.Count > 0)
        {
            notes.Add($"Not shown, n/a in every row: {string.Join(", ", dropped)}.");
        }

        if (notes.Count > 0)
        {
            html.Append("\n<p class=\"w2s-table-note\"><small>").Append(WebUtility.HtmlEncode(string.Join(" ", notes))).Append("</small></p>");
        }

        return html.ToString();
    }

    /// <summary>
    /// One real number to <paramref name="significantDigits"/> significant digits (trailing zeros kept, whole numbers
    /// written without decimals): plain for 10⁻³ ≤ |x| &lt; 10⁵ (and 0), otherwise <c>m×10ᵏ</c> with a superscript
    /// exponent; NaN is "n/a", infinities "∞", "−∞".
    /// </summary>
    /// <param name="value">The number.</param>
    /// <param name="significantDigits">Significant digits, in [1, 17].</param>
    /// <returns>The text.</returns>
    public static string Number(double value, int significantDigits = 4)
    {
        Guard.InRange(significantDigits, 1, 17);
        if (double.IsNaN(value))
        {
            return "n/a";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "∞" : "−∞";
        }

        if (value == 0)
        {
            return "0";
        }

        var invariant = CultureInfo.InvariantCulture;
        var rounded = double.Parse(value.ToString("E" + (significantDigits - 1), invariant), invariant);
        var exponent = (int)Math.Floor(Math.Log10(Math.Abs(rounded)));
        var sign = rounded < 0 ? "−" : "";
        if (exponent is >= -3 and < 5)
        {
            // Whole numbers (a width, a sample size stored as double) without decimals; others keep their trailing
            // zeros, so that a column reads at one precision (1.620 next to 1.622).
            var decimals = rounded == Math.Round(rounded) ? 0 : Math.Max(0, significantDigits - 1 - exponent);
            return sign + Math.Abs(rounded).ToString("F" + decimals, invariant);
        }

        var mantissa = Math.Abs(rounded) / Math.Pow(10, exponent);
        return sign + mantissa.ToString("F" + (significantDigits - 1), invariant) + "×10" + Superscript(exponent);
    }

    private static string Cell(object? value, int significantDigits) =>
        value switch
        {
            null => "",
            double d => Number(d, significantDigits),
            float f => Number(f, significantDigits),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };

    private static bool IsNumeric(DataFrameColumn column) =>
        column.DataType == typeof(double) || column.DataType == typeof(float) || column.DataType == typeof(int)
        || column.DataType == typeof(long) || column.DataType == typeof(short) || column.DataType == typeof(decimal);

    private static bool IsAllMissing(DataFrameColumn column)
    {
        if (column.Length == 0 || (column.DataType != typeof(double) && column.DataType != typeof(float)))
        {
            return false;
        }

        for (long i = 0; i < column.Length; i++)
        {
            if (column[i] switch { double d => !double.IsNaN(d), float f => !float.IsNaN(f), _ => false })
            {
                return false;
            }
        }

        return true;
    }

    private static string Superscript(int exponent)
    {
        const string digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";
        var text = Math.Abs(exponent).ToString(CultureInfo.InvariantCulture);
        return (exponent < 0 ? "⁻" : "") + string.Concat(text.Select(c => digits[c - '0']));
    }
}
