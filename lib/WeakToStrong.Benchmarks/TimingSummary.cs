using System.Globalization;

namespace WeakToStrong.Benchmarks;

/// <summary>How the side-by-side commands summarise repeated timings and the machine's load.</summary>
internal static class TimingSummary
{
    /// <summary>The median of the timings (mean of the two middle values for an even count).</summary>
    public static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>Seconds as "median (min)", or the single value, to three significant digits.</summary>
    public static string Format(double[] seconds) =>
        seconds.Length == 1
            ? seconds[0].ToString("G3", CultureInfo.InvariantCulture)
            : $"{Median(seconds).ToString("G3", CultureInfo.InvariantCulture)} ({seconds.Min().ToString("G3", CultureInfo.InvariantCulture)})";

    /// <summary>The 1, 5 and 15 minute load averages from /proc/loadavg, or "n/a" where it cannot be read.</summary>
    public static string LoadAverage()
    {
        try
        {
            return string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "n/a";
        }
    }
}
