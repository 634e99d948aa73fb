using System.Globalization;
using System.Text;

namespace WeakToStrong.Sweeps;

/// <summary>Progress of a running sweep.</summary>
/// <param name="Completed">Jobs finished.</param>
/// <param name="Total">Jobs in the sweep.</param>
/// <param name="Elapsed">Wall-clock time since the sweep started.</param>
public sealed record SweepProgress(int Completed, int Total, TimeSpan Elapsed)
{
    /// <summary>Completed/Total in [0, 1] (1 for an empty sweep).</summary>
    public double Fraction => Total == 0 ? 1.0 : (double)Completed / Total;

    /// <summary>Remaining time extrapolated from the average job time so far; null before the first job finishes.</summary>
    public TimeSpan? EstimatedRemaining =>
        Completed == 0 ? null : TimeSpan.FromTicks((long)(Elapsed.Ticks * (double)(Total - Completed) / Completed));

    /// <summary>A one-line text rendering, e.g. "[##########----------] 20/40 (50%) 3.1 s elapsed, ~3.1 s left".</summary>
    /// <param name="barWidth">Characters in the bar, ≥ 0 (0 omits the bar).</param>
    /// <returns>The line.</returns>
    public string ToLine(int barWidth = 30)
    {
        var builder = new StringBuilder();
        if (barWidth > 0)
        {
            var filled = (int)Math.Floor(Fraction * barWidth);
            builder.Append('[').Append('#', filled).Append('-', barWidth - filled).Append("] ");
        }

        builder.Append(CultureInfo.InvariantCulture, $"{Completed}/{Total} ({Fraction * 100:0}%) {Seconds(Elapsed)} elapsed");
        if (EstimatedRemaining is { } remaining && Completed < Total)
        {
            builder.Append(CultureInfo.InvariantCulture, $", ~{Seconds(remaining)} left");
        }

        return builder.ToString();
    }

    /// <inheritdoc cref="ToLine"/>
    public override string ToString() => ToLine();

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";
}
