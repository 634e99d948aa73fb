using NotebookEngine.Model;

namespace NotebookEngine.Execution;

/// <summary>A cell updated a display (<c>DisplayedValue.Update</c>).</summary>
/// <param name="output">The new output; its <see cref="DisplayDataOutput.DisplayId"/> names the display it replaces.</param>
/// <param name="isInCurrentCell">True when the display belongs to the cell being executed (already replaced in its result); false when an earlier cell produced it.</param>
public sealed class DisplayUpdatedEventArgs(DisplayDataOutput output, bool isInCurrentCell) : EventArgs
{
    /// <summary>The new output, replacing the one with the same display id.</summary>
    public DisplayDataOutput Output { get; } = output;

    /// <summary>True when the display belongs to the cell being executed; false when an earlier cell produced it, whose outputs the host must update.</summary>
    public bool IsInCurrentCell { get; } = isInCurrentCell;
}
