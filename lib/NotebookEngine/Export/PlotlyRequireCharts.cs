using System.Text.RegularExpressions;

namespace NotebookEngine.Export;

/// <summary>
/// Makes Plotly.NET charts written in the notebook style render offline. To display in Polyglot Notebooks,
/// where plotly.js is not on the page, Plotly.NET's formatter (and a library following it) writes charts with
/// <c>PlotlyJSReference.Require</c>: the chart script loads require.js from cdnjs and asks it for plotly.js from
/// cdn.plot.ly. In the book, plotly.js is already loaded from <c>assets/</c>, so:
/// <list type="bullet">
/// <item><c>assets/plotly-require.js</c> (<see cref="JavaScript"/>), loaded right after plotly.js, defines a
/// minimal AMD <c>requirejs</c> that hands such scripts the bundled <c>Plotly</c>; the chart scripts then take
/// their "require.js already present" branch;</item>
/// <item><see cref="Localize"/> rewrites the two CDN URLs in those chart scripts to the local assets, so the
/// page holds no CDN address at all (and even the fallback branch would load local files only).</item>
/// </list>
/// Outputs that are not Plotly.NET require-style charts are left untouched.
/// </summary>
internal static partial class PlotlyRequireCharts
{
    /// <summary>File name of the stand-in under <c>assets/</c>.</summary>
    public const string FileName = "plotly-require.js";

    /// <summary>Source of <c>assets/plotly-require.js</c>.</summary>
    public const string JavaScript =
        """
        // Offline stand-in for require.js, for Plotly.NET charts written with PlotlyJSReference.Require:
        // they ask require.js for "plotly"; this hands them the plotly.js already loaded from assets/.
        (function () {
          "use strict";
          if (typeof window.requirejs === "function" && typeof window.requirejs.config === "function") {
            return;
          }
          function requireLocal(dependencies, callback) {
            var modules = [];
            for (var i = 0; i < dependencies.length; i++) {
              if (dependencies[i] !== "plotly" || typeof window.Plotly === "undefined") {
                throw new Error("Offline book: module '" + dependencies[i] + "' is not available.");
              }
              modules.push(window.Plotly);
            }
            if (typeof callback === "function") {
              callback.apply(window, modules);
            }
          }
          requireLocal.config = function () { return requireLocal; };
          window.requirejs = requireLocal;
          if (typeof window.require === "undefined") {
            window.require = requireLocal;
          }
        })();

        """;

    /// <summary>
    /// <paramref name="html"/> with the CDN URLs of Plotly.NET require-style chart scripts replaced by the local
    /// assets (relative to the page); other HTML is returned unchanged.
    /// </summary>
    public static string Localize(string html)
    {
        if (!html.Contains("fsharpPlotlyRequire", StringComparison.Ordinal))
        {
            return html;
        }

        html = PlotlyPath().Replace(html, m => m.Groups["head"].Value + AssetBundle.FolderName + "/plotly.min" + m.Groups["tail"].Value);
        return RequireLoader().Replace(html, m => m.Groups["head"].Value + AssetBundle.FolderName + "/" + FileName + m.Groups["tail"].Value);
    }

    [GeneratedRegex("""(?<head>requirejs\.config\(\s*\{\s*context\s*:\s*'fsharp-plotly'\s*,\s*paths\s*:\s*\{\s*plotly\s*:\s*')[^']*(?<tail>')""")]
    private static partial Regex PlotlyPath();

    [GeneratedRegex("""(?<head>script\.setAttribute\(\s*"src"\s*,\s*")(?:https?:)?//[^"]*/require(?:\.min)?\.js(?<tail>"\s*\))""")]
    private static partial Regex RequireLoader();
}
