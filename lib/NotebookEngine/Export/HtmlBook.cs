namespace NotebookEngine.Export;

/// <summary>
/// Exports executed notebooks as an offline HTML book: one page per notebook, an index, and an <c>assets/</c>
/// folder with everything the pages load (plotly.js, KaTeX, stylesheet). No page loads anything from the
/// network; the only http(s) URLs are the links the notebooks' own markdown contains (and whatever outputs
/// embed, which the result reports as warnings).
/// </summary>
public static class HtmlBook
{
    /// <summary>
    /// Writes <c>&lt;notebook-name&gt;.html</c> for each notebook, <c>index.html</c> linking them in the given
    /// order, and <c>assets/</c>, into <paramref name="outputDirectory"/> (created if needed; existing files of the
    /// same names are replaced atomically, other files are left alone).
    /// </summary>
    /// <param name="executedNotebookPaths">Executed nbformat-4 .ipynb files, in book order; names must be distinct.</param>
    /// <param name="outputDirectory">Folder that receives the book.</param>
    /// <param name="options">Export options; defaults when null.</param>
    /// <returns>The written files, each notebook's status, and warnings.</returns>
    /// <exception cref="ArgumentException">No notebooks, an empty path, duplicate notebook names, a notebook named <c>index</c>, or an empty title.</exception>
    /// <exception cref="HtmlBookException">A notebook cannot be read, or KaTeX is not installed (run <c>environment/setup.sh</c>) and
    /// <see cref="HtmlBookOptions.AllowMissingMath"/> is false.</exception>
    public static HtmlBookResult Export(IReadOnlyList<string> executedNotebookPaths, string outputDirectory, HtmlBookOptions? options = null) =>
        ExportWith(KatexSearch.FromProcess(), executedNotebookPaths, outputDirectory, options);

    /// <summary><see cref="Export(IReadOnlyList{string}, string, HtmlBookOptions?)"/> with a given KaTeX search (tests).</summary>
    internal static HtmlBookResult ExportWith(KatexSearch katexSearch, IReadOnlyList<string> executedNotebookPaths, string outputDirectory, HtmlBookOptions? options)
    {
        ArgumentNullException.ThrowIfNull(executedNotebookPaths);
        ArgumentException.ThrowIfNullOrWhiteSpace(outputDirectory);
        options ??= new HtmlBookOptions();
        if (string.IsNullOrWhiteSpace(options.Title))
        {
            throw new ArgumentException($"The book title must not be empty; got '{options.Title}'.", nameof(options));
        }

        if (executedNotebookPaths.Count == 0)
        {
            throw new ArgumentException("At least one executed notebook is needed to export an HTML book; the list is empty.", nameof(executedNotebookPaths));
        }

        for (var i = 0; i < executedNotebookPaths.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(executedNotebookPaths[i]))
            {
                throw new ArgumentException($"Notebook path #{i + 1} is empty.", nameof(executedNotebookPaths));
            }
        }

        var notebooks = executedNotebookPaths.Select(ExecutedNotebookReader.Read).ToList();
        CheckPageNames(notebooks, nameof(executedNotebookPaths));

        var warnings = new List<string>();
        var katex = KatexLocator.Find(options.KatexDirectory, katexSearch, out var searched);
        if (katex is null)
        {
            var message = $"KaTeX was not found (looked for {searched}); run environment/setup.sh to install it";
            if (!options.AllowMissingMath)
            {
                throw new HtmlBookException(message + ".");
            }

            warnings.Add(message + "; math is left as TeX.");
        }

        var output = Path.GetFullPath(outputDirectory);
        Directory.CreateDirectory(output);
        var assets = AssetBundle.Write(output, katex);

        var markdown = new MarkdownRenderer();
        var page = new NotebookPage(markdown, new OutputRenderer(markdown));
        var titles = notebooks.Select(n => Title(n, markdown)).ToList();
        // The index and the neighbours' navigation show a notebook's first heading as sanitized inline HTML (math and code kept).
        var links = notebooks.Select((n, i) => new PageLink(NotebookPage.Href(n), titles[i].Html)).ToList();

