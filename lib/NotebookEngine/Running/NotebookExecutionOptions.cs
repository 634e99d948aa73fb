using NotebookEngine.Kernel;

namespace NotebookEngine.Running;

/// <summary>How to execute a notebook.</summary>
public sealed class NotebookExecutionOptions
{
    /// <summary>The kernel to run the cells in (the pinned .NET Interactive tool of the repository).</summary>
    public required KernelTool Kernel { get; init; }

    /// <summary>Parameter values to inject after the cell tagged <c>parameters</c> (name → value as text).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Parameters { get; init; } = [];

    /// <summary>Stop at the first failing cell (default: run every cell, as Polyglot's Run All and dotnet-repl do).</summary>
    public bool FailFast { get; init; }

    /// <summary>
    /// The longest a single cell may run, counted from its submission (the kernel's start-up is not counted);
    /// <see langword="null"/> for no limit. A cell that times out fails, the kernel is stopped and the notebook ends there.
    /// </summary>
    public TimeSpan? CellTimeout { get; init; }

    /// <summary>Called when a cell starts and when it finishes, for a front end's progress display.</summary>
    public Action<CellProgress>? OnProgress { get; init; }
}
