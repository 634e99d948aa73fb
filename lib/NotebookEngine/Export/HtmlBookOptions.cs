namespace NotebookEngine.Export;

/// <summary>Options of <see cref="HtmlBook.Export"/>.</summary>
public sealed record HtmlBookOptions
{
    /// <summary>Title of the book, shown on <c>index.html</c> and in each page's title. Default "Notebooks".</summary>
    public string Title { get; init; } = "Notebooks";

    /// <summary>
    /// KaTeX's <c>dist</c> folder (holding <c>katex.min.js</c>, <c>katex.min.css</c>, <c>contrib/</c>, <c>fonts/</c>).
    /// When null, the environment variable <c>W2S_KATEX_DIR</c> is used, else the first
    /// <c>environment/node_modules/katex/dist</c> found walking up from the current directory and from the
    /// application's base directory.
    /// </summary>
    public string? KatexDirectory { get; init; }

    /// <summary>
    /// When true and KaTeX cannot be found, the book is exported without math rendering (formulas stay as TeX) and
    /// <see cref="HtmlBookResult.Warnings"/> says so. When false (the default) a missing KaTeX is an error.
    /// </summary>
    public bool AllowMissingMath { get; init; }
}
