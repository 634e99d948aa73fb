using MathNet.Numerics.LinearAlgebra;
using WeakToStrong.Bregman;
using static WeakToStrong.Tests.Bregman.TestLaws;

namespace WeakToStrong.Tests.Bregman;

public sealed class CrossEntropyTests
{
    [Fact]
    public void MisfitEqualsReverseCrossEntropyMinusStudentEntropy()
    {
        var random = Seeded(31);
        for (var trial = 0; trial < 300; trial++)
        {
            var p = random.Next(5) == 0 ? random.Next(2) : RandomProbability(random);
            var q = RandomProbability(random);
            var reverse = -(p * Math.Log(q) + (1 - p) * Math.Log(1 - q));
            var entropy = p is 0 or 1 ? 0 : -(p * Math.Log(p) + (1 - p) * Math.Log(1 - p));
            Assert.Equal(reverse, CrossEntropy.Reverse(p, q), 1e-13);
            Assert.Equal(entropy, CrossEntropy.Entropy(p), 1e-14);
            Assert.Equal(CrossEntropy.Reverse(p, q) - CrossEntropy.Entropy(p), CrossEntropy.Misfit(p, q), 1e-13);
            Assert.Equal(BinaryKl(p, q), CrossEntropy.Misfit(p, q), 1e-13);

            Vector<double> s = RandomSimplexPoint(random, 4), t = RandomSimplexPoint(random, 4);
            Assert.Equal(CrossEntropy.Reverse(s, t) - CrossEntropy.Entropy(s), CrossEntropy.Misfit(s, t), 1e-13);
            Assert.Equal(Kl(s, t), CrossEntropy.Misfit(s, t), 1e-13);
        }
    }

    [Fact]
    public void ForwardCrossEntropyIsEntropyPlusKl()
    {
        var random = Seeded(32);
        for (var trial = 0; trial < 200; trial++)
        {
            double a = random.NextDouble(), b = RandomProbability(random);
            Assert.Equal(CrossEntropy.Entropy(a) + BinaryKl(a, b), CrossEntropy.Forward(student: b, teacher: a), 1e-13);
            Vector<double> x = RandomSimplexPoint(random, 3), y = RandomSimplexPoint(random, 3);
            Assert.Equal(CrossEntropy.Entropy(x) + Kl(x, y), CrossEntropy.Forward(student: y, teacher: x), 1e-13);
        }

        Assert.Equal(Math.Log(2), CrossEntropy.Entropy(0.5), 1e-15);
        Assert.Equal(Math.Log(3), CrossEntropy.Entropy(Vector<double>.Build.Dense(3, 1.0 / 3)), 1e-14);
    }

    [Fact]
    public void EntropyRejectsProbabilitiesOutsideTheUnitInterval()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => CrossEntropy.Entropy(1.25));
        Assert.Equal("probability", error.ParamName);
        Assert.Contains("1.25", error.Message);
        Assert.Contains("[0, 1]", error.Message);
        var teacher = Assert.Throws<ArgumentOutOfRangeException>(() => CrossEntropy.Reverse(0.3, 0));
        Assert.Equal("teacher", teacher.ParamName);
    }
}
