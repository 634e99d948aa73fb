namespace WeakToStrong.Sweeps;

/// <summary>
/// Renders sweep progress as a bar on one console line (rewritten with '\r'), ending the line when the sweep
/// completes. Thread-safe: reports may arrive from worker threads in any order; an older report never overwrites
/// a newer one.
/// </summary>
public sealed class ConsoleProgressBar : IProgress<SweepProgress>
{
    private readonly TextWriter _writer;
    private readonly int _width;
    private readonly object _gate = new();
    private int _shown = -1;

    /// <summary>Creates the renderer.</summary>
    /// <param name="writer">Where to write; null means <see cref="Console.Out"/>.</param>
    /// <param name="width">Bar width in characters, ≥ 0.</param>
    public ConsoleProgressBar(TextWriter? writer = null, int width = 30)
    {
        Validation.Guard.NonNegative(width);
        _writer = writer ?? Console.Out;
        _width = width;
    }

    /// <inheritdoc/>
    public void Report(SweepProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        lock (_gate)
        {
            if (value.Completed <= _shown)
            {
                return;
            }

            _shown = value.Completed;
            _writer.Write("\r" + value.ToLine(_width));
            if (value.Completed >= value.Total)
            {
                _writer.WriteLine();
            }

            _writer.Flush();
        }
    }
}
