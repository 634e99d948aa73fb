namespace NotebookEngine.Export;

/// <summary>What <see cref="FigureSheet.Write"/> wrote.</summary>
/// <param name="SheetPath">Full path of <c>figures.html</c>.</param>
/// <param name="FiguresPerNotebook">Each notebook's title and how many charts it has, in book order.</param>
public sealed record FigureSheetResult(string SheetPath, IReadOnlyList<(string Notebook, int Figures)> FiguresPerNotebook);
