using System.Text;
using Microsoft.DotNet.Interactive.Events;
using NotebookEngine.Model;

namespace NotebookEngine.Kernel;

/// <summary>
/// Turns the kernel's events for one submission into nbformat outputs, as the kernel's own Jupyter front end does:
/// standard output and error become <c>stream</c> outputs (consecutive writes to one stream merge), displayed and
/// returned values become <c>display_data</c> (written as VS Code does, with every MIME type the kernel formatted and
/// the kernel's display id), <c>ErrorProduced</c> goes to standard error, and <c>CommandFailed</c> becomes an
/// <c>error</c> output with the kernel's message. An update of a display of this submission replaces it in place; an
/// update of an earlier display is handed to <see cref="EarlierDisplayUpdated"/>; an update whose id matches no
/// display is dropped, as Jupyter clients do.
/// </summary>
internal sealed class KernelEventOutputs
{
    private readonly List<object> _items = [];

    /// <summary>The display updates this submission made to outputs of earlier cells, in order.</summary>
    public List<DisplayDataOutput> EarlierDisplayUpdated { get; } = [];

    /// <summary>The kernel's failure message, or null when no <c>CommandFailed</c> was seen.</summary>
    public string? FailureMessage { get; private set; }

    /// <summary>
    /// The 1-based line, in the submitted cell, of the kernel's first error diagnostic, or null. The kernel maps
    /// diagnostics back to the cell's own lines (the compiler sees the code without its magic lines), as VS Code shows them.
    /// </summary>
    public int? FirstErrorLine { get; private set; }

    /// <summary>Translates <paramref name="events"/> in order.</summary>
    public static KernelEventOutputs From(IEnumerable<KernelEvent> events)
    {
        var outputs = new KernelEventOutputs();
        foreach (var e in events)
        {
            outputs.Add(e);
        }

        return outputs;
    }

    /// <summary>Adds one event.</summary>
    public void Add(KernelEvent kernelEvent)
    {
        switch (kernelEvent)
        {
            case StandardOutputValueProduced stdout:
                Write(StreamOutput.StandardOutput, PlainText(stdout));
                break;
            case StandardErrorValueProduced stderr:
                Write(StreamOutput.StandardError, PlainText(stderr));
                break;
            case ErrorProduced error:
                Write(StreamOutput.StandardError, PlainText(error));
                break;
            case DisplayedValueUpdated updated:
                Update(new DisplayDataOutput(Data(updated), updated.ValueId));
                break;
            case DisplayedValueProduced or ReturnValueProduced:
                var display = (DisplayEvent)kernelEvent;
                if (display.FormattedValues.Count > 0)
                {
                    _items.Add(new DisplayDataOutput(Data(display), string.IsNullOrEmpty(display.ValueId) ? null : display.ValueId));
                }

                break;
            case DiagnosticsProduced diagnostics when FirstErrorLine is null:
                var firstError = diagnostics.Diagnostics.FirstOrDefault(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
                FirstErrorLine = firstError is null ? null : firstError.LinePositionSpan.Start.Line + 1;
                break;
            case CommandFailed failed:
                FailureMessage = failed.Message;
                var message = failed.Message.TrimEnd();
                _items.Add(new ErrorOutput("Error", message, message.Split('\n').Select(l => l.TrimEnd('\r')).ToList()));
                break;
        }
    }

    /// <summary>Appends an output made by the runner (a timeout or a kernel exit).</summary>
    public void Add(CellOutput output) => _items.Add(output);

    /// <summary>The outputs in order.</summary>
    public IReadOnlyList<CellOutput> ToOutputs() =>
        _items.Select(item => item switch
        {
            StreamChunk chunk => new StreamOutput(chunk.Name, chunk.Text.ToString()),
            CellOutput output => output,
            _ => throw new InvalidOperationException("Unknown output item."),
        }).ToList();

    private static Dictionary<string, string> Data(DisplayEvent display)
    {
        var data = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var value in display.FormattedValues)
        {
            data.TryAdd(value.MimeType, value.Value ?? "");
        }

        return data;
    }

    private static string PlainText(DisplayEvent display) =>
        display.FormattedValues.FirstOrDefault(v => v.MimeType == "text/plain")?.Value
        ?? display.FormattedValues.FirstOrDefault()?.Value
        ?? "";

    private void Write(string stream, string text)
    {
        if (text.Length == 0)
        {
            return;
        }

        if (_items.Count > 0 && _items[^1] is StreamChunk last && last.Name == stream)
        {
            last.Text.Append(text);
        }
        else
        {
            _items.Add(new StreamChunk(stream, new StringBuilder(text)));
        }
    }

    private void Update(DisplayDataOutput updated)
    {
        if (string.IsNullOrEmpty(updated.DisplayId))
        {
            return;
        }

        var index = _items.FindIndex(item => item is DisplayDataOutput display && display.DisplayId == updated.DisplayId);
        if (index >= 0)
        {
            _items[index] = updated;
        }
        else
        {
            EarlierDisplayUpdated.Add(updated);
        }
    }

    private sealed record StreamChunk(string Name, StringBuilder Text);
}
