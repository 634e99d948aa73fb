using NotebookEngine.Packages;

namespace NotebookEngine.Running;

/// <summary>How to execute a notebook.</summary>
public sealed class NotebookExecutionOptions
{
    /// <summary>Parameter values to inject after the cell tagged <c>parameters</c> (name → value as text).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Parameters { get; init; } = [];

    /// <summary>Stop at the first failing cell (default: run every cell, as Polyglot's Run All and dotnet-repl do).</summary>
    public bool FailFast { get; init; }

    /// <summary>The longest a single cell may run; <see langword="null"/> for no limit. A cell that times out fails and ends the notebook.</summary>
    public TimeSpan? CellTimeout { get; init; }

    /// <summary>The package restorer (default: one caching under the user's cache folder).</summary>
    public PackageRestorer? Restorer { get; init; }

    /// <summary>Called when a cell starts and when it finishes, for a front end's progress display.</summary>
    public Action<CellProgress>? OnProgress { get; init; }
}
