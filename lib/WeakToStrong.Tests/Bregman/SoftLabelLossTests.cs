using MathNet.Numerics.LinearAlgebra;
using WeakToStrong.Bregman;
using WeakToStrong.Randomness;
using static WeakToStrong.Tests.Bregman.TestLaws;
using static WeakToStrong.Tests.NumericAssert;

namespace WeakToStrong.Tests.Bregman;

public sealed class SoftLabelLossTests
{
    private static readonly SoftLabelLoss[] Losses =
    [
        ForwardCrossEntropyLoss.Instance,
        new ReverseCrossEntropyLoss(),
        new ReverseCrossEntropyLoss(smoothing: 0.1),
        new ConfidenceAdaptiveCrossEntropyLoss(threshold: 0.1),
        new ConfidenceAdaptiveCrossEntropyLoss(threshold: 0.1, smoothing: 0.05),
        new SymmetricCrossEntropyLoss(forwardWeight: 1, reverseWeight: 0.1),
        new SymmetricCrossEntropyLoss(forwardWeight: 0.5, reverseWeight: 2, smoothing: 0.2),
    ];

    [Fact]
    public void EveryLossGradientMatchesCentralDifferencesOfItsValue()
    {
        var random = Seeded(41);
        foreach (var loss in Losses)
        {
            for (var trial = 0; trial < 100; trial++)
            {
                var z = 12 * random.NextDouble() - 6;
                var q = random.Next(6) == 0 ? random.Next(2) : random.NextDouble();
                var numeric = CentralDifference(v => loss.Evaluate(v, q).Value, z);
                var analytic = loss.Evaluate(z, q).Gradient;
                Assert.True(Math.Abs(numeric - analytic) < 1e-7 * (1 + Math.Abs(analytic)),
                    $"{loss.Name} at z = {z}, q = {q}: analytic {analytic}, numeric {numeric}");
            }
        }
    }

    [Fact]
    public void ForwardAndReverseMatchTheirClosedForms()
    {
        var random = Seeded(42);
        for (var trial = 0; trial < 200; trial++)
        {
            double z = 10 * random.NextDouble() - 5, q = RandomProbability(random);
            var p = Sigmoid(z);
            var forward = ForwardCrossEntropyLoss.Instance.Evaluate(z, q);
            Assert.Equal(-(q * Math.Log(p) + (1 - q) * Math.Log(1 - p)), forward.Value, 1e-12);
            Assert.Equal(p - q, forward.Gradient, 1e-14);

            double epsilon = 0.1, smoothed = q * (1 - epsilon) + epsilon / 2;
            var reverse = new ReverseCrossEntropyLoss(epsilon).Evaluate(z, q);
            Assert.Equal(-(p * Math.Log(smoothed) + (1 - p) * Math.Log(1 - smoothed)), reverse.Value, 1e-12);
            Assert.Equal(-p * (1 - p) * Math.Log(smoothed / (1 - smoothed)), reverse.Gradient, 1e-12);
        }
    }

    [Fact]
    public void GradientsAgreeNearAnUncertainTeacherAndSeparateAsItBecomesConfident()
    {
        // At z = 0: dBCE/dz = ½ − q and dRBCE/dz = −¼ logit q. With q = ½ + δ, logit q = 4δ + (16/3)δ³ + (64/5)δ⁵ + …,
        // so the gradients differ by (4/3)δ³ + (16/5)δ⁵ + …: they agree to third order near ½ and separate as the
        // teacher becomes confident.
        var reverse = new ReverseCrossEntropyLoss();
        var delta = 0.01;
        var near = reverse.Evaluate(0, 0.5 + delta).Gradient - ForwardCrossEntropyLoss.Instance.Evaluate(0, 0.5 + delta).Gradient;
        Assert.Equal(-(4.0 / 3 * Math.Pow(delta, 3) + 16.0 / 5 * Math.Pow(delta, 5)), near, 1e-12);
        var far = Math.Abs(ForwardCrossEntropyLoss.Instance.Evaluate(0, 0.95).Gradient - reverse.Evaluate(0, 0.95).Gradient);
        Assert.True(far > 0.2, $"far {far}");
    }

