namespace NotebookEngine.Model;

/// <summary>One output of a code cell (nbformat <c>outputs</c> item).</summary>
public abstract record CellOutput;
