using NotebookEngine.Execution;

namespace NotebookEngine.Running;

/// <summary>A failed cell of a notebook run.</summary>
/// <param name="NotebookPath">The notebook.</param>
/// <param name="CellNumber">The 1-based position of the cell in the notebook.</param>
/// <param name="Failure">Why it failed.</param>
public sealed record CellFailureReport(string NotebookPath, int CellNumber, CellFailure Failure)
{
    /// <summary>One line naming notebook, cell and line, e.g. <c>nb.ipynb: cell 4, line 2: error CS0103: ...</c>.</summary>
    public override string ToString()
    {
        var where = Failure.Line is { } line ? $"cell {CellNumber}, line {line}" : $"cell {CellNumber}";
        var message = Failure.Message.Split('\n')[0].TrimEnd('\r');
        return $"{NotebookPath}: {where}: {message}";
    }
}
