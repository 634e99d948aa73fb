namespace NotebookEngine.Export;

/// <summary>
/// The element ids of one page, kept unique. Each markdown cell is rendered as its own document, so Markdig's
/// auto-identifiers are unique only within a cell; two cells with a "Setup" heading would both get
/// <c>id="setup"</c>. Ids claimed here get a numeric suffix (<c>setup-1</c>, <c>setup-2</c>…) on collision,
/// the same scheme Markdig uses within a document.
/// </summary>
internal sealed class PageAnchors
{
    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);

    /// <summary>Claims <paramref name="id"/>, or the first free <c>id-N</c>, and returns the id claimed.</summary>
    public string Claim(string id)
    {
        if (_taken.Add(id))
        {
            return id;
        }

        for (var n = 1; ; n++)
        {
            var candidate = $"{id}-{n}";
            if (_taken.Add(candidate))
            {
                return candidate;
            }
        }
    }
}
