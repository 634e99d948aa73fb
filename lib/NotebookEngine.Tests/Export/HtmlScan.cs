using System.Text.RegularExpressions;

namespace NotebookEngine.Tests.Export;

/// <summary>Small, strict string scans of HTML written by the exporter or dumped by Chromium.</summary>
internal static partial class HtmlScan
{
    /// <summary>Values of <c>src</c> and <c>href</c> attributes of <c>script</c> and <c>link</c> elements.</summary>
    public static IReadOnlyList<string> ScriptAndStylesheetUrls(string html) =>
        ScriptOrLinkUrl().Matches(html).Select(m => m.Groups["url"].Value).ToList();

    /// <summary>Every http(s) URL that occurs anywhere in the text.</summary>
    public static IReadOnlyList<string> HttpUrls(string html) =>
        HttpUrl().Matches(html).Select(m => m.Value).ToList();

    /// <summary>Number of non-overlapping occurrences of <paramref name="needle"/>.</summary>
    public static int Count(string html, string needle)
    {
        var count = 0;
        for (var i = html.IndexOf(needle, StringComparison.Ordinal); i >= 0; i = html.IndexOf(needle, i + needle.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    /// <summary>
    /// The outer HTML of the <c>div</c> with the given id, found by matching its <c>&lt;div</c> and
    /// <c>&lt;/div&gt;</c> tags (text content is escaped in serialized HTML, so literal tags are real tags).
    /// </summary>
    public static string DivById(string html, string id)
    {
        var start = html.IndexOf($"<div id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no <div id=\"{id}\"> in the HTML");
        var depth = 0;
        foreach (Match tag in DivTag().Matches(html, start))
        {
            depth += tag.Value.StartsWith("</", StringComparison.Ordinal) ? -1 : 1;
            if (depth == 0)
            {
                return html[start..(tag.Index + tag.Length)];
            }
        }
        Assert.Fail($"the <div id=\"{id}\"> is not closed");
        return "";
    }

    /// <summary>Contents of all elements with the given opening tag prefix (e.g. <c>&lt;section class="cell markdown-cell</c>) up to their closing tag.</summary>
    public static IReadOnlyList<string> Sections(string html, string openingPrefix, string closingTag)
    {
        var sections = new List<string>();
        for (var i = html.IndexOf(openingPrefix, StringComparison.Ordinal); i >= 0; i = html.IndexOf(openingPrefix, i + 1, StringComparison.Ordinal))
        {
            var end = html.IndexOf(closingTag, i, StringComparison.Ordinal);
            Assert.True(end > i, $"unclosed {openingPrefix}");
            sections.Add(html[i..end]);
        }
        return sections;
    }

    /// <summary>The ids of Plotly chart divs: the first argument of each <c>Plotly.newPlot('…'</c> call.</summary>
    public static IReadOnlyList<string> PlotlyChartIds(string html) =>
        NewPlot().Matches(html).Select(m => m.Groups["id"].Value).ToList();

    [GeneratedRegex("""<(?:script|link)\b[^>]*?\s(?:src|href)\s*=\s*["']?(?<url>[^"'\s>]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptOrLinkUrl();

    [GeneratedRegex("""https?://[^"'\s<>)]+""", RegexOptions.IgnoreCase)]
    private static partial Regex HttpUrl();

    [GeneratedRegex("""</?div\b[^>]*>""", RegexOptions.IgnoreCase)]
    private static partial Regex DivTag();

    [GeneratedRegex("""Plotly\.newPlot\(\s*['"](?<id>[^'"]+)['"]""")]
    private static partial Regex NewPlot();
}
