using MathNet.Numerics.LinearAlgebra;
using WeakToStrong.Bregman;
using WeakToStrong.Randomness;
using static WeakToStrong.Tests.Bregman.TestLaws;
using static WeakToStrong.Tests.NumericAssert;

namespace WeakToStrong.Tests.Bregman;

public sealed class StudentTrainingTests
{
    [Fact]
    public void AdamFirstTwoStepsMatchTheUpdateWrittenOut()
    {
        var settings = new AdamSettings(LearningRate: 0.1, Steps: 2, Beta1: 0.9, Beta2: 0.999, Epsilon: 1e-8);
        var adam = new AdamOptimizer(2, settings);
        double[] theta = [1.0, -2.0];
        double[] g1 = [3.0, -0.5];
        adam.Step(theta, g1);
        // Step 1: m̂ = g, v̂ = g², so θ moves by −η·g/(|g| + ε).
        Assert.Equal(1.0 - (0.1 * 3.0 / (3.0 + 1e-8)), theta[0], 1e-15);
        Assert.Equal(-2.0 + (0.1 * 0.5 / (0.5 + 1e-8)), theta[1], 1e-15);

        double[] g2 = [-1.0, 2.0];
        var before = (double[])theta.Clone();
        adam.Step(theta, g2);
        for (var k = 0; k < 2; k++)
        {
            var m = (0.9 * 0.1 * g1[k]) + (0.1 * g2[k]);
            var v = (0.999 * 0.001 * g1[k] * g1[k]) + (0.001 * g2[k] * g2[k]);
            var expected = before[k] - (0.1 * (m / (1 - (0.9 * 0.9))) / (Math.Sqrt(v / (1 - (0.999 * 0.999))) + 1e-8));
            Assert.Equal(expected, theta[k], 1e-14);
        }

        Assert.Equal(2, adam.StepsTaken);
    }

    [Fact]
    public void AdamReachesTheMinimumOfAConvexQuadratic()
    {
        // f(θ) = ½ Σ a_k (θ_k − c_k)², minimum at θ = c.
        double[] a = [1.0, 10.0, 0.1];
        double[] c = [2.0, -1.0, 0.5];
        var adam = new AdamOptimizer(3, new AdamSettings(LearningRate: 0.01));
        var theta = new double[3];
        var gradient = new double[3];
        for (var step = 0; step < 20000; step++)
        {
            for (var k = 0; k < 3; k++)
            {
                gradient[k] = a[k] * (theta[k] - c[k]);
            }

            adam.Step(theta, gradient);
        }

        for (var k = 0; k < 3; k++)
        {
            Assert.True(Math.Abs(theta[k] - c[k]) < 1e-6, $"θ[{k}] = {theta[k]}, optimum {c[k]}");
        }
    }

    [Fact]
    public void ForwardCrossEntropyStudentRecoversARealisableLogisticTeacher()
    {
        // Soft labels q_i = σ(w₀ᵀx_i + b₀): forward CE is minimised where p_i = q_i for all i, i.e. at (w₀, b₀).
        var random = new RandomStream(3);
        var x = random.NextGaussianMatrix(300, 3);
        double[] w0 = [1.5, -0.7, 0.3];
        const double b0 = 0.4;
        var q = Enumerable.Range(0, 300).Select(i => Sigmoid((x.Row(i) * Vector<double>.Build.DenseOfArray(w0)) + b0)).ToArray();
        var fit = LogisticStudentTraining.Train(x, q, StudentLoss.ForwardCrossEntropy, new AdamSettings(LearningRate: 0.05, Steps: 4000));
        for (var k = 0; k < 3; k++)
        {
            Assert.True(Math.Abs(fit.Student.Weights[k] - w0[k]) < 1e-5, $"w[{k}] = {fit.Student.Weights[k]}, expected {w0[k]}");
        }

        Assert.True(Math.Abs(fit.Student.Bias - b0) < 1e-5, $"b = {fit.Student.Bias}");
        // At the optimum the loss equals the mean teacher entropy and the misfit is 0.
        var entropy = q.Average(p => -(p * Math.Log(p)) - ((1 - p) * Math.Log(1 - p)));
        Assert.Equal(entropy, fit.Curve[^1].Loss, 1e-9);
        AssertBelow(fit.Curve[^1].Misfit, 1e-10);
    }

    [Fact]
    public void CurveStartsAtTheZeroStudentAndIsRecordedOnSchedule()
    {
        var random = new RandomStream(5);
        var x = random.NextGaussianMatrix(50, 2);
        var q = Enumerable.Range(0, 50).Select(_ => 0.05 + (0.9 * random.NextDouble())).ToArray();
        var truth = q.Select(v => v > 0.5 ? 1 : 0).ToArray();
        var fit = LogisticStudentTraining.Train(x, q, StudentLoss.ReverseCrossEntropy(), new AdamSettings(Steps: 25), recordEvery: 10, truth: truth);
        Assert.Equal([0, 10, 20, 25], fit.Curve.Select(r => r.Step));
        var first = fit.Curve[0];
        // p = ½ everywhere: RCE = −½(log q + log(1 − q)), entropy log 2, misfit KL(½ ‖ q), accuracy counts ties as class 1.
        Assert.Equal(q.Average(v => -0.5 * (Math.Log(v) + Math.Log(1 - v))), first.Loss, 1e-12);
        Assert.Equal(Math.Log(2), first.MeanEntropy, 1e-14);
        Assert.Equal(q.Average(v => BinaryKl(0.5, v)), first.Misfit, 1e-12);
        Assert.Equal(truth.Average(), first.Accuracy!.Value, 1e-15);
    }