    [Fact]
    public void HardLabelReverseLossUsesThePyTorchClamp()
    {
        var reverse = new ReverseCrossEntropyLoss();
        foreach (var z in new[] { -3.0, 0.0, 2.5 })
        {
            var p = Sigmoid(z);
            var hard = reverse.Evaluate(z, 1);
            Assert.Equal(100 * (1 - p), hard.Value, 1e-12);
            Assert.Equal(-100 * p * (1 - p), hard.Gradient, 1e-12);
        }

        // With smoothing ε the label becomes q' = 1 − ε/2 and the loss a small finite value.
        var smoothed = new ReverseCrossEntropyLoss(0.1).Evaluate(3, 1);
        var ps = Sigmoid(3);
        Assert.Equal(-(ps * Math.Log(0.95) + (1 - ps) * Math.Log(0.05)), smoothed.Value, 1e-12);
    }

    [Fact]
    public void ForwardMinimiserIsTheTeacherLabel()
    {
        foreach (var q in new[] { 0.1, 0.35, 0.5, 0.8, 0.97 })
        {
            var minimizer = PerSampleMinimizers.ForwardCrossEntropy(q);
            Assert.Equal(q, minimizer.Probability);
            Assert.Equal(CrossEntropy.Entropy(q), minimizer.Value, 1e-15);
            // Gradient p − q vanishes at z = logit q, and the value there is H(q).
            var atLogit = ForwardCrossEntropyLoss.Instance.Evaluate(Math.Log(q / (1 - q)), q).Value;
            Assert.Equal(minimizer.Value, atLogit, 1e-12);
            Assert.True(GridMinimum(p => -(q * Math.Log(p) + (1 - q) * Math.Log(1 - p))) >= minimizer.Value - 1e-12);
        }
    }

    [Fact]
    public void ReverseMinimiserIsOneHotAndIgnoresShrinkageAndTemperature()
    {
        foreach (var q in new[] { 0.1, 0.35, 0.55, 0.8, 0.97 })
        {
            var minimizer = PerSampleMinimizers.ReverseCrossEntropy(q);
            Assert.Equal(q > 0.5 ? 1 : 0, minimizer.Probability);
            Assert.Equal(-Math.Log(Math.Max(q, 1 - q)), minimizer.Value, 1e-14);
            var gridBest = GridMinimum(p => -(p * Math.Log(q) + (1 - p) * Math.Log(1 - q)));
            Assert.Equal(minimizer.Value, gridBest, 1e-14);

            var logit = Math.Log(q / (1 - q));
            foreach (var alpha in new[] { 0.1, 0.3 })
            {
                var shrunk = 0.5 + alpha * (q - 0.5);
                var tempered = Sigmoid(alpha * logit);
                Assert.Equal(minimizer.Probability, PerSampleMinimizers.ReverseCrossEntropy(shrunk).Probability);
                Assert.Equal(minimizer.Probability, PerSampleMinimizers.ReverseCrossEntropy(tempered).Probability);
                Assert.NotEqual(PerSampleMinimizers.ForwardCrossEntropy(q).Probability,
                    PerSampleMinimizers.ForwardCrossEntropy(shrunk).Probability);
            }
        }
    }

    [Fact]
    public void ConfidenceAdaptiveLossRoutesByTeacherConfidence()
    {
        var cace = new ConfidenceAdaptiveCrossEntropyLoss(0.1);
        var reverse = new ReverseCrossEntropyLoss();
        foreach (var q in new[] { 0.05, 0.3, 0.75, 0.99 })
        {
            Assert.True(cace.UsesForward(q));
            Assert.Equal(ForwardCrossEntropyLoss.Instance.Evaluate(0.7, q), cace.Evaluate(0.7, q));
        }

        foreach (var q in new[] { 0.45, 0.52, 0.58 })
        {
            Assert.False(cace.UsesForward(q));
            Assert.Equal(reverse.Evaluate(0.7, q), cace.Evaluate(0.7, q));
        }
    }

