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
    /// builds the sample-size grids of the synthetic
    /// experiments in the authors' code for Dong et al. 2025 (arXiv:2502.05075). Where torch would repeat a value (more
    /// points than integers in
    /// the range), this refuses: a repeated grid point silently doubles a sweep's trials at that point.
    /// </summary>
    /// <param name="start">First value.</param>
    /// <param name="stop">Last value.</param>
    /// <param name="count">Number of values, ≥ 1, small enough that no two truncate to the same integer (count ≤ |stop − start| + 1 for ranges that do not cross 0).</param>
    /// <returns>The values, all distinct.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Two values would be the same integer.</exception>
    public static int[] LinearIntegers(int start, int stop, int count)
    {
        var values = Linear(start, stop, count).Select(v => (int)Math.Truncate(v)).ToArray();
        for (var i = 1; i < values.Length; i++)
        {
            if (values[i] == values[i - 1])
            {
                throw new ArgumentOutOfRangeException(
                    nameof(count),
                    count,
                    $"count = {count} integers from {start} to {stop} would repeat {values[i]}; expected count <= {Math.Abs((long)stop - start) + 1} distinct values.");
            }
        }

        return values;
    }
}
