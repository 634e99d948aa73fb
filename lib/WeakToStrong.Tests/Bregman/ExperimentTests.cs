using MathNet.Numerics.LinearAlgebra;
using WeakToStrong.Bregman;
using WeakToStrong.Datasets;
using WeakToStrong.Randomness;
using WeakToStrong.Tests.Datasets;
using static WeakToStrong.Tests.NumericAssert;

namespace WeakToStrong.Tests.Bregman;

public sealed class ExperimentTests
{
    [Fact]
    public void PosteriorMeanShiftIsTheProjectionOntoTheRowSpaceOfX()
    {
        var random = new RandomStream(21);
        var x = random.NextGaussianMatrix(6, 15);
        var xi = random.NextGaussianVector(15);
        var shift = RandomFeatureStudentExample.PosteriorMeanShift(x, xi);
        // Independent computation: Xᵀ(XXᵀ)⁻¹Xξ with an explicit inverse.
        var expected = x.Transpose() * ((x * x.Transpose()).Inverse() * (x * xi));
        AssertBelow((shift - expected).L2Norm(), 1e-12 * expected.L2Norm());
        // It reproduces the labels and its residual is orthogonal to every row of X.
        AssertBelow(((x * shift) - (x * xi)).L2Norm(), 1e-11);
        AssertBelow((x * (xi - shift)).L2Norm(), 1e-11);
    }

    [Fact]
    public void RandomFeatureDrawSatisfiesTheConditionalIdentityAtEveryWidth()
    {
        var example = new RandomFeatureStudentExample(dimension: 30, labelledSamples: 10, teacherNoiseVariance: 2);
        foreach (var p in new[] { 3, 10, 20, 60, 300 })
        {
            var draw = example.Draw(p, new RandomStream(4, p));
            Assert.True(Math.Abs(draw.ConditionalIdentityDefect) < 1e-9 * (1 + draw.StudentRisk), $"p = {p}: defect {draw.ConditionalIdentityDefect}");
            Assert.Equal(2 * 20, draw.ConditionalMisfit - draw.DistanceToPosteriorMean, 1e-12);
        }
    }

    [Fact]
    public void WiderRandomFeatureStudentsApproachThePosteriorMean()
    {
        var example = new RandomFeatureStudentExample(dimension: 40, labelledSamples: 10);
        double Mean(int p, Func<RandomFeatureStudentDraw, double> f) =>
            Enumerable.Range(0, 30).Select(t => f(example.Draw(p, new RandomStream(9, t)))).Average();
        var narrow = Mean(40, d => d.DistanceToPosteriorMean);
        var wide = Mean(1000, d => d.DistanceToPosteriorMean);
        Assert.True(wide < narrow / 5, $"distance at p = 1000: {wide}; at p = 40: {narrow}");
        // Same (ξ, X) at both widths (S is drawn last), so the teacher risk is identical.
        Assert.Equal(Mean(40, d => d.TeacherRisk), Mean(1000, d => d.TeacherRisk), 1e-12);
        // E R(f_s) approaches Nτ² = 10 as p grows: the posterior mean's risk is ‖P_Xξ‖², mean Nτ².
        Assert.True(Math.Abs(Mean(1000, d => d.StudentRisk) - 10) < 3, $"student risk {Mean(1000, d => d.StudentRisk)}");
    }

    [Fact]
    public void LinearProjectionPopulationIdentityAndMonteCarloFit()
    {
        var example = new LinearProjectionExample();
        var population = example.Population;
        Assert.Equal(0.09 + 0.04 + 0.16 + 0.01 + (2 * 0.49), population.TeacherRisk, 1e-15);
        Assert.Equal(0.30, population.StudentRisk, 1e-15);
        Assert.Equal(0.98, population.Misfit, 1e-15);
        Assert.Equal(population.TeacherRisk - population.Misfit, population.StudentRisk, 1e-15);
        Assert.Equal(0, population.Residual, 1e-15);
        var fit = example.Fit(200_000, new RandomStream(2));
        Assert.True(Math.Abs(fit.IdentityDefect) < 1e-13, $"defect {fit.IdentityDefect}");
        Assert.True(Math.Abs(fit.StudentRisk - 0.30) < 0.03, $"student risk {fit.StudentRisk}");
        Assert.True(Math.Abs(fit.Misfit - 0.98) < 0.03, $"misfit {fit.Misfit}");
    }