    [Fact]
    public void TrainingIsDeterministic()
    {
        var random = new RandomStream(8);
        var x = random.NextGaussianMatrix(80, 4);
        var q = Enumerable.Range(0, 80).Select(_ => random.NextDouble()).ToArray();
        foreach (var name in new[] { "CE", "RCE", "CACE", "QCACE", "SL", "AUX" })
        {
            var a = LogisticStudentTraining.Train(x, q, StudentLoss.ByName(name), new AdamSettings(Steps: 60), initialization: new RandomStream(1));
            var b = LogisticStudentTraining.Train(x, q, StudentLoss.ByName(name), new AdamSettings(Steps: 60), initialization: new RandomStream(1));
            Assert.Equal(a.Student.Weights, b.Student.Weights);
            Assert.Equal(a.Student.Bias, b.Student.Bias);
            Assert.Equal(a.Curve, b.Curve);
            Assert.True(a.Curve[^1].Loss < a.Curve[0].Loss, $"{name}: loss did not decrease");
        }
    }

    [Fact]
    public void ReverseCrossEntropyStudentIsConfidentWhereForwardInheritsTheTeachersEntropy()
    {
        var random = new RandomStream(11);
        var x = random.NextGaussianMatrix(400, 2);
        // A teacher with constant-confidence labels q ∈ {0.3, 0.7} by the sign of x₁.
        var q = Enumerable.Range(0, 400).Select(i => x[i, 0] > 0 ? 0.7 : 0.3).ToArray();
        var settings = new AdamSettings(Steps: 1500);
        var forward = LogisticStudentTraining.Train(x, q, StudentLoss.ForwardCrossEntropy, settings);
        var reverse = LogisticStudentTraining.Train(x, q, StudentLoss.ReverseCrossEntropy(), settings);
        var teacherEntropy = -(0.7 * Math.Log(0.7)) - (0.3 * Math.Log(0.3));
        Assert.True(forward.Curve[^1].MeanEntropy > 0.8 * teacherEntropy, $"forward entropy {forward.Curve[^1].MeanEntropy}");
        Assert.True(reverse.Curve[^1].MeanEntropy < 0.1, $"reverse entropy {reverse.Curve[^1].MeanEntropy}");
    }

    [Fact]
    public void PrecomputedLabelLogsGiveBitIdenticalLosses()
    {
        SoftLabelLoss[] losses =
        [
            ForwardCrossEntropyLoss.Instance, new ReverseCrossEntropyLoss(), new ReverseCrossEntropyLoss(0.1),
            new ConfidenceAdaptiveCrossEntropyLoss(0.1), new ConfidenceAdaptiveCrossEntropyLoss(0.2, 0.05), new SymmetricCrossEntropyLoss(1, 0.1, 0.2),
        ];
        var random = new RandomStream(12);
        var z = Enumerable.Range(0, 200).Select(_ => 30 * (random.NextDouble() - 0.5)).ToArray();
        var q = Enumerable.Range(0, 200).Select(i => i % 20 == 0 ? i % 40 / 20.0 : random.NextDouble()).ToArray();
        foreach (var loss in losses)
        {
            var logs = q.Select(v => SoftLabelLoss.SmoothedClampedLogs(v, loss.ReverseSmoothing)).ToArray();
            var direct = new double[200];
            var prepared = new double[200];
            var value = loss.Mean(z, q, direct);
            Assert.Equal(value, loss.MeanWithLogs(z, q, logs.Select(l => l.LogQ).ToArray(), logs.Select(l => l.LogOneMinusQ).ToArray(), prepared));
            Assert.Equal(direct, prepared);
        }
    }

    [Fact]
    public void BadArgumentsAreRejected()
    {
        Assert.Equal("LearningRate", Assert.Throws<ArgumentOutOfRangeException>(() => new AdamOptimizer(2, new AdamSettings(LearningRate: -1))).ParamName);
        Assert.Equal("Beta2", Assert.Throws<ArgumentOutOfRangeException>(() => new AdamOptimizer(2, new AdamSettings(Beta2: 1))).ParamName);
        var adam = new AdamOptimizer(2, new AdamSettings());
        Assert.Equal("gradient", Assert.Throws<ArgumentException>(() => adam.Step(new double[2], [double.NaN, 0])).ParamName);
        Assert.Equal("name", Assert.Throws<ArgumentOutOfRangeException>(() => StudentLoss.ByName("KL")).ParamName);
        var x = Matrix<double>.Build.Dense(3, 2, 1.0);
        Assert.Equal("teacherProbabilities[1]", Assert.Throws<ArgumentOutOfRangeException>(
            () => LogisticStudentTraining.Train(x, [0.5, 1.5, 0.5], StudentLoss.ForwardCrossEntropy, new AdamSettings(Steps: 1))).ParamName);
        Assert.Equal("teacherProbabilities", Assert.Throws<ArgumentException>(
            () => LogisticStudentTraining.Train(x, [0.5], StudentLoss.ForwardCrossEntropy, new AdamSettings(Steps: 1))).ParamName);
        var student = new LogisticStudent([1.0, 2.0], 0);
        Assert.Equal("inputs", Assert.Throws<ArgumentException>(() => student.Logits(Matrix<double>.Build.Dense(2, 3))).ParamName);
        Assert.Equal("labels", Assert.Throws<ArgumentOutOfRangeException>(() => student.Accuracy(x, [0, 2, 1])).ParamName);
    }
}
