using MathNet.Numerics.LinearAlgebra;
using WeakToStrong.Bregman;

namespace WeakToStrong.Tests.Bregman;

/// <summary>Seeded random small laws and direct reference formulas shared by the Bregman tests.</summary>
internal static class TestLaws
{
    internal static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));

    /// <summary>KL(Bern a ‖ Bern b) written out term by term, 0 log 0 = 0.</summary>
    internal static double BinaryKl(double a, double b) =>
        (a > 0 ? a * Math.Log(a / b) : 0) + (a < 1 ? (1 - a) * Math.Log((1 - a) / (1 - b)) : 0);

    /// <summary>Σ_k a_k log(a_k / b_k) written out.</summary>
    internal static double Kl(Vector<double> a, Vector<double> b)
    {
        double sum = 0;
        for (var k = 0; k < a.Count; k++)
        {
            if (a[k] > 0)
            {
                sum += a[k] * Math.Log(a[k] / b[k]);
            }
        }

        return sum;
    }

    internal static double[] RandomWeights(Random random, int n)
    {
        var w = new double[n];
        for (var i = 0; i < n; i++)
        {
            w[i] = 0.05 + random.NextDouble();
        }

        return w;
    }

    /// <summary>A random probability in (0.02, 0.98).</summary>
    internal static double RandomProbability(Random random) => 0.02 + 0.96 * random.NextDouble();

    /// <summary>A random point of the open simplex in dimension k (softmax of N(0, 1) logits).</summary>
    internal static Vector<double> RandomSimplexPoint(Random random, int k)
    {
        var z = Vector<double>.Build.Dense(k, _ => 2 * random.NextDouble() - 1);
        var e = z.PointwiseExp();
        return e / e.Sum();
    }

    internal static Random Seeded(int seed) => new WeakToStrong.Randomness.RandomStream(seed);

    /// <summary>Central difference (f(x + h) − f(x − h)) / 2h.</summary>
    internal static double CentralDifference(Func<double, double> f, double x, double h = 1e-5) =>
        (f(x + h) - f(x - h)) / (2 * h);

    internal static DiscreteLaw<double> RandomBinaryLaw(Random random, int atoms) =>
        DiscreteLaw<double>.FromWeights(
            Enumerable.Range(0, atoms).Select(_ => RandomProbability(random)).ToArray(), RandomWeights(random, atoms));
}
