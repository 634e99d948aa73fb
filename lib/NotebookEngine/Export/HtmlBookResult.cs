namespace NotebookEngine.Export;

/// <summary>What <see cref="HtmlBook.Export"/> wrote.</summary>
/// <param name="IndexPath">Full path of <c>index.html</c>.</param>
/// <param name="AssetsDirectory">Full path of the <c>assets/</c> folder.</param>
/// <param name="Notebooks">One entry per exported notebook, in book order.</param>
/// <param name="MathRendered">True when KaTeX was bundled and formulas are typeset on page load.</param>
/// <param name="Warnings">Problems that did not stop the export (math left as TeX, outputs that reference the network), one line each.</param>
public sealed record HtmlBookResult(
    string IndexPath,
    string AssetsDirectory,
    IReadOnlyList<ExportedNotebook> Notebooks,
    bool MathRendered,
    IReadOnlyList<string> Warnings)
{
    /// <summary>Total number of code cells that ended with an error, over all notebooks.</summary>
    public int FailedCellCount => Notebooks.Sum(n => n.FailedCellCount);
}
