using System.Text.RegularExpressions;

namespace NotebookEngine.Export;

/// <summary>
/// Finds what in an HTML fragment would make the browser go to the network: http(s) URLs in the
/// <c>src</c>/<c>href</c> of <c>script</c>, <c>link</c>, <c>img</c>, <c>iframe</c>, <c>source</c>, <c>video</c>
/// or <c>audio</c> elements, and http(s) URLs inside inline scripts (e.g. a chart that loads plotly.js or
/// require.js from a CDN). Ordinary hyperlinks (<c>&lt;a href&gt;</c>) are not network loads and are ignored.
/// The book reads offline, so each hit becomes a warning of the export.
/// </summary>
internal static partial class NetworkReferences
{
    /// <summary>The distinct URLs found, in order of first appearance.</summary>
    public static IReadOnlyList<string> In(string html)
    {
        var urls = new List<string>();
        foreach (Match m in LoadingAttribute().Matches(html))
        {
            urls.Add(m.Groups["url"].Value);
        }

        foreach (Match script in InlineScript().Matches(html))
        {
            foreach (Match m in Url().Matches(script.Groups["body"].Value))
            {
                urls.Add(m.Value);
            }
        }

        return urls.Distinct(StringComparer.Ordinal).ToList();
    }

    [GeneratedRegex("""<(?:script|link|img|iframe|source|video|audio|embed)\b[^>]*?\s(?:src|href|srcset|poster)\s*=\s*["']?\s*(?<url>(?:https?:)?//[^"'\s>]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex LoadingAttribute();

    [GeneratedRegex("""<script\b[^>]*>(?<body>.*?)</script\s*>""", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex InlineScript();

    [GeneratedRegex("""https?://[^"'\s<>)]+""", RegexOptions.IgnoreCase)]
    private static partial Regex Url();
}