    [Fact]
    public void QuantileThresholdIsTheInterpolatedDecileOfTheConfidences()
    {
        // Confidences |q − ½| = {0.4, 0.1, 0.3, 0.05, 0.2}; sorted {0.05, 0.1, 0.2, 0.3, 0.4}.
        double[] labels = [0.9, 0.6, 0.2, 0.55, 0.7];
        Assert.Equal(0.2, ConfidenceAdaptiveCrossEntropyLoss.FromQuantile(labels, 5).Threshold, 1e-15);
        // Position 0.3·(n − 1) = 1.2: 0.1 + 0.2·(0.2 − 0.1) = 0.12.
        Assert.Equal(0.12, ConfidenceAdaptiveCrossEntropyLoss.FromQuantile(labels, 3).Threshold, 1e-14);
        Assert.Equal(0.05, ConfidenceAdaptiveCrossEntropyLoss.FromQuantile(labels, 0).Threshold, 1e-15);
        Assert.Equal(0.4, ConfidenceAdaptiveCrossEntropyLoss.FromQuantile(labels, 10).Threshold, 1e-15);

        var random = Seeded(43);
        var many = Enumerable.Range(0, 1000).Select(_ => random.NextDouble()).ToArray();
        var median = ConfidenceAdaptiveCrossEntropyLoss.FromQuantile(many, 5);
        var forward = many.Count(median.UsesForward);
        Assert.InRange(forward, 499, 501);
    }

    [Fact]
    public void BatchMeanAveragesValuesAndScalesGradients()
    {
        double[] logits = [0.3, -1.2, 2.0];
        double[] labels = [0.9, 0.4, 0.6];
        var gradient = new double[3];
        var sl = new SymmetricCrossEntropyLoss();
        var mean = sl.Mean(logits, labels, gradient);
        Assert.Equal(Enumerable.Range(0, 3).Average(i => sl.Evaluate(logits[i], labels[i]).Value), mean, 1e-14);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(sl.Evaluate(logits[i], labels[i]).Gradient / 3, gradient[i], 1e-15);
        }