        var exported = new List<ExportedNotebook>(notebooks.Count);
        for (var i = 0; i < notebooks.Count; i++)
        {
            var notebook = notebooks[i];
            var summary = Summary(notebook, Path.Combine(output, NotebookPage.FileName(notebook)), titles[i].Text);
            var content = page.Content(notebook, summary);
            warnings.AddRange(OfflineWarnings(notebook, markdown));
            var navigation = NotebookPage.Navigation(i > 0 ? links[i - 1] : null, i + 1 < links.Count ? links[i + 1] : null);
            var document = PageTemplate.Render($"{titles[i].Text} · {options.Title}", navigation, content, assets, includePlotly: true);
            AtomicFile.WriteAllText(summary.PagePath, document);
            exported.Add(summary);
        }

        var entries = exported.Select((e, i) => new IndexPage.Entry(links[i].Href, links[i].TitleHtml, e)).ToList();
        var indexPath = Path.Combine(output, "index.html");
        AtomicFile.WriteAllText(indexPath, PageTemplate.Render(options.Title, null, IndexPage.Content(options.Title, entries), assets, includePlotly: false));

        return new HtmlBookResult(indexPath, Path.Combine(output, AssetBundle.FolderName), exported, assets.HasMath, warnings);
    }

    private static void CheckPageNames(IReadOnlyList<ExecutedNotebook> notebooks, string parameter)
    {
        foreach (var notebook in notebooks)
        {
            if (string.Equals(notebook.Name, "index", StringComparison.OrdinalIgnoreCase))
            {
                throw new ArgumentException($"Notebook '{notebook.Path}' would be written as index.html, which is the book's contents page; rename the notebook.", parameter);
            }
        }
        var duplicate = notebooks.GroupBy(n => n.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException(
                $"Notebooks {string.Join(" and ", duplicate.Select(n => $"'{n.Path}'"))} would both be written as {duplicate.First().Name}.html; notebook names must be distinct.",
                parameter);
        }
    }

    private static (string Text, string Html) Title(ExecutedNotebook notebook, MarkdownRenderer markdown)
    {
        foreach (var cell in notebook.Cells.OfType<MarkdownCell>())
        {
            if (markdown.FirstHeading(cell.Source) is { } heading)
            {
                return heading;
            }
        }

        return (notebook.Name, OutputRenderer.Escape(notebook.Name));
    }

    private static ExportedNotebook Summary(ExecutedNotebook notebook, string pagePath, string title)
    {
        var code = notebook.Cells.OfType<CodeCell>().ToList();
        var times = code.Where(c => c.RunTime.HasValue).Select(c => c.RunTime!.Value).ToList();
        return new ExportedNotebook(
            notebook.Path,
            pagePath,
            title,
            notebook.Cells.Count,
            code.Count,
            code.Count(c => c.Failed),
            times.Count > 0 ? times.Aggregate(TimeSpan.Zero, (a, b) => a + b) : null);
    }

    private static IEnumerable<string> OfflineWarnings(ExecutedNotebook notebook, MarkdownRenderer markdown)
    {
        for (var i = 0; i < notebook.Cells.Count; i++)
        {
            var fragments = notebook.Cells[i] switch
            {
                CodeCell cell => cell.Outputs.OfType<RichOutput>().Select(o => o.MimeBundle.GetValueOrDefault("text/html")).OfType<string>().Select(PlotlyRequireCharts.Localize),
                MarkdownCell cell when cell.Source.Contains("//", StringComparison.Ordinal) => [markdown.Render(cell.Source, cell.Attachments)],
                _ => [],
            };
            foreach (var url in fragments.SelectMany(NetworkReferences.In).Distinct(StringComparer.Ordinal))
            {
                yield return $"{Path.GetFileName(notebook.Path)}, cell {i + 1}: loads {url}, which will not display offline.";
            }
        }
    }
}
