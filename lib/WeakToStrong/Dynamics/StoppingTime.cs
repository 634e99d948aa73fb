using System.Globalization;
using WeakToStrong.Validation;

namespace WeakToStrong.Dynamics;

/// <summary>The result of an early-stopping search: the time minimising a risk along a trajectory.</summary>
/// <param name="Time">t* (in the trajectory's time units: learning rate × steps).</param>
/// <param name="Loss">The risk at t*.</param>
/// <param name="AtBoundary">True when the minimum is at an end of the searched interval (the true minimiser may lie outside it).</param>
public sealed record StoppingTime(double Time, double Loss, bool AtBoundary)
{
    /// <summary>
    /// The oracle early-stopping time t* = argmin R(t) over [t_min, t_max] for any risk curve: R is evaluated
    /// on a log-spaced grid of <paramref name="gridPoints"/> times (in one batch call), then the best grid point
    /// is refined by golden-section search in u = ln t between its two neighbours (to |Δu| ≲ 1e-10). The result
    /// is never worse than the best grid point. A risk with local minima finer than the grid may be missed; use a
    /// denser grid then. The random-feature students use a 4000-point log grid of t·λ₁ ∈ [1e-2, 1e4] by default.
    /// </summary>
    /// <param name="risks">Evaluates R at a batch of times (each ≥ t_min &gt; 0); must return one finite value per time.</param>
    /// <param name="minTime">t_min &gt; 0.</param>
    /// <param name="maxTime">t_max &gt; t_min.</param>
    /// <param name="gridPoints">Grid size, ≥ 3.</param>
    /// <returns>t*, R(t*), and whether t* is at an end of [t_min, t_max].</returns>
    public static StoppingTime Search(Func<IReadOnlyList<double>, double[]> risks, double minTime, double maxTime, int gridPoints = 400)
    {
        Guard.NotNull(risks);
        Guard.Positive(minTime);
        Guard.Positive(maxTime);
        if (!(maxTime > minTime))
        {
            throw new ArgumentOutOfRangeException(nameof(maxTime), maxTime, $"maxTime = {maxTime.ToString("R", CultureInfo.InvariantCulture)} is out of range; expected maxTime > minTime = {minTime.ToString("R", CultureInfo.InvariantCulture)}.");
        }

        Guard.AtLeast(gridPoints, 3, "the search needs a grid with interior points");
        var logMin = Math.Log(minTime);
        var logMax = Math.Log(maxTime);
        var logGrid = Enumerable.Range(0, gridPoints).Select(i => logMin + ((logMax - logMin) * i / (gridPoints - 1))).ToArray();
        var times = logGrid.Select(Math.Exp).ToArray();
        times[0] = minTime;
        times[^1] = maxTime;
        var values = Evaluate(risks, times);
        var best = 0;
        for (var i = 1; i < gridPoints; i++)
        {
            if (values[i] < values[best])
            {
                best = i;
            }
        }

        var lower = logGrid[Math.Max(best - 1, 0)];
        var upper = logGrid[Math.Min(best + 1, gridPoints - 1)];
        var (refined, refinedValue) = GoldenSection(u => Evaluate(risks, [Math.Exp(u)])[0], lower, upper);
        var atBoundary = best == 0 || best == gridPoints - 1;
        return refinedValue < values[best]
            ? new StoppingTime(Math.Exp(refined), refinedValue, atBoundary)
            : new StoppingTime(times[best], values[best], atBoundary);
    }

    /// <summary>As <see cref="Search(Func{IReadOnlyList{double}, double[]}, double, double, int)"/> for a risk evaluated one time at a time.</summary>
    /// <param name="risk">R(t), finite for t ∈ [t_min, t_max].</param>
    /// <param name="minTime">t_min &gt; 0.</param>
    /// <param name="maxTime">t_max &gt; t_min.</param>
    /// <param name="gridPoints">Grid size, ≥ 3.</param>
    /// <returns>t*, R(t*), and whether t* is at an end of [t_min, t_max].</returns>
    public static StoppingTime Search(Func<double, double> risk, double minTime, double maxTime, int gridPoints = 400)
    {
        Guard.NotNull(risk);
        return Search(times => times.Select(risk).ToArray(), minTime, maxTime, gridPoints);
    }

    private static double[] Evaluate(Func<IReadOnlyList<double>, double[]> risks, double[] times)
    {
        var values = risks(times) ?? throw new InvalidOperationException("The risk function returned null; expected one value per time.");
        if (values.Length != times.Length)
        {
            throw new InvalidOperationException($"The risk function returned {values.Length} values for {times.Length} times; expected one value per time.");
        }

        for (var i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new InvalidOperationException($"The risk at t = {times[i].ToString("R", CultureInfo.InvariantCulture)} is {values[i].ToString(CultureInfo.InvariantCulture)}; expected a finite value.");
            }
        }

        return values;
    }

    private static (double Argument, double Value) GoldenSection(Func<double, double> function, double lower, double upper)
    {
        var ratio = (Math.Sqrt(5) - 1) / 2;
        var a = lower;
        var b = upper;
        var c = b - (ratio * (b - a));
        var d = a + (ratio * (b - a));
        var fc = function(c);
        var fd = function(d);
        for (var iteration = 0; iteration < 200 && (b - a) > 1e-10 * (1 + Math.Abs(a)); iteration++)
        {
            if (fc <= fd)
            {
                b = d;
                d = c;
                fd = fc;
                c = b - (ratio * (b - a));
                fc = function(c);
            }
            else
            {
                a = c;
                c = d;
                fc = fd;
                d = a + (ratio * (b - a));
                fd = function(d);
            }
        }

        return fc <= fd ? (c, fc) : (d, fd);
    }
}