        var mismatch = Assert.Throws<ArgumentException>(() => sl.Mean(logits, [0.5, 0.5], new double[3]));
        Assert.Equal("teacherProbabilities", mismatch.ParamName);
        var bad = Assert.Throws<ArgumentOutOfRangeException>(() => sl.Mean(logits, [0.5, 1.5, 0.5], new double[3]));
        Assert.Equal("teacherProbabilities[1]", bad.ParamName);
        Assert.Contains("1.5", bad.Message);
    }

    [Fact]
    public void AuxiliaryConfidenceTargetsHardenAtTheClassBalanceQuantile()
    {
        var aux = new AuxiliaryConfidenceLoss(auxCoefficient: 0.5, warmupFraction: 0.2);
        Assert.Equal(0.25, aux.CoefficientAt(0.1), 1e-15);
        Assert.Equal(0.5, aux.CoefficientAt(0.6), 1e-15);

        // Labels with mean 0.5: τ is the median of σ(z), so the two most confident students harden to 1.
        double[] logits = [2, -1, 0.5, -3];
        double[] labels = [0.8, 0.3, 0.6, 0.3];
        var coef = 0.4;
        var targets = aux.Targets(logits, labels, coef);
        double[] expected = [0.8 * 0.6 + 0.4, 0.3 * 0.6, 0.6 * 0.6 + 0.4, 0.3 * 0.6];
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(expected[i], targets[i], 1e-15);
        }

        var gradient = new double[4];
        var mean = aux.Mean(logits, labels, coef, gradient);
        var direct = Enumerable.Range(0, 4).Average(i =>
            -(expected[i] * Math.Log(Sigmoid(logits[i])) + (1 - expected[i]) * Math.Log(1 - Sigmoid(logits[i]))));
        Assert.Equal(direct, mean, 1e-13);
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal((Sigmoid(logits[i]) - expected[i]) / 4, gradient[i], 1e-15);
        }
    }

    [Fact]
    public void AuxiliaryConfidenceGradientMatchesFiniteDifferencesWithTargetsHeld()
    {
        var aux = new AuxiliaryConfidenceLoss();
        double[] logits = [1.1, -0.4, 0.2, 2.5, -1.7];
        double[] labels = [0.7, 0.2, 0.55, 0.9, 0.1];
        var targets = aux.Targets(logits, labels, 0.5);
        var gradient = new double[5];
        aux.Mean(logits, labels, 0.5, gradient);
        for (var i = 0; i < 5; i++)
        {
            var index = i;
            double Value(double z)
            {
                var shifted = (double[])logits.Clone();
                shifted[index] = z;
                return Enumerable.Range(0, 5).Average(k => ForwardCrossEntropyLoss.Instance.Evaluate(shifted[k], targets[k]).Value);
            }

            Assert.Equal(CentralDifference(Value, logits[i]), gradient[i], 1e-9);
        }
    }

    [Fact]
    public void ShrinkageIsDeterministicAndShrinksTheRequestedFraction()
    {
        var random = Seeded(44);
        var labels = Enumerable.Range(0, 101).Select(_ => random.NextDouble()).ToArray();
        var knob = new TeacherLabelShrinkage(rate: 0.5, alpha: 0.3);
        var (shrunk, indices) = knob.Apply(labels, new RandomStream(7));
        var (again, againIndices) = knob.Apply(labels, new RandomStream(7));
        Assert.Equal(shrunk, again);
        Assert.Equal(indices, againIndices);
        Assert.Equal(50, indices.Length);
        Assert.Equal(50, indices.Distinct().Count());
        Assert.NotEqual(indices, knob.Apply(labels, new RandomStream(8)).ShrunkIndices);
        var chosen = indices.ToHashSet();
        for (var i = 0; i < labels.Length; i++)
        {
            var expected = chosen.Contains(i) ? 0.5 + 0.3 * (labels[i] - 0.5) : labels[i];
            Assert.Equal(expected, shrunk[i], 1e-15);
        }

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new TeacherLabelShrinkage(1.5, 0.3));
        Assert.Equal("rate", error.ParamName);
        Assert.Contains("1.5", error.Message);
    }

    [Fact]
    public void MulticlassGradientsMatchFiniteDifferences()
    {
        var random = Seeded(45);
        for (var trial = 0; trial < 30; trial++)
        {
            var z = Vector<double>.Build.Dense(4, _ => 6 * random.NextDouble() - 3);
            var q = trial % 5 == 0 ? Vector<double>.Build.DenseOfArray([0, 0, 1, 0]) : RandomSimplexPoint(random, 4);
            var (forwardValue, forwardGradient) = MulticlassSoftLabelLoss.Forward(z, q);
            var (reverseValue, reverseGradient) = MulticlassSoftLabelLoss.Reverse(z, q);
            var p = z.PointwiseExp() / z.PointwiseExp().Sum();
            Assert.Equal(-Enumerable.Range(0, 4).Sum(k => q[k] == 0 ? 0 : q[k] * Math.Log(p[k])), forwardValue, 1e-12);
            Assert.Equal(-Enumerable.Range(0, 4).Sum(k => p[k] * Math.Max(Math.Log(q[k]), -100)), reverseValue, 1e-12);
            for (var k = 0; k < 4; k++)
            {
                var index = k;
                double Along(Func<Vector<double>, Vector<double>, (double, Vector<double>)> loss, double t)
                {
                    var moved = z.Clone();
                    moved[index] = t;
                    return loss(moved, q).Item1;
                }

                var numericForward = CentralDifference(t => Along(MulticlassSoftLabelLoss.Forward, t), z[k]);
                var numericReverse = CentralDifference(t => Along(MulticlassSoftLabelLoss.Reverse, t), z[k]);
                AssertClose(forwardGradient[k], numericForward, atol: 1e-7);
                AssertClose(reverseGradient[k], numericReverse, rtol: 1e-6, atol: 1e-6);
            }
        }
    }

    private static double GridMinimum(Func<double, double> loss) =>
        Enumerable.Range(0, 10001).Select(i => i / 10000.0).Min(loss);
}
