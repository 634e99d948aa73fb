namespace NotebookRunner;

/// <summary>The runner's parsed command line.</summary>
public sealed record RunnerOptions
{
    /// <summary>Notebook files or folders, as given.</summary>
    public IReadOnlyList<string> Inputs { get; init; } = [];

    /// <summary>The folder receiving the executed notebooks, or <see langword="null"/> for artifacts/notebooks under the repository root.</summary>
    public string? OutputDirectory { get; init; }

    /// <summary>Parameter values (<c>--param name=value</c>), in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Parameters { get; init; } = [];

    /// <summary>Stop at the first failing cell.</summary>
    public bool FailFast { get; init; }

    /// <summary>The per-cell time limit in seconds, or <see langword="null"/>.</summary>
    public double? TimeoutSeconds { get; init; }

    /// <summary>The folder receiving the HTML book, or <see langword="null"/> for artifacts/html under the repository root.</summary>
    public string? HtmlDirectory { get; init; }

    /// <summary>Skip the HTML export.</summary>
    public bool NoHtml { get; init; }

    /// <summary>Whether to write the book's contact sheet (every chart as a PNG, on figures.html); needs Chromium.</summary>
    public bool Figures { get; init; }

    /// <summary>Title of the HTML book's index page.</summary>
    public string HtmlTitle { get; init; } = "Weak-to-Strong Notebooks";

    /// <summary>Print the usage and exit.</summary>
    public bool ShowHelp { get; init; }
}
