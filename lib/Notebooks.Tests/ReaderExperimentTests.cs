using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NotebookEngine.Parameters;
using NotebookRunner;

namespace Notebooks.Tests;

/// <summary>The notebook a <see cref="ReaderExperimentTests{TNotebook}"/> class runs.</summary>
public interface IReaderNotebook
{
    /// <summary>The notebook's file name in <c>notebooks/</c>.</summary>
    static abstract string FileName { get; }
}

/// <summary>
/// What a reader does to a notebook: other seeds, the notebook's own "what to try next" suggestions, and mistakes in
/// the parameters cell. Each run goes through the runner in the real kernel, like the suite test. A seed or a
/// suggestion must run with no failing cell (the checks included: they state the papers' claims with their standard
/// errors, so another seed must not break them); an invalid integer must be reported by the validation cell, the first
/// code cell after the parameters cell, with a message that names the parameter. One class per notebook, so that
/// xunit runs the notebooks' experiments as separate collections, side by side.
/// </summary>
/// <typeparam name="TNotebook">Names the notebook.</typeparam>
[Trait("Category", "ReaderExperiments")]
public abstract partial class ReaderExperimentTests<TNotebook>
    where TNotebook : IReaderNotebook
{
    private static readonly string RepositoryRoot = NotebookDiscovery.RepositoryRoot(AppContext.BaseDirectory);

    private static string Name => TNotebook.FileName;

    /// <summary>Seeds 1, 2 and 3.</summary>
    public static TheoryData<int> Seeds() => [1, 2, 3];

    /// <summary>Every "what to try next" item of the notebook, as the parameter assignments it lists.</summary>
    public static TheoryData<string> Suggestions() => [.. SuggestionsOf(Notebook(Name))];

    [Fact]
    public void TheNotebookExists() => Assert.True(File.Exists(Path.Combine(RepositoryRoot, "notebooks", Name)), $"notebooks/{Name} is missing");

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task ANotebookRunsWithNoFailingCellAtAnotherSeed(int seed)
    {
        var name = Name;
        var (exitCode, log, executed) = await RunAsync(name, $"seed-{seed}", ["--param", $"seed={seed}"]);
        Assert.True(exitCode == RunnerCommand.Success && ExecutedNotebook.Errors(executed!).Count == 0, $"{name} at seed {seed} (exit {exitCode}):\n{log}");
    }

    [Fact]
    public void TheNotebookSuggestsThingsToTryAsParameterChanges() =>
        Assert.True(SuggestionsOf(Notebook(Name)).Count >= 3, $"{Name}: the \"What to try next\" cell lists fewer than 3 items of the form - `name=value …` …");

    [Theory]
    [MemberData(nameof(Suggestions))]
    public async Task EverySuggestionRunsWithNoFailingCell(string suggestion)
    {
        var name = Name;
        var arguments = suggestion.Split(' ', StringSplitOptions.RemoveEmptyEntries).SelectMany(a => new[] { "--param", a }).ToArray();
        var (exitCode, log, executed) = await RunAsync(name, "try-" + string.Concat(suggestion.Select(c => char.IsLetterOrDigit(c) ? c : '-')), arguments);
        Assert.True(exitCode == RunnerCommand.Success && ExecutedNotebook.Errors(executed!).Count == 0, $"{name} with `{suggestion}` (exit {exitCode}):\n{log}");
    }

    [Fact]
    public async Task InvalidIntegersAreAllReportedByTheValidationCellByName()
    {
        var name = Name;
        // Every integer parameter but the seed set to −1 in one run (a count, a size or a step number of −1 is never
        // valid): the first failing cell must be the validation cell, the first code cell after the parameters cell,
        // and its one message must name every parameter.
        var notebook = Notebook(name);
        var cells = notebook["cells"]!.AsArray().OfType<JsonNode>().ToList();
        var parametersCell = cells.FindIndex(IsParametersCell);
        var validationSource = ExecutedNotebook.Text(cells.Skip(parametersCell + 1).First(c => (string?)c["cell_type"] == "code")["source"]!);
        var parameters = IntegerParameters(notebook);
        Assert.True(parameters.Count > 0, $"{name}: the parameters cell declares no integer parameter besides the seed");
        var (failures, unnamed) = await ValidationFailuresAsync(name, "invalid-integers", parameters, validationSource);

        // A rule that depends on another parameter (d_w ≥ d_s) may be checked only once that one is valid: each
        // parameter the joint run did not name gets a run of its own.
        foreach (var parameter in unnamed)
        {
            var (alone, stillUnnamed) = await ValidationFailuresAsync(name, $"invalid-{parameter}", [parameter], validationSource);
            failures.AddRange(alone);
            failures.AddRange(stillUnnamed.Select(p => $"{p} = -1 alone: the validation cell's message does not name it"));
        }

        Assert.True(failures.Count == 0, $"{name}:\n" + string.Join("\n", failures));
    }

    /// <summary>Runs <paramref name="name"/> with <paramref name="parameters"/> at −1; returns the failures and the parameters the validation message does not name.</summary>
    private static async Task<(List<string> Failures, List<string> Unnamed)> ValidationFailuresAsync(string name, string label, IReadOnlyList<string> parameters, string validationSource)
    {
        var (exitCode, log, executed) = await RunAsync(name, label, [.. parameters.SelectMany(p => new[] { "--param", $"{p}=-1" }), "--fail-fast", "--no-html"]);
        var shown = string.Join(", ", parameters);
        if (executed is null || exitCode != RunnerCommand.CellFailed)
        {
            return ([$"{shown} at −1: exit code {exitCode}, expected a failing cell:\n{log}"], []);
        }

        // The executed copy holds the injected parameter cell too: the first failing cell must be the validation cell.
        var failing = ExecutedNotebook.CodeCells(executed).FirstOrDefault(c => c["outputs"]!.AsArray().Any(o => (string?)o!["output_type"] == "error"));
        var error = failing is null ? "" : string.Join(" ", failing["outputs"]!.AsArray().Where(o => (string?)o!["output_type"] == "error").Select(o => (string?)o!["evalue"]));
        if (failing is null || ExecutedNotebook.Text(failing["source"]!) != validationSource)
        {
            return ([$"{shown} at −1: the first failing cell is not the validation cell but '{(failing is null ? "none" : ExecutedNotebook.Text(failing["source"]!).Split('\n')[0])}': {error}"], []);
        }

        return ([], parameters.Where(p => !Regex.IsMatch(error, $@"\b{Regex.Escape(p)} = -1\b")).ToList());
    }

    private static async Task<(int ExitCode, string Log, JsonNode? Executed)> RunAsync(string name, string label, string[] arguments)
    {
        var output = Path.Combine(RepositoryRoot, "artifacts", "test-notebooks", "reader", Path.GetFileNameWithoutExtension(name), label);
        var log = new StringWriter();
        string[] common = [Path.Combine(RepositoryRoot, "notebooks", name), "--output", output];
        var exitCode = await RunnerCommand.RunAsync([.. common, .. arguments.Contains("--no-html") ? arguments : [.. arguments, "--no-html"]], log);
        var path = Path.Combine(output, name);
        return (exitCode, log.ToString(), File.Exists(path) ? JsonNode.Parse(File.ReadAllText(path)) : null);
    }

    private static JsonNode Notebook(string name) => JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot, "notebooks", name)))!;

    private static bool IsParametersCell(JsonNode cell) =>
        (string?)cell["cell_type"] == "code" && cell["metadata"]?["tags"] is JsonArray tags && tags.Any(t => (string?)t == "parameters");

    private static List<string> IntegerParameters(JsonNode notebook)
    {
        var cell = notebook["cells"]!.AsArray().OfType<JsonNode>().FirstOrDefault(IsParametersCell);
        return cell is null
            ? []
            : ParameterCellParser.Parse(ExecutedNotebook.Text(cell["source"]!))
                .Where(p => p.Type is ParameterType.Int && !p.IsArray && !p.IsConstant && p.Name != "seed")
                .Select(p => p.Name)
                .ToList();
    }

    /// <summary>The items of the markdown cell headed "What to try next" that start with `name=value …`.</summary>
    private static List<string> SuggestionsOf(JsonNode notebook)
    {
        var cell = notebook["cells"]!.AsArray().OfType<JsonNode>()
            .FirstOrDefault(c => (string?)c["cell_type"] == "markdown" && WhatToTryHeading().IsMatch(ExecutedNotebook.Text(c["source"]!)));
        if (cell is null)
        {
            return [];
        }

        var text = ExecutedNotebook.Text(cell["source"]!);
        var section = text[WhatToTryHeading().Match(text).Index..];
        var next = NextHeading().Match(section, 1);
        if (next.Success)
        {
            section = section[..next.Index];
        }

        return SuggestionItem().Matches(section).Select(m => m.Groups[1].Value.Trim()).ToList();
    }

    [GeneratedRegex(@"^#+\s*What to try next", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex WhatToTryHeading();

    [GeneratedRegex(@"^#+\s", RegexOptions.Multiline)]
    private static partial Regex NextHeading();

    [GeneratedRegex(@"^\s*[-*]\s+`([A-Za-z_][A-Za-z0-9_]*=[^`]*)`", RegexOptions.Multiline)]
    private static partial Regex SuggestionItem();
}

/// <summary>00-primer.ipynb.</summary>
public sealed class PrimerNotebook : IReaderNotebook
{
    public static string FileName => "00-primer.ipynb";
}

/// <summary>01-random-feature-networks.ipynb.</summary>
public sealed class RandomFeatureNotebook : IReaderNotebook
{
    public static string FileName => "01-random-feature-networks.ipynb";
}

/// <summary>02-intrinsic-dimension.ipynb.</summary>
public sealed class IntrinsicDimensionNotebook : IReaderNotebook
{
    public static string FileName => "02-intrinsic-dimension.ipynb";
}

/// <summary>03-bregman-bias-variance.ipynb.</summary>
public sealed class BregmanNotebook : IReaderNotebook
{
    public static string FileName => "03-bregman-bias-variance.ipynb";
}

public sealed class PrimerReaderExperiments : ReaderExperimentTests<PrimerNotebook>;

public sealed class RandomFeatureReaderExperiments : ReaderExperimentTests<RandomFeatureNotebook>;

public sealed class IntrinsicDimensionReaderExperiments : ReaderExperimentTests<IntrinsicDimensionNotebook>;

public sealed class BregmanReaderExperiments : ReaderExperimentTests<BregmanNotebook>;

/// <summary>Every notebook in <c>notebooks/</c> has a reader-experiment class, and every class a notebook.</summary>
public sealed class ReaderExperimentCoverageTests
{
    [Fact]
    public void EveryNotebookHasItsReaderExperiments()
    {
        var root = NotebookDiscovery.RepositoryRoot(AppContext.BaseDirectory);
        var notebooks = Directory.GetFiles(Path.Combine(root, "notebooks"), "*.ipynb").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);
        var covered = typeof(IReaderNotebook).Assembly.GetTypes()
            .Where(t => t.IsClass && typeof(IReaderNotebook).IsAssignableFrom(t))
            .Select(t => (string)t.GetProperty(nameof(IReaderNotebook.FileName))!.GetValue(null)!)
            .Order(StringComparer.Ordinal);
        Assert.Equal(notebooks, covered);
    }
}
