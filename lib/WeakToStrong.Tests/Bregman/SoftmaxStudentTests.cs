using MathNet.Numerics.LinearAlgebra;
using WeakToStrong.Bregman;
using WeakToStrong.Datasets;
using WeakToStrong.Randomness;
using WeakToStrong.Tests.Datasets;
using static WeakToStrong.Tests.NumericAssert;

namespace WeakToStrong.Tests.Bregman;

public sealed class SoftmaxStudentTests
{
    private static Matrix<double> SoftmaxRows(Matrix<double> logits) =>
        Matrix<double>.Build.Dense(logits.RowCount, logits.ColumnCount, (i, k) =>
        {
            var row = logits.Row(i);
            var max = row.Maximum();
            return Math.Exp(logits[i, k] - max) / row.Select(v => Math.Exp(v - max)).Sum();
        });

    [Fact]
    public void ForwardCrossEntropyStudentRecoversARealisableSoftmaxTeacher()
    {
        var random = new RandomStream(31);
        var x = random.NextGaussianMatrix(200, 3);
        // Softmax is unchanged by adding one vector to every class's weights, so compare W and b centred over classes
        // (columns of W₀ and b₀ already sum to zero).
        var w0 = Matrix<double>.Build.DenseOfArray(new[,] { { 1.0, -0.5, 0.2 }, { -0.3, 0.8, -0.6 }, { -0.7, -0.3, 0.4 } });
        var b0 = Vector<double>.Build.DenseOfArray([0.3, -0.1, -0.2]);
        var q = SoftmaxRows(x.TransposeAndMultiply(w0) + Matrix<double>.Build.Dense(200, 3, (_, k) => b0[k]));
        var fit = SoftmaxStudentTraining.Train(x, q, MulticlassStudentLoss.Forward, new AdamSettings(LearningRate: 0.05, Steps: 4000));
        var centred = fit.Student.Weights - Matrix<double>.Build.Dense(3, 3, (_, j) => fit.Student.Weights.Column(j).Average());
        var centredBias = fit.Student.Bias - fit.Student.Bias.Average();
        Assert.True((centred - w0).Enumerate().Max(Math.Abs) < 1e-5, $"W error {(centred - w0).Enumerate().Max(Math.Abs)}");
        AssertBelow((centredBias - b0).AbsoluteMaximum(), 1e-5);
        AssertBelow((fit.Student.Probabilities(x) - q).Enumerate().Max(Math.Abs), 1e-6);
        AssertBelow(fit.Curve[^1].Misfit, 1e-10);
    }

    [Fact]
    public void CurveStartsAtTheUniformStudent()
    {
        var random = new RandomStream(32);
        var x = random.NextGaussianMatrix(40, 2);
        var raw = Matrix<double>.Build.Dense(40, 4, (_, _) => 0.05 + random.NextDouble());
        var q = Matrix<double>.Build.Dense(40, 4, (i, k) => raw[i, k] / raw.Row(i).Sum());
        var truth = Enumerable.Range(0, 40).Select(i => q.Row(i).MaximumIndex()).ToArray();
        var loss = new MulticlassStudentLoss("mix", 0.7, 0.4);
        var fit = SoftmaxStudentTraining.Train(x, q, loss, new AdamSettings(Steps: 10), recordEvery: 5, truth: truth);
        Assert.Equal([0, 5, 10], fit.Curve.Select(r => r.Step));
        // p = uniform: forward CE = log K, reverse CE = (1/K) Σ_k −log q_k, entropy log K, misfit Σ_k (1/K) log((1/K)/q_k).
        var reverse = Enumerable.Range(0, 40).Average(i => q.Row(i).Average(v => -Math.Log(v)));
        Assert.Equal((0.7 * Math.Log(4)) + (0.4 * reverse), fit.Curve[0].Loss, 1e-12);
        Assert.Equal(Math.Log(4), fit.Curve[0].MeanEntropy, 1e-14);
        Assert.Equal(reverse - Math.Log(4), fit.Curve[0].Misfit, 1e-12);
        Assert.Equal(truth.Count(t => t == 0) / 40.0, fit.Curve[0].Accuracy!.Value, 1e-15); // ties go to class 0
    }

