using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NotebookEngine.Export;
using NotebookRunner;

namespace NotebookEngine.Tests.Export;

/// <summary>
/// Every formula of the suite's markdown, as the book renders it, typesets in KaTeX (the book's own renderer, run by
/// node with <c>throwOnError</c>), and no <c>$</c> is left outside a formula: a dollar the markdown parser did not take as
/// math (<c>CACE$_c$</c> right after a letter) would print as text, with its underscore read as emphasis.
/// </summary>
public sealed partial class SuiteMathTests
{
    private static readonly string RepositoryRoot = NotebookDiscovery.RepositoryRoot(AppContext.BaseDirectory);

    public static TheoryData<string> SuiteNotebooks() => new(
        Directory.GetFiles(Path.Combine(RepositoryRoot, "notebooks"), "*.ipynb").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(SuiteNotebooks))]
    public void EveryFormulaTypesetsInKatexAndNoDollarIsLeftAsText(string name)
    {
        var notebook = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot, "notebooks", name)))!;
        var renderer = new MarkdownRenderer();
        var formulas = new List<(int Cell, string Tex, bool Display)>();
        var strayDollars = new List<string>();
        var index = 0;
        foreach (var cell in notebook["cells"]!.AsArray())
        {
            index++;
            if ((string?)cell!["cell_type"] != "markdown")
            {
                continue;
            }

            var source = cell["source"] is JsonArray lines ? string.Concat(lines.Select(l => (string?)l)) : (string?)cell["source"] ?? "";
            var html = renderer.Render(source);
            foreach (Match math in MathSpan().Matches(html))
            {
                var display = math.Groups["open"].Value == "\\[";
                formulas.Add((index, System.Net.WebUtility.HtmlDecode(math.Groups["tex"].Value), display));
            }

            var text = Code().Replace(MathSpan().Replace(html, ""), "");
            foreach (Match dollar in Dollar().Matches(text))
            {
                strayDollars.Add($"cell {index}: …{dollar.Value}…");
            }
        }

        Assert.True(strayDollars.Count == 0, $"{name}: text outside formulas still holds '$':\n{string.Join('\n', strayDollars)}");
        Assert.NotEmpty(formulas);
        var errors = KatexErrors(formulas.Select(f => (f.Tex, f.Display)).ToList());
        var report = errors.Select((error, i) => error is null ? null : $"cell {formulas[i].Cell}: {formulas[i].Tex} -> {error}").OfType<string>().ToList();
        Assert.True(report.Count == 0, $"{name}: {report.Count} of {formulas.Count} formulas fail in KaTeX:\n{string.Join('\n', report)}");
    }

    /// <summary>Runs KaTeX's renderToString (throwOnError) on each formula in one node process; null where it renders.</summary>
    private static IReadOnlyList<string?> KatexErrors(IReadOnlyList<(string Tex, bool Display)> formulas)
    {
        var katex = KatexLocator.Find(null, KatexSearch.FromProcess(), out var searched)
            ?? throw new InvalidOperationException($"KaTeX not found ({searched}); environment/setup.sh installs it");
        const string script = """
            const katex = require(process.argv[1]);
            const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));
            const out = input.map(([tex, display]) => {
              try { katex.renderToString(tex, { displayMode: display, throwOnError: true, strict: 'ignore' }); return null; }
              catch (e) { return String(e.message); }
            });
            process.stdout.write(JSON.stringify(out));
            """;
        var start = new ProcessStartInfo("node") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-e");
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(Path.Combine(katex, "katex.min.js"));
        using var node = Process.Start(start) ?? throw new InvalidOperationException("node could not be started");
        node.StandardInput.Write(JsonSerializer.Serialize(formulas.Select(f => new object[] { f.Tex, f.Display })));
        node.StandardInput.Close();
        var output = node.StandardOutput.ReadToEnd();
        var error = node.StandardError.ReadToEnd();
        node.WaitForExit();
        Assert.True(node.ExitCode == 0, $"node failed: {error}");
        return JsonSerializer.Deserialize<List<string?>>(output)!;
    }

    [GeneratedRegex(@"<(span|div) class=""math( display)?"">(?<open>\\\(|\\\[)(?<tex>.*?)(\\\)|\\\])</(span|div)>", RegexOptions.Singleline)]
    private static partial Regex MathSpan();

    [GeneratedRegex(@"<code[^>]*>.*?</code>", RegexOptions.Singleline)]
    private static partial Regex Code();

    [GeneratedRegex(@".{0,30}\$.{0,30}")]
    private static partial Regex Dollar();
}