    [Fact]
    public void NoisyTeacherSampleHasTheDesignedStatistics()
    {
        var design = new NoisyTeacherClassification();
        var teacher = design.DrawTeacher(new RandomStream(1));
        Assert.Equal(1, teacher.TruthDirection.L2Norm(), 1e-14);
        Assert.Equal(1, teacher.TeacherDirection.L2Norm(), 1e-14);
        const int n = 100_000;
        var sample = teacher.Sample(n, new RandomStream(1, 0, 1));
        // Inputs: mean 0, identity covariance (4 standard errors).
        var mean = sample.Inputs.ColumnSums() / n;
        Assert.True(mean.AbsoluteMaximum() < 4 / Math.Sqrt(n), $"max |mean| {mean.AbsoluteMaximum()}");
        var covariance = sample.Inputs.TransposeThisAndMultiply(sample.Inputs) / n;
        var offDiagonal = (covariance - Matrix<double>.Build.DenseIdentity(20)).Enumerate().Max(Math.Abs);
        Assert.True(offDiagonal < 4 * Math.Sqrt(2.0 / n), $"max |Σ − I| {offDiagonal}");
        // Classes are balanced; the logit-mean teacher's accuracy is 1 − angle/π (binomial 4 s.e.).
        var tolerance = 4 * Math.Sqrt(0.25 / n);
        AssertBelow(Math.Abs(sample.Labels.Average() - 0.5), tolerance);
        Assert.True(Math.Abs(sample.PosteriorMeanTeacherAccuracy - teacher.PosteriorMeanAccuracy) < tolerance,
            $"empirical {sample.PosteriorMeanTeacherAccuracy}, exact {teacher.PosteriorMeanAccuracy}");
        // q = σ(m + η) with m ~ N(0, a²) and η ~ N(0, σ_η²) independent: q has mean ½, and the labels' logits have variance a² + σ_η² = 6.25.
        var logits = sample.TeacherProbabilities.Select(q => Math.Log(q / (1 - q))).ToArray();
        var variance = logits.Select(z => z * z).Average();
        Assert.True(Math.Abs(variance - 6.25) < 4 * 6.25 * Math.Sqrt(2.0 / n), $"logit variance {variance}");
        // The noisy teacher is less accurate than its logit mean.
        AssertBelow(sample.TeacherAccuracy, sample.PosteriorMeanTeacherAccuracy - 0.05);
    }

    [Fact]
    public void StudentsBeatTheNoisyTeacherAndReverseCrossEntropyStaysConfident()
    {
        var design = new NoisyTeacherClassification();
        var settings = new AdamSettings(Steps: 400);
        var none = new TeacherLabelShrinkage(0, 1);
        var strong = new TeacherLabelShrinkage(0.9, 0.1);
        var ce = design.Run(0, StudentLoss.ForwardCrossEntropy, none, settings, trainCount: 1000, testCount: 5000);
        var ceShrunk = design.Run(0, StudentLoss.ForwardCrossEntropy, strong, settings, trainCount: 1000, testCount: 5000);
        var rce = design.Run(0, StudentLoss.ReverseCrossEntropy(), none, settings, trainCount: 1000, testCount: 5000);
        var rceShrunk = design.Run(0, StudentLoss.ReverseCrossEntropy(), strong, settings, trainCount: 1000, testCount: 5000);
        foreach (var outcome in new[] { ce, ceShrunk, rce, rceShrunk })
        {
            Assert.True(outcome.StudentAccuracy > outcome.TeacherAccuracy + 0.03, $"student {outcome.StudentAccuracy}, teacher {outcome.TeacherAccuracy}");
        }

        Assert.Equal(ce.TeacherAccuracy, rce.TeacherAccuracy); // paired: same data for every loss
        Assert.True(ceShrunk.StudentEntropy > ce.StudentEntropy);
        Assert.True(rce.StudentEntropy < 0.25 && rceShrunk.StudentEntropy < 0.25, $"RCE entropies {rce.StudentEntropy}, {rceShrunk.StudentEntropy}");
    }

    [Fact]
    public void BreastCancerProtocolIsDeterministicAndTheCeilingBeatsTheTeacher()
    {
        // The file's shape, classes and values are tested in Datasets/UciDatasetsTests.
        var data = UciDatasets.BreastCancer(UciDatasetsTests.DataFile("breast_cancer.csv"));
        var protocol = new RealDataWeakToStrong(data, teacherFeatures: [1, 4, 8, 9], studentFeatures: Enumerable.Range(0, 30).Except([1, 4, 8, 9]).ToArray());
        var first = protocol.Run(0, StudentLoss.ForwardCrossEntropy);
        Assert.Equal(first, protocol.Run(0, StudentLoss.ForwardCrossEntropy));
        // The teacher and ceiling are fitted once per seed and shared: a fresh protocol gives the same run.
        Assert.Equal(first, new RealDataWeakToStrong(data, teacherFeatures: [1, 4, 8, 9], studentFeatures: Enumerable.Range(0, 30).Except([1, 4, 8, 9]).ToArray()).Run(0, StudentLoss.ForwardCrossEntropy));
        // Two classes also run with softmax models.
        var softmax = protocol.Run(0, MulticlassStudentLoss.Forward);
        Assert.True(softmax.CeilingAccuracy > softmax.TeacherAccuracy, $"softmax ceiling {softmax.CeilingAccuracy}, teacher {softmax.TeacherAccuracy}");
        Assert.InRange(first.TeacherAccuracy, 0.5, 1);
        Assert.True(first.CeilingAccuracy > first.TeacherAccuracy);
        Assert.Equal("teacherFeatures", Assert.Throws<ArgumentOutOfRangeException>(() => new RealDataWeakToStrong(data, [30])).ParamName);
    }
}
