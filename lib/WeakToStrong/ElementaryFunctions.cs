namespace WeakToStrong;

/// <summary>
/// The logistic function and its inverse (<see cref="Sigmoid"/>, <see cref="Logit"/>, <see cref="LogSigmoid"/>,
/// <see cref="Softplus"/>), evaluated without overflow or cancellation, and
/// e^x − 1 and ln(1 + x) accurate to a few ulps for all x, including |x| ≪ 1 where the naive formulas lose
/// every digit (1 − e^{−λt} for small λt in gradient flow; (1 − ηλ)^s = exp(s·log1p(−ηλ)) in gradient descent).
/// Kahan's compensated forms are used: expm1(x) = (u − 1)·x/ln u with u = e^x, and
/// log1p(x) = ln(u)·x/(u − 1) with u = 1 + x (Goldberg 1991, "What every computer scientist should know about
/// floating-point arithmetic", Theorem 4). MathNet 5.0's <c>SpecialFunctions.Expm1</c> is a truncated series with
/// only about 12 correct digits near |x| = 0.01, so it is not used.
/// </summary>
public static class ElementaryFunctions
{
    /// <summary>e^x − 1.</summary>
    /// <param name="x">Any double (NaN gives NaN).</param>
    /// <returns>e^x − 1, with relative error of a few ulps.</returns>
    public static double Expm1(double x)
    {
        var u = Math.Exp(x);
        if (u == 1.0)
        {
            return x;
        }

        var um1 = u - 1.0;
        if (um1 == -1.0 || double.IsPositiveInfinity(u))
        {
            return um1;
        }

        return um1 * x / Math.Log(u);
    }

    /// <summary>ln(1 + x).</summary>
    /// <param name="x">x ≥ −1 (x = −1 gives −∞; x &lt; −1 gives NaN, as ln does).</param>
    /// <returns>ln(1 + x), with relative error of a few ulps.</returns>
    public static double Log1p(double x)
    {
        var u = 1.0 + x;
        if (u == 1.0)
        {
            return x;
        }

        if (double.IsPositiveInfinity(u) || u <= 0)
        {
            return Math.Log(u);
        }

        return Math.Log(u) * x / (u - 1.0);
    }

    /// <summary>The logistic function σ(z) = 1/(1 + e^{−z}), a probability from a logit, without overflow for either sign of z.</summary>
    /// <param name="logit">z, any double except NaN (±∞ give 1 and 0).</param>
    /// <returns>σ(z) in [0, 1].</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="logit"/> is NaN.</exception>
    public static double Sigmoid(double logit)
    {
        if (double.IsNaN(logit))
        {
            throw new ArgumentOutOfRangeException(nameof(logit), logit, "logit = NaN is not a number; expected any real logit (±∞ allowed).");
        }

        if (logit >= 0)
        {
            return 1 / (1 + Math.Exp(-logit));
        }

        var e = Math.Exp(logit);
        return e / (1 + e);
    }

    /// <summary>The logit log(p/(1 − p)) = log p − log1p(−p), the inverse of <see cref="Sigmoid"/>.</summary>
    /// <param name="probability">p in [0, 1] (0 gives −∞, 1 gives +∞).</param>
    /// <returns>logit(p).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="probability"/> is outside [0, 1] or NaN.</exception>
    public static double Logit(double probability)
    {
        if (!(probability >= 0 && probability <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(probability), probability,
                $"probability = {probability.ToString("R", System.Globalization.CultureInfo.InvariantCulture)} is out of range; expected a probability in [0, 1].");
        }

        return Math.Log(probability) - Log1p(-probability);
    }

    /// <summary>softplus(z) = log(1 + e^z) = max(z, 0) + log1p(e^{−|z|}), without overflow.</summary>
    /// <param name="x">Any double (NaN gives NaN).</param>
    /// <returns>log(1 + e^x) ≥ 0.</returns>
    public static double Softplus(double x) => Math.Max(x, 0) + Log1p(Math.Exp(-Math.Abs(x)));

    /// <summary>log σ(z) = −softplus(−z): finite for every finite z (log σ(−800) = −800, where σ underflows).</summary>
    /// <param name="logit">z, any double (NaN gives NaN).</param>
    /// <returns>log σ(z) ≤ 0.</returns>
    public static double LogSigmoid(double logit) => -Softplus(-logit);
}
