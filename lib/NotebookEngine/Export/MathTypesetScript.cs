namespace NotebookEngine.Export;

/// <summary>
/// The book's <c>assets/typeset-math.js</c>: on page load it typesets, with <c>katex.render</c>, every formula
/// that <see cref="MarkdownRenderer"/> emitted inside rendered markdown (<c>.markdown span.math</c> holding
/// <c>\(…\)</c> inline; <c>.markdown div.math</c> and <c>.markdown span.math.display</c> holding <c>\[…\]</c> display). Only those elements are touched,
/// so dollar signs in code, plain-text outputs and HTML tables are never mistaken for math. Macros defined with
/// <c>\newcommand</c> or <c>\def</c> carry over from one formula to the next, as in a LaTeX document. A formula
/// KaTeX cannot parse is shown as TeX in red with the parse error as tooltip (KaTeX's <c>throwOnError: false</c>).
/// </summary>
internal static class MathTypesetScript
{
    /// <summary>The script's source.</summary>
    public const string JavaScript =
        """
        // Typesets the math of a Weak-to-Strong Notebooks HTML page with KaTeX (loaded before this script).
        (function () {
          "use strict";
          var macros = {};

          function unwrap(tex, open, close) {
            tex = tex.trim();
            if (tex.indexOf(open) === 0 && tex.lastIndexOf(close) === tex.length - close.length) {
              return tex.substring(open.length, tex.length - close.length);
            }
            return tex;
          }

          function typeset(root) {
            if (typeof katex === "undefined") {
              return;
            }
            var elements = root.querySelectorAll(".markdown span.math, .markdown div.math");
            for (var i = 0; i < elements.length; i++) {
              var element = elements[i];
              if (element.getAttribute("data-typeset") === "true") {
                continue;
              }
              var display = element.tagName === "DIV" || element.classList.contains("display");
              var tex = display
                ? unwrap(element.textContent, "\\[", "\\]")
                : unwrap(element.textContent, "\\(", "\\)");
              try {
                katex.render(tex, element, {
                  displayMode: display,
                  throwOnError: false,
                  globalGroup: true,
                  macros: macros,
                  output: "htmlAndMathml"
                });
                element.setAttribute("data-typeset", "true");
              } catch (error) {
                element.classList.add("math-error");
                element.title = String(error && error.message ? error.message : error);
              }
            }
          }

          if (document.readyState === "loading") {
            document.addEventListener("DOMContentLoaded", function () { typeset(document); });
          } else {
            typeset(document);
          }
        })();

        """;
}
