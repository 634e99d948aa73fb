using System.Text;
using NotebookEngine.Formatting;
using NotebookEngine.Model;
using NotebookKernelApi;

namespace NotebookEngine.Execution;

/// <summary>
/// Collects the outputs of one cell in the order they happen: console text (consecutive writes to one stream merge into
/// one <see cref="StreamOutput"/>) and displayed values. As the cell's <see cref="IDisplaySink"/>, it formats displayed values;
/// every new output and every update is also reported live (for a front end that streams outputs), and an update of a
/// display made by an earlier cell is reported as not applied here.
/// </summary>
/// <param name="produced">Called with each console write (as a <see cref="StreamOutput"/> of that text) and each new display.</param>
/// <param name="updated">Called with each updated display; the flag is true when the display was in this cell and was replaced here.</param>
internal sealed class CellOutputCollector(Action<CellOutput> produced, Action<DisplayDataOutput, bool> updated) : IDisplaySink
{
    private readonly Lock _lock = new();
    private readonly List<object> _items = [];
    private bool _completed;

    /// <summary>Appends console text to the stream <paramref name="stream"/>.</summary>
    public void Write(string stream, string text)
    {
        lock (_lock)
        {
            if (_items.Count > 0 && _items[^1] is StreamChunk last && last.Name == stream)
            {
                last.Text.Append(text);
            }
            else
            {
                _items.Add(new StreamChunk(stream, new StringBuilder(text)));
            }
        }

        produced(new StreamOutput(stream, text));
    }

    /// <summary>Appends a finished output.</summary>
    public void Add(CellOutput output)
    {
        lock (_lock)
        {
            _items.Add(output);
        }

        produced(output);
    }

    /// <inheritdoc />
    public PublishedDisplay Publish(object? value, IReadOnlyList<string> mimeTypes)
    {
        var displayId = Guid.NewGuid().ToString("N");
        var data = ValueFormatter.Format(value, mimeTypes);
        Add(new DisplayDataOutput(data, displayId));
        return new PublishedDisplay(displayId, [.. data.Keys]);
    }

    /// <inheritdoc />
    public void Update(string displayId, object? value, IReadOnlyList<string> mimeTypes)
    {
        var output = new DisplayDataOutput(ValueFormatter.Format(value, mimeTypes), displayId);
        var replacedHere = false;
        lock (_lock)
        {
            if (!_completed)
            {
                var index = _items.FindIndex(item => item is DisplayDataOutput display && display.DisplayId == displayId);
                if (index >= 0)
                {
                    _items[index] = output;
                    replacedHere = true;
                }
            }
        }

        updated(output, replacedHere);
    }

    /// <summary>The outputs so far; after <paramref name="complete"/>, later updates are forwarded to the session.</summary>
    public IReadOnlyList<CellOutput> ToOutputs(bool complete)
    {
        lock (_lock)
        {
            _completed |= complete;
            return _items.Select(item => item switch
            {
                StreamChunk chunk => new StreamOutput(chunk.Name, chunk.Text.ToString()),
                CellOutput output => output,
                _ => throw new InvalidOperationException("Unknown output item."),
            }).ToList();
        }
    }

    private sealed record StreamChunk(string Name, StringBuilder Text);
}
