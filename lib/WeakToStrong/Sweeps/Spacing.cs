using WeakToStrong.Validation;

namespace WeakToStrong.Sweeps;

/// <summary>Evenly spaced parameter values for grids, time axes and theory curves.</summary>
public static class Spacing
{
    /// <summary><paramref name="count"/> values from <paramref name="start"/> to <paramref name="stop"/> inclusive, equally spaced (numpy/torch <c>linspace</c>).</summary>
    /// <param name="start">First value (finite).</param>
    /// <param name="stop">Last value (finite).</param>
    /// <param name="count">Number of values, ≥ 2 (1 returns [start]).</param>
    /// <returns>The values.</returns>
    public static double[] Linear(double start, double stop, int count)
    {
        Guard.Finite(start);
        Guard.Finite(stop);
        Guard.Positive(count);
        if (count == 1)
        {
            return [start];
        }

        var values = Enumerable.Range(0, count).Select(i => start + ((stop - start) * i / (count - 1))).ToArray();
        values[^1] = stop;
        return values;
    }

    /// <summary><paramref name="count"/> values from <paramref name="start"/> to <paramref name="stop"/> inclusive, equally spaced in log (numpy <c>geomspace</c>).</summary>
    /// <param name="start">First value, &gt; 0.</param>
    /// <param name="stop">Last value, &gt; 0.</param>
    /// <param name="count">Number of values, ≥ 1.</param>
    /// <returns>The values.</returns>
    public static double[] Logarithmic(double start, double stop, int count)
    {
        Guard.Positive(start);
        Guard.Positive(stop);
        var values = Linear(Math.Log(start), Math.Log(stop), count).Select(Math.Exp).ToArray();
        values[0] = start;
        values[^1] = stop;
        return values;
    }

    /// <summary>
    /// Integer grid values: <see cref="Linear"/> truncated toward zero, as <c>torch.linspace(start, stop, count, dtype=int)</c>
    /// builds the sample-size grids of paper 02 §3.1 (duplicates are kept, as torch does).
    /// </summary>
    /// <param name="start">First value.</param>
    /// <param name="stop">Last value.</param>
    /// <param name="count">Number of values, ≥ 1.</param>
    /// <returns>The values.</returns>
    public static int[] LinearIntegers(int start, int stop, int count) =>
        Linear(start, stop, count).Select(v => (int)Math.Truncate(v)).ToArray();
}
