using System.Diagnostics;

namespace WeakToStrong.Sweeps;

/// <summary>
/// Passes sweep progress as a text line to a callback, at most once per <c>minimumInterval</c> (the final report
/// always goes through). In a notebook, for a line that updates in place (after <c>using Microsoft.DotNet.Interactive;</c>):
/// <c>var line = KernelInvocationContext.Current.Display("starting…", "text/plain"); … Progress = new TextProgress(s =&gt; line.Update(s))</c>.
/// (In .NET Interactive 1.0.712001 the handle that <c>display(...)</c> returns carries a different id from the output it
/// made, so its updates reach nothing; the context's own <c>Display</c> returns a handle that works.)
/// Thread-safe; calls to the callback are serialised and never go backwards.
/// </summary>
public sealed class TextProgress : IProgress<SweepProgress>
{
    private readonly Action<string> _show;
    private readonly TimeSpan _minimumInterval;
    private readonly int _width;
    private readonly object _gate = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan _lastShown = TimeSpan.Zero;
    private int _shown = -1;

    /// <summary>Creates the reporter.</summary>
    /// <param name="show">Receives each line.</param>
    /// <param name="minimumInterval">Minimum time between lines; null means 200 ms.</param>
    /// <param name="width">Bar width in characters, ≥ 0.</param>
    public TextProgress(Action<string> show, TimeSpan? minimumInterval = null, int width = 30)
    {
        Validation.Guard.NotNull(show);
        Validation.Guard.NonNegative(width);
        _show = show;
        _minimumInterval = minimumInterval ?? TimeSpan.FromMilliseconds(200);
        _width = width;
    }

    /// <inheritdoc/>
    public void Report(SweepProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        lock (_gate)
        {
            var final = value.Completed >= value.Total;
            var now = _clock.Elapsed;
            if (value.Completed <= _shown || (!final && _shown >= 0 && now - _lastShown < _minimumInterval))
            {
                return;
            }

            _shown = value.Completed;
            _lastShown = now;
            _show(value.ToLine(_width));
        }
    }
}
