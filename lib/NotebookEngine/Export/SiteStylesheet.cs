namespace NotebookEngine.Export;

/// <summary>
/// The book's stylesheet, <c>assets/book.css</c>: a single readable column, light code blocks with the execution
/// count as a prompt, outputs set off by a rule, errors in red, tables (DataFrames, markdown tables) with light
/// borders, and print rules (no navigation, cells and charts not split across pages, links printed with their URL).
/// </summary>
internal static class SiteStylesheet
{
    /// <summary>The stylesheet's source.</summary>
    public const string Css =
        """
        /* Weak-to-Strong Notebooks: HTML book stylesheet. */
        :root {
          --text: #1f2328;
          --muted: #59636e;
          --rule: #d1d9e0;
          --accent: #0b5cad;
          --code-bg: #f6f8fa;
          --output-rule: #c8d1da;
          --error: #b42318;
          --error-bg: #fef3f2;
          --ok: #1a7f37;
          --measure: 52rem;
        }

        * { box-sizing: border-box; }

        html { -webkit-text-size-adjust: 100%; }

        body {
          margin: 0;
          color: var(--text);
          background: #fff;
          font: 17px/1.6 Charter, "Bitstream Charter", "Sitka Text", Cambria, Georgia, serif;
        }

        main {
          max-width: var(--measure);
          margin: 0 auto;
          padding: 1rem 1.5rem 3rem;
        }

        h1, h2, h3, h4, h5, h6, .book-nav, .status, .prompt, .run-time, table, .index-list {
          font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
        }

        h1 { font-size: 2rem; line-height: 1.25; margin: 1.5rem 0 1rem; }
        h2 { font-size: 1.5rem; line-height: 1.3; margin: 2rem 0 0.75rem; padding-bottom: 0.25rem; border-bottom: 1px solid var(--rule); }
        h3 { font-size: 1.2rem; margin: 1.5rem 0 0.5rem; }
        h4, h5, h6 { font-size: 1rem; margin: 1.25rem 0 0.5rem; }

        a { color: var(--accent); text-decoration-thickness: 1px; text-underline-offset: 2px; }

        p, ul, ol, dl, blockquote { margin: 0 0 0.9rem; }

        blockquote { margin-left: 0; padding: 0 1rem; color: var(--muted); border-left: 3px solid var(--rule); }

        img, svg { max-width: 100%; height: auto; }

        code, pre, kbd, samp {
          font-family: ui-monospace, SFMono-Regular, "Cascadia Mono", "DejaVu Sans Mono", Menlo, Consolas, monospace;
          font-size: 0.84rem;
        }

        :not(pre) > code { background: var(--code-bg); padding: 0.1em 0.3em; border-radius: 4px; }

        pre { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; line-height: 1.45; }

        /* Navigation */
        .book-nav {
          display: flex;
          justify-content: space-between;
          gap: 1rem;
          max-width: var(--measure);
          margin: 0 auto;
          padding: 0.75rem 1.5rem;
          font-size: 0.9rem;
        }
        .book-nav.top { border-bottom: 1px solid var(--rule); }
        .book-nav.bottom { border-top: 1px solid var(--rule); }
        .book-nav a { text-decoration: none; }
        .book-nav a:hover { text-decoration: underline; }
        .book-nav .prev, .book-nav .next { flex: 1 1 0; }
        .book-nav .next { text-align: right; }
        .book-nav .home { flex: 0 0 auto; text-align: center; }

        /* Cells */
        .cell { margin: 0 0 1.1rem; }

        .code-cell { position: relative; }

        .cell-header {
          display: flex;
          justify-content: space-between;
          font-size: 0.75rem;
          color: var(--muted);
          margin-bottom: 0.15rem;
        }
        .prompt, .run-time { font-variant-numeric: tabular-nums; }

        .source {
          background: var(--code-bg);
          border: 1px solid var(--rule);
          border-radius: 6px;
          padding: 0.6rem 0.8rem;
        }

        .outputs { margin-top: 0.4rem; padding-left: 0.8rem; border-left: 3px solid var(--output-rule); }
        .output { margin: 0.35rem 0; overflow-x: auto; }
        .output pre { padding: 0.25rem 0; }
        .output.stream.stderr pre { color: var(--error); }
        .output.unsupported { color: var(--muted); font-style: italic; }

        .code-cell.failed .source { border-color: #f0b4ae; }
        .code-cell.failed .outputs { border-left-color: var(--error); }

        .output.error {
          background: var(--error-bg);
          border: 1px solid #f0b4ae;
          border-radius: 6px;
          padding: 0.5rem 0.8rem;
          color: var(--error);
        }
        .error-title { font-family: system-ui, sans-serif; font-size: 0.9rem; margin-bottom: 0.3rem; }
        .error-name { font-weight: 600; }
        .traceback { color: #7a271a; font-size: 0.78rem; }

        .raw-cell pre { color: var(--muted); }

        /* Tables: markdown tables and HTML outputs such as DataFrames */
        table { border-collapse: collapse; margin: 0.5rem 0 1rem; font-size: 0.85rem; font-variant-numeric: tabular-nums; }
        th, td { border: 1px solid var(--rule); padding: 0.3rem 0.6rem; text-align: left; vertical-align: top; }
        thead th, thead td { background: var(--code-bg); font-weight: 600; }
        tbody tr:nth-child(even) { background: #fafbfc; }

        /* Math */
        .math.math-error { color: var(--error); }
        div.math { overflow-x: auto; overflow-y: hidden; }
        .katex-display { margin: 0.8rem 0; }

        /* Charts: Plotly sets a fixed width; let wide charts scroll rather than overflow the page. */
        .output.html .js-plotly-plot, .output.html .plotly-graph-div { max-width: 100%; }

        /* Index */
        .book-summary { color: var(--muted); margin-bottom: 1.5rem; }
        .index-list { list-style: none; padding: 0; margin: 0; }
        .index-list li { display: flex; align-items: baseline; gap: 0.75rem; padding: 0.6rem 0; border-bottom: 1px solid var(--rule); }
        .index-list .number { flex: 0 0 2rem; color: var(--muted); text-align: right; font-variant-numeric: tabular-nums; }
        .index-list .entry { flex: 1 1 auto; }
        .index-list .title { font-size: 1.05rem; font-weight: 600; }
        .index-list .file { display: block; color: var(--muted); font-size: 0.8rem; }
        .status { font-size: 0.8rem; color: var(--muted); white-space: nowrap; }
        .status .ok { color: var(--ok); font-weight: 600; }
        .status .failed { color: var(--error); font-weight: 600; }

        .book-footer { color: var(--muted); font-size: 0.8rem; margin-top: 3rem; }

        @media (max-width: 40rem) {
          body { font-size: 16px; }
          main, .book-nav { padding-left: 0.8rem; padding-right: 0.8rem; }
          .index-list li { flex-wrap: wrap; }
        }

        @media print {
          @page { margin: 18mm 16mm; }
          body { font-size: 11pt; }
          main { max-width: none; padding: 0; }
          .book-nav { display: none; }
          .cell, .output, .katex-display, table, img, svg, .js-plotly-plot { break-inside: avoid; }
          h1, h2, h3 { break-after: avoid; }
          .source { border-color: #bbb; }
          .markdown a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 0.8em; color: var(--muted); }
          .modebar-container { display: none !important; }
        }

        """;
}
