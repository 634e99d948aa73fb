using WeakToStrong.RandomFeatures;
using WeakToStrong.Randomness;

namespace WeakToStrong.Tests.RandomFeatures;

public sealed class SampledGradientDescentTests
{
    [Fact]
    public void PlainGradientDescentOnSamplesAgreesWithThePopulationClosedForm()
    {
        // The sampled run (n = 12 000 ≫ M_S = 24 training inputs, 12 000 fresh test inputs) estimates the
        // population loss of discrete GD with the same η and step counts. The gap must be within 4 Monte Carlo standard
        // errors of the test estimate; the finite-n training bias, O(M_S/n) ≈ 0.2% of the loss, is below one s.e. (~1%).
        var teacher = ReluTeacher.Sample(6, 8, new RandomStream(11));
        var student = FiniteWidthStudent.Sample(24, teacher, new RandomStream(11, 0, 1));
        var eta = 1.0 / student.Flow.LargestEigenvalue;
        int[] steps = [0, 5, 40, 200];
        var closedForm = student.LossesAfterSteps(steps, eta);
        var sampled = SampledGradientDescent.Run(teacher, student.Weights, 12_000, 12_000, eta, steps, new RandomStream(11, 0, 2));
        for (var i = 0; i < steps.Length; i++)
        {
            var z = (sampled.TestLosses[i] - closedForm[i]) / sampled.StandardErrors[i];
            Assert.True(Math.Abs(z) < 4, $"step {steps[i]}: sampled {sampled.TestLosses[i]:E4} ± {sampled.StandardErrors[i]:E1}, closed form {closedForm[i]:E4} (z = {z:F2})");
        }

        var zTeacher = (sampled.TeacherTestLoss - teacher.Loss) / sampled.TeacherStandardError;
        Assert.True(Math.Abs(zTeacher) < 4, $"teacher: sampled {sampled.TeacherTestLoss:E4} vs L_TE {teacher.Loss:E4} (z = {zTeacher:F2})");
        Assert.Equal(steps.Select(s => s * eta / (4.0 * 36)).ToArray(), sampled.ScaledTimes);
    }

    [Fact]
    public void IsReproducibleFromItsStream()
    {
        var teacher = ReluTeacher.Sample(3, 4, new RandomStream(1));
        var u = ReluTeacher.SampleWeights(3, 5, new RandomStream(2));
        var first = SampledGradientDescent.Run(teacher, u, 300, 300, 10.0, [3, 1], new RandomStream(9));
        var second = SampledGradientDescent.Run(teacher, u, 300, 300, 10.0, [3, 1], new RandomStream(9));
        Assert.Equal(first.TestLosses, second.TestLosses);
        Assert.Equal([3, 1], first.Steps);
    }

    [Fact]
    public void RejectsBadInput()
    {
        var teacher = ReluTeacher.Sample(3, 4, new RandomStream(1));
        var u = ReluTeacher.SampleWeights(3, 5, new RandomStream(2));
        Assert.Equal("testSamples", Assert.Throws<ArgumentOutOfRangeException>(() =>
            SampledGradientDescent.Run(teacher, u, 10, 1, 1.0, [1], new RandomStream(1))).ParamName);
        Assert.Equal("stepSize", Assert.Throws<ArgumentOutOfRangeException>(() =>
            SampledGradientDescent.Run(teacher, u, 10, 10, -1.0, [1], new RandomStream(1))).ParamName);
        Assert.Equal("steps", Assert.Throws<ArgumentOutOfRangeException>(() =>
            SampledGradientDescent.Run(teacher, u, 10, 10, 1.0, [-1], new RandomStream(1))).ParamName);
        Assert.Equal("studentWeights", Assert.Throws<ArgumentException>(() =>
            SampledGradientDescent.Run(teacher, ReluTeacher.SampleWeights(4, 5, new RandomStream(2)), 10, 10, 1.0, [1], new RandomStream(1))).ParamName);
        Assert.Equal("stepSize", Assert.Throws<ArgumentOutOfRangeException>(() =>
            SampledGradientDescent.Run(teacher, u, 50, 10, 1e6, [200], new RandomStream(1))).ParamName);
    }
}
