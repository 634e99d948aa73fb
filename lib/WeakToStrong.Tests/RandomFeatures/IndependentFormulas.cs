using System.Numerics;
using MathNet.Numerics;

namespace WeakToStrong.Tests.RandomFeatures;

/// <summary>Textbook formulas the tests compare the library against, written independently of the library's code paths.</summary>
internal static class IndependentFormulas
{
    /// <summary>
    /// Normalised Gegenbauer polynomial C_n^α(t)/C_n^α(1), α = (d−2)/2 (d ≥ 3), from the explicit sum
    /// C_n^α(t) = Σ_j (−1)^j (α)_(n−j) / (j! (n−2j)!) (2t)^(n−2j) and C_n^α(1) = (2α)_n / n!, with rising factorials
    /// formed as plain products (accurate to a few ulps for the small n used in tests).
    /// </summary>
    public static double NormalisedGegenbauer(int n, int d, double t)
    {
        var alpha = (d - 2) / 2.0;
        double Rising(double x, int count)
        {
            var product = 1.0;
            for (var i = 0; i < count; i++)
            {
                product *= x + i;
            }

            return product;
        }

        double Factorial(int m) => Rising(1.0, m);
        var sum = 0.0;
        for (var j = 0; j <= n / 2; j++)
        {
            sum += (j % 2 == 0 ? 1 : -1) * Rising(alpha, n - j) / (Factorial(j) * Factorial(n - 2 * j)) * Math.Pow(2 * t, n - 2 * j);
        }

        return sum / (Rising(2 * alpha, n) / Factorial(n));
    }

    /// <summary>Exact binomial coefficient.</summary>
    public static BigInteger Binomial(int n, int k)
    {
        if (k < 0 || k > n)
        {
            return BigInteger.Zero;
        }

        var result = BigInteger.One;
        for (var i = 1; i <= k; i++)
        {
            result = result * (n - k + i) / i;
        }

        return result;
    }

    /// <summary>
    /// Dimension of the degree-k spherical harmonics on S^(d−1) as (homogeneous polynomials of degree k) minus
    /// (those of degree k − 2): C(k+d−1, d−1) − C(k+d−3, d−1), exact.
    /// </summary>
    public static BigInteger HarmonicDimension(int k, int d) => Binomial(k + d - 1, d - 1) - Binomial(k + d - 3, d - 1);

    /// <summary>
    /// E[h(t)] for t = w·x on S^(d−1), whose density is ∝ (1 − t²)^((d−3)/2); both the integral and the normaliser are
    /// computed by double-exponential quadrature, with no gamma-function closed form.
    /// </summary>
    public static double SphereProjectionMean(Func<double, double> h, int d, double lower = -1, double upper = 1)
    {
        var exponent = (d - 3) / 2.0;
        double Density(double t) => Math.Pow(Math.Max(0.0, (1 - t) * (1 + t)), exponent);
        var normaliser = Integrate.DoubleExponential(Density, -1, 1, 1e-15);
        var integral = Integrate.DoubleExponential(t => h(t) * Density(t), lower, upper, 1e-15);
        return integral / normaliser;
    }

    /// <summary>ln of an exact big integer.</summary>
    public static double Log(BigInteger value) => BigInteger.Log(value);
}
