using System.Runtime.CompilerServices;

// The export tests reach the KaTeX search seam (HtmlBook.Export with a KatexSearch) to check the
// "KaTeX not installed" paths without changing the test process's environment or folders.
[assembly: InternalsVisibleTo("NotebookEngine.Tests")]
