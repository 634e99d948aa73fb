using NotebookEngine.Model;

namespace NotebookEngine.Execution;

/// <summary>A cell updated (<c>DisplayedValue.Update</c>) a display that an earlier cell produced.</summary>
/// <param name="output">The new output; its <see cref="DisplayDataOutput.DisplayId"/> names the display it replaces.</param>
public sealed class DisplayUpdatedEventArgs(DisplayDataOutput output) : EventArgs
{
    /// <summary>The new output, replacing the one with the same display id.</summary>
    public DisplayDataOutput Output { get; } = output;
}
