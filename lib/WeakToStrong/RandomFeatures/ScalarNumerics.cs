namespace WeakToStrong.RandomFeatures;

/// <summary>
/// The two scalar numerical routines the random-feature closed forms need and MathNet does not provide in the
/// required form. Internal: to be replaced by the core library's solvers once they exist.
/// </summary>
internal static class ScalarNumerics
{
    /// <summary>
    /// ln(1 + x) for x > −1 with full relative precision for small |x| (Goldberg's correction: u = 1 + x,
    /// ln(1 + x) = ln(u)·x/(u − 1)). MathNet's Log1p documents only x > 0; here x is −ηλ &lt; 0.
    /// </summary>
    public static double LogOnePlus(double x)
    {
        var u = 1.0 + x;
        if (u == 1.0)
        {
            return x;
        }

        return Math.Log(u) * x / (u - 1.0);
    }

    /// <summary>
    /// Golden-section search for the minimiser of a unimodal f on [a, b], to an absolute tolerance on the argument.
    /// Returns (argument, value); the smaller of the end values is returned if it beats every interior point visited.
    /// </summary>
    public static (double Argument, double Value) GoldenSectionMinimum(Func<double, double> f, double a, double b, double tolerance)
    {
        var invPhi = (Math.Sqrt(5.0) - 1.0) / 2.0;
        var x1 = b - invPhi * (b - a);
        var x2 = a + invPhi * (b - a);
        var f1 = f(x1);
        var f2 = f(x2);
        for (var iteration = 0; iteration < 200 && b - a > tolerance; iteration++)
        {
            if (f1 <= f2)
            {
                b = x2;
                x2 = x1;
                f2 = f1;
                x1 = b - invPhi * (b - a);
                f1 = f(x1);
            }
            else
            {
                a = x1;
                x1 = x2;
                f1 = f2;
                x2 = a + invPhi * (b - a);
                f2 = f(x2);
            }
        }

        return f1 <= f2 ? (x1, f1) : (x2, f2);
    }
}
