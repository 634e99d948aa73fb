using WeakToStrong.Validation;

namespace WeakToStrong.Statistics;

/// <summary>
/// The ordinary least-squares line ln y = a + b·ln x through positive data (a power law y = e^a·x^b), with the
/// classical standard errors of slope and intercept (residual variance with n − 2 degrees of freedom) and R².
/// The random-feature notebook fits the slope of ln L_ST* on ln L_TE this way (cf. Fig. 2(b) of Medvedev et al. 2025,
/// arXiv:2503.02877, whose fitted exponent lies above the 1.49 of their upper bound). Centred sums are used (x̄, ȳ
/// subtracted before forming Sxx, Sxy), which avoids cancellation.
/// </summary>
/// <param name="Slope">b, the exponent.</param>
/// <param name="SlopeStandardError">se(b) = √(σ̂²/Sxx).</param>
/// <param name="Intercept">a = ln of the prefactor.</param>
/// <param name="InterceptStandardError">se(a) = √(σ̂²(1/n + x̄²/Sxx)).</param>
/// <param name="RSquared">1 − SSE/SST (1 when all ln y are equal and fitted exactly).</param>
/// <param name="Count">n.</param>
public sealed record LogLogFit(double Slope, double SlopeStandardError, double Intercept, double InterceptStandardError, double RSquared, int Count)
{
    /// <summary>Fits ln y = a + b ln x.</summary>
    /// <param name="x">Positive, finite x values, at least 3, not all equal.</param>
    /// <param name="y">Positive, finite y values (same length).</param>
    /// <returns>The fit.</returns>
    public static LogLogFit Fit(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        Guard.AllPositive(x);
        Guard.AllPositive(y);
        Guard.SameLength(y.Count, x.Count, "x.Count", "y.Count");
        Guard.MinimumCount(x, 3, "a slope with a standard error needs n ≥ 3 points");
        var n = x.Count;
        var u = x.Select(static a => Math.Log(a)).ToArray();
        var v = y.Select(static b => Math.Log(b)).ToArray();
        var uBar = Descriptive.Mean(u);
        var vBar = Descriptive.Mean(v);
        var sxx = Descriptive.Sum(u.Select(a => (a - uBar) * (a - uBar)).ToArray());
        if (!(sxx > 0))
        {
            throw new ArgumentException("x has all values equal; a log–log slope needs at least two distinct x values.", nameof(x));
        }

        var sxy = Descriptive.Sum(Enumerable.Range(0, n).Select(i => (u[i] - uBar) * (v[i] - vBar)).ToArray());
        var syy = Descriptive.Sum(v.Select(b => (b - vBar) * (b - vBar)).ToArray());
        var slope = sxy / sxx;
        var intercept = vBar - (slope * uBar);
        var sse = Descriptive.Sum(Enumerable.Range(0, n).Select(i =>
        {
            var r = v[i] - (intercept + (slope * u[i]));
            return r * r;
        }).ToArray());
        var sigma2 = sse / (n - 2);
        var rSquared = syy > 0 ? 1 - (sse / syy) : 1.0;
        return new LogLogFit(
            slope,
            Math.Sqrt(sigma2 / sxx),
            intercept,
            Math.Sqrt(sigma2 * ((1.0 / n) + (uBar * uBar / sxx))),
            rSquared,
            n);
    }

    /// <summary>The prefactor e^a.</summary>
    public double Prefactor => Math.Exp(Intercept);

    /// <summary>The fitted power law e^a·x^b at x.</summary>
    /// <param name="x">x &gt; 0.</param>
    /// <returns>The prediction.</returns>
    public double Predict(double x)
    {
        Guard.Positive(x);
        return Math.Exp(Intercept + (Slope * Math.Log(x)));
    }
}
