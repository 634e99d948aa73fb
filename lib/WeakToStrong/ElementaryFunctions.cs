namespace WeakToStrong;

/// <summary>
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
}
