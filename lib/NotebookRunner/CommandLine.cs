using System.Globalization;

namespace NotebookRunner;

/// <summary>Parses the runner's arguments and holds its usage text.</summary>
public static class CommandLine
{
    /// <summary>The longest <c>--timeout-seconds</c> accepted: one day.</summary>
    public const int MaximumTimeoutSeconds = 86_400;

    /// <summary>The usage text printed by <c>--help</c>.</summary>
    public const string Usage = """
        Usage: NotebookRunner <notebook.ipynb | folder>... [options]

        Executes Polyglot notebooks (.NET Interactive .ipynb) headlessly in the real .NET Interactive kernel (the
        dotnet-interactive global tool at the version in environment/dotnet-interactive.version, started over stdio as
        VS Code starts it) and writes
        executed copies.
        Folders expand to their *.ipynb files, sorted by path (skipping *.executed.ipynb and artifacts/).

        Options:
          --output <dir>           Folder for the executed notebooks (default: artifacts/notebooks under the repository root).
          --param <name=value>     Set a variable of the cell tagged "parameters" (repeatable). Arrays: comma-separated values.
          --html <dir>             Folder for the HTML book (default: artifacts/html under the repository root).
          --html-title <text>      Title of the HTML book (default: Weak-to-Strong Notebooks).
          --no-html                Do not export the HTML book.
          --figures                Also write the book's contact sheet: every chart as a PNG (rendered by plotly.js in
                                   headless Chromium) under <html>/figures/, all shown on <html>/figures.html.
          --fail-fast              Stop at the first failing cell.
          --timeout-seconds <n>    Fail a cell that runs longer than n seconds, 0 < n <= 86400 (kernel start, the C#
                                   compiler's warm-up and the cell's package restores are not counted): the kernel is
                                   stopped and that notebook ends.
          --help                   Show this help.

        Exit codes: 0 every cell succeeded; 1 a cell failed; 2 bad usage or bad input; 3 the kernel could not be started;
        130 cancelled (Ctrl-C, SIGTERM; the copy of the cells that ran is written).
        """;

    /// <summary>Parses <paramref name="args"/>.</summary>
    /// <exception cref="UsageException">An option is unknown, lacks its value, or has an invalid value; or no notebook is given.</exception>
    public static RunnerOptions Parse(IReadOnlyList<string> args)
    {
        var inputs = new List<string>();
        var parameters = new List<KeyValuePair<string, string>>();
        string? output = null;
        double? timeout = null;
        var failFast = false;
        string? html = null;
        string? htmlTitle = null;
        var noHtml = false;
        var figures = false;
        for (var i = 0; i < args.Count; i++)
        {
            var (name, inlineValue) = SplitOption(args[i]);
            switch (name)
            {
                case "--help" or "-h" or "-?":
                    return new RunnerOptions { ShowHelp = true };
                case "--output" or "-o":
                    output = ValueOf(name, inlineValue, args, ref i);
                    break;
                case "--param" or "-p":
                    parameters.Add(ParseParameter(ValueOf(name, inlineValue, args, ref i)));
                    break;
                case "--html":
                    html = ValueOf(name, inlineValue, args, ref i);
                    break;
                case "--html-title":
                    htmlTitle = ValueOf(name, inlineValue, args, ref i);
                    if (string.IsNullOrWhiteSpace(htmlTitle))
                    {
                        throw new UsageException("--html-title needs a non-empty title.");
                    }

                    break;
                case "--no-html":
                    noHtml = true;
                    break;
                case "--figures":
                    figures = true;
                    break;
                case "--fail-fast":
                    failFast = true;
                    break;
                case "--timeout-seconds":
                    var text = ValueOf(name, inlineValue, args, ref i);
                    if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || !(seconds > 0) || seconds > MaximumTimeoutSeconds)
                    {
                        throw new UsageException($"--timeout-seconds must be a number of seconds in (0, {MaximumTimeoutSeconds}] (one day), got '{text}'.");
                    }

                    timeout = seconds;
                    break;
                default:
                    if (name.StartsWith('-') && name.Length > 1)
                    {
                        throw new UsageException($"Unknown option '{args[i]}' (see --help).");
                    }

                    inputs.Add(args[i]);
                    break;
            }
        }

        if (noHtml && html is not null)
        {
            throw new UsageException("--html and --no-html contradict each other.");
        }

        if (noHtml && figures)
        {
            throw new UsageException("--figures renders the HTML book's charts; it cannot be combined with --no-html.");
        }

        if (inputs.Count == 0)
        {
            throw new UsageException("No notebook given (usage: NotebookRunner <notebook.ipynb | folder>... [options]; see --help).");
        }

        return new RunnerOptions
        {
            Inputs = inputs,
            OutputDirectory = output,
            Parameters = parameters,
            FailFast = failFast,
            TimeoutSeconds = timeout,
            HtmlDirectory = html,
            NoHtml = noHtml,
            Figures = figures,
            HtmlTitle = htmlTitle ?? "Weak-to-Strong Notebooks",
        };
    }

    private static (string Name, string? InlineValue) SplitOption(string arg)
    {
        if (arg.StartsWith("--", StringComparison.Ordinal) && arg.IndexOf('=', StringComparison.Ordinal) is var equals and > 2)
        {
            return (arg[..equals], arg[(equals + 1)..]);
        }

        return (arg, null);
    }

    private static string ValueOf(string name, string? inlineValue, IReadOnlyList<string> args, ref int i)
    {
        if (inlineValue is not null)
        {
            return inlineValue;
        }

        if (i + 1 >= args.Count)
        {
            throw new UsageException($"Option {name} needs a value (see --help).");
        }

        return args[++i];
    }

    private static KeyValuePair<string, string> ParseParameter(string text)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            throw new UsageException($"--param expects name=value, got '{text}'.");
        }

        return new(text[..equals].Trim(), text[(equals + 1)..]);
    }
}