    [Fact]
    public void TrainingGradientMatchesTheMulticlassLossGradients()
    {
        // One Adam step from zero moves each parameter by Δ = −η·g/(|g| + ε), which determines g: |g| = ε|Δ|/(η − |Δ|).
        // Compare with the gradient of the batch mean of MulticlassSoftLabelLoss at W = 0.
        var random = new RandomStream(33);
        var x = random.NextGaussianMatrix(30, 2);
        var raw = Matrix<double>.Build.Dense(30, 3, (_, _) => 0.05 + random.NextDouble());
        var q = Matrix<double>.Build.Dense(30, 3, (i, k) => raw[i, k] / raw.Row(i).Sum());
        var loss = new MulticlassStudentLoss("mix", 1, 0.5);
        var fit = SoftmaxStudentTraining.Train(x, q, loss, new AdamSettings(LearningRate: 0.01, Steps: 1, Epsilon: 0.05));
        double Recovered(double step) => -Math.Sign(step) * 0.05 * Math.Abs(step) / (0.01 - Math.Abs(step));
        var expected = Matrix<double>.Build.Dense(3, 2);
        var expectedBias = Vector<double>.Build.Dense(3);
        for (var i = 0; i < 30; i++)
        {
            var z = Vector<double>.Build.Dense(3);
            var g = (MulticlassSoftLabelLoss.Forward(z, q.Row(i)).Gradient + (0.5 * MulticlassSoftLabelLoss.Reverse(z, q.Row(i)).Gradient)) / 30;
            expected += g.OuterProduct(x.Row(i));
            expectedBias += g;
        }

        for (var k = 0; k < 3; k++)
        {
            Assert.Equal(expectedBias[k], Recovered(fit.Student.Bias[k]), 1e-12);
            for (var j = 0; j < 2; j++)
            {
                Assert.Equal(expected[k, j], Recovered(fit.Student.Weights[k, j]), 1e-12);
            }
        }
    }

    [Fact]
    public void ReverseStudentIsConfidentAndTrainingIsDeterministic()
    {
        var random = new RandomStream(34);
        var x = random.NextGaussianMatrix(300, 2);
        // Teacher: 0.5 on the class picked by the sign pattern of x, 0.25 on the other two.
        var q = Matrix<double>.Build.Dense(300, 3, (i, k) => (x[i, 0] > 0 ? 0 : x[i, 1] > 0 ? 1 : 2) == k ? 0.5 : 0.25);
        var settings = new AdamSettings(Steps: 800);
        var forward = SoftmaxStudentTraining.Train(x, q, MulticlassStudentLoss.Forward, settings);
        var reverse = SoftmaxStudentTraining.Train(x, q, MulticlassStudentLoss.Reverse, settings);
        Assert.True(forward.Curve[^1].MeanEntropy > 0.8, $"forward entropy {forward.Curve[^1].MeanEntropy}");
        Assert.True(reverse.Curve[^1].MeanEntropy < 0.2, $"reverse entropy {reverse.Curve[^1].MeanEntropy}");
        var again = SoftmaxStudentTraining.Train(x, q, MulticlassStudentLoss.Reverse, settings);
        Assert.Equal(reverse.Student.Weights, again.Student.Weights);
        Assert.Equal(reverse.Curve, again.Curve);
    }

    [Fact]
    public void BadArgumentsAreRejected()
    {
        var x = Matrix<double>.Build.Dense(2, 2, 1.0);
        var q = Matrix<double>.Build.DenseOfArray(new[,] { { 0.5, 0.5 }, { 0.9, 0.3 } });
        Assert.Contains("row 1", Assert.Throws<ArgumentException>(() => SoftmaxStudentTraining.Train(x, q, MulticlassStudentLoss.Forward, new AdamSettings(Steps: 1))).ParamName);
        Assert.Equal("teacherProbabilities", Assert.Throws<ArgumentException>(() => SoftmaxStudentTraining.Train(x, Matrix<double>.Build.Dense(3, 2, 0.5), MulticlassStudentLoss.Forward, new AdamSettings(Steps: 1))).ParamName);
        Assert.Equal("name", Assert.Throws<ArgumentOutOfRangeException>(() => MulticlassStudentLoss.ByName("AUX")).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => new MulticlassStudentLoss("none", 0, 0));
        var student = new SoftmaxStudent(Matrix<double>.Build.Dense(3, 2), Vector<double>.Build.Dense(3));
        Assert.Equal("labels[1]", Assert.Throws<ArgumentOutOfRangeException>(() => student.Accuracy(x, [0, 3])).ParamName);
    }

    [Fact]
    public void DigitsMulticlassProtocolIsDeterministicAndTheCeilingBeatsTheTeacher()
    {
        // The file's shape, classes and pixel range are tested in Datasets/UciDatasetsTests.
        var digits = UciDatasets.Digits(UciDatasetsTests.DataFile("digits.csv.gz"));
        var top = Enumerable.Range(0, 16).ToArray();
        var protocol = new RealDataWeakToStrong(digits, top, settings: new AdamSettings(Steps: 60), studentFeatures: Enumerable.Range(16, 48).ToArray());
        Assert.Equal(10, protocol.ClassCount);
        var first = protocol.Run(1, MulticlassStudentLoss.Reverse);
        Assert.Equal(first, protocol.Run(1, MulticlassStudentLoss.Reverse));
        Assert.Equal(first, new RealDataWeakToStrong(digits, top, settings: new AdamSettings(Steps: 60), studentFeatures: Enumerable.Range(16, 48).ToArray()).Run(1, MulticlassStudentLoss.Reverse));
        Assert.True(first.CeilingAccuracy > first.TeacherAccuracy);
        // Ten classes: a binary StudentLoss is refused with the way out in the message.
        Assert.Contains("MulticlassStudentLoss", Assert.Throws<ArgumentException>(() => protocol.Run(1, StudentLoss.ForwardCrossEntropy)).Message, StringComparison.Ordinal);
    }
}
