using MathNet.Numerics.LinearAlgebra;

namespace WeakToStrong.Bregman;

/// <summary>
/// Numerically stable functions of the cross-entropy geometry (x log x, relative-entropy terms, log-sum-exp, softmax)
/// that the core does not provide; sigmoid, logit, softplus, log σ and log(1 + x) are the core's
/// <see cref="ElementaryFunctions"/>.
/// Inputs are validated by the public callers; these functions assume a valid domain.
/// </summary>
internal static class StableFunctions
{
    /// <summary>x log x with the convention 0 log 0 = 0.</summary>
    internal static double XLogX(double x) => x == 0 ? 0 : x * Math.Log(x);

    /// <summary>
    /// The non-negative relative-entropy term a log(a/b) − a + b (b &gt; 0, a ≥ 0), so that
    /// KL(a‖b) = Σ_k term(a_k, b_k) is a sum of non-negative terms (the −a + b parts cancel on the simplex).
    /// </summary>
    internal static double RelativeEntropyTerm(double a, double b) => RelativeEntropyTerm(a, b, Math.Log(b));

    /// <summary>
    /// a log(a/b) − a + b given b and an accurate log b (which stays finite when b underflows, e.g. b = σ(−800)).
    /// Near a = b it is written as b·h(r) with r = (a − b)/b and h(r) = (1 + r) log(1 + r) − r, summed by the
    /// alternating series h(r) = Σ_{n≥2} (−1)^n r^n / (n(n − 1)) for |r| &lt; 0.05 to avoid cancellation; otherwise
    /// as a (log a − log b) − a + b.
    /// </summary>
    internal static double RelativeEntropyTerm(double a, double b, double logB)
    {
        if (a == 0)
        {
            return b;
        }

        var r = (a - b) / b;
        if (Math.Abs(r) < 0.05)
        {
            // Terms fall by a factor |r| < 0.05 each; 15 terms reach relative 1e-17.
            var power = r * r;
            double h = 0;
            for (var n = 2; n <= 16; n++)
            {
                h += (n % 2 == 0 ? 1 : -1) * power / (n * (n - 1.0));
                power *= r;
            }

            return Math.Max(b * h, 0);
        }

        return Math.Max(a * (Math.Log(a) - logB) - a + b, 0);
    }

    /// <summary>log Σ_k e^{z_k}, shifted by the maximum.</summary>
    internal static double LogSumExp(Vector<double> z)
    {
        var max = z.Maximum();
        double sum = 0;
        for (var k = 0; k < z.Count; k++)
        {
            sum += Math.Exp(z[k] - max);
        }

        return max + Math.Log(sum);
    }

    /// <summary>softmax(z)_k = e^{z_k − LSE(z)}.</summary>
    internal static Vector<double> Softmax(Vector<double> z)
    {
        var lse = LogSumExp(z);
        return z.Map(v => Math.Exp(v - lse));
    }

    /// <summary>log softmax(z)_k = z_k − LSE(z).</summary>
    internal static Vector<double> LogSoftmax(Vector<double> z)
    {
        var lse = LogSumExp(z);
        return z.Map(v => v - lse);
    }
}
