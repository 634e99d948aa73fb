using MathNet.Numerics.LinearAlgebra;
using WeakToStrong.IntrinsicDimension;

namespace WeakToStrong.Tests.IntrinsicDimension;

public sealed class TrialTests
{
    private static IEnumerable<RiskDecomposition> FourOf(FourModelRisks r) =>
        [r.Weak, r.WeakToStrong, r.StrongBaseline, r.StrongCeiling];

    [Fact]
    public void SameSeedAndTrialAreBitIdenticalWhateverTheScheduling()
    {
        var model = Toys.GeneralSubspaces(withTarget: true);
        var first = model.RunTrial(seed: 42, trial: 3, 60, 40);
        var second = model.RunTrial(seed: 42, trial: 3, 60, 40);
        Assert.Equal(first, second); // record equality: every double bit-identical

        var parallel = model.RunTrials(seed: 42, trialCount: 16, 60, 40);
        for (var t = 0; t < 16; t++)
        {
            Assert.Equal(model.RunTrial(42, t, 60, 40), parallel[t]);
        }

        Assert.NotEqual(first, model.RunTrial(42, 4, 60, 40));
        Assert.NotEqual(first, model.RunTrial(43, 3, 60, 40));
        Assert.Equal(model.DrawSample(7, 1, 60, 40).LabelledInputs, model.DrawSample(7, 1, 60, 40).LabelledInputs);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void RisksMatchAnIndependentSvdFitOnTheRawLabels(bool general)
    {
        var model = general ? Toys.GeneralSubspaces(withTarget: true) : Toys.Misspecified();
        var sample = model.DrawSample(5, 0, 60, 45);
        var risks = model.Fit(sample);
        var c = model.GroundTruth;
        var us = model.StrongBasis;
        var uw = model.WeakBasis;
        var yn = sample.LabelledInputs * c + sample.LabelNoise;
        var yu = sample.UnlabelledInputs * c + sample.UnlabelledNoise;

        double Risk(Vector<double> beta) => (beta - c).DotProduct(beta - c);
        Vector<double> Ols(Matrix<double> inputs, Matrix<double> basis, Vector<double> labels) =>
            basis * (inputs * basis).Svd(computeVectors: true).Solve(labels);

        var teacher = Ols(sample.LabelledInputs, uw, yn);
        var student = Ols(sample.UnlabelledInputs, us, sample.UnlabelledInputs * teacher);
        var baseline = Ols(sample.LabelledInputs, us, yn);
        var all = sample.LabelledInputs.Stack(sample.UnlabelledInputs);
        var ceiling = Ols(all, us, Vector<double>.Build.DenseOfEnumerable(yn.Concat(yu)));

        Assert.Equal(Risk(teacher), risks.Weak.ExcessRisk, 1e-10 * Risk(teacher));
        Assert.Equal(Risk(student), risks.WeakToStrong.ExcessRisk, 1e-10 * Risk(student));
        Assert.Equal(Risk(baseline), risks.StrongBaseline.ExcessRisk, 1e-10 * Risk(baseline));
        Assert.Equal(Risk(ceiling), risks.StrongCeiling.ExcessRisk, 1e-10 * Risk(ceiling));
        Assert.Equal(
            (Risk(teacher) - Risk(student)) / (Risk(teacher) - Risk(ceiling)), risks.PerformanceGapRecovered, 1e-8);
        Assert.Equal(Risk(baseline) / Risk(student), risks.OutperformingRatio, 1e-9);
    }

    [Fact]
    public void BiasVarianceAndCrossSumToTheExcessRisk()
    {
        foreach (var model in new[] { Toys.Misspecified(), Toys.GeneralSubspaces(withTarget: true) })
        {
            for (var t = 0; t < 5; t++)
            {
                foreach (var part in FourOf(model.RunTrial(9, t, 40, 30)))
                {
                    Assert.Equal(part.ExcessRisk, part.Bias + part.Variance + part.Cross, 1e-13 * part.ExcessRisk);
                    Assert.True(part.Bias > 0 && part.Variance > 0);
                }
            }
        }
    }

    [Fact]
    public void VarianceScalesWithSigmaSquaredAndBiasDoesNotDependOnIt()
    {
        var c = Toys.MisspecifiedTarget();
        var quiet = GaussianFeatureModel.CoordinateAligned(c, Toys.Range(0, 10), Toys.Range(5, 20), 1.0);
        var loud = GaussianFeatureModel.CoordinateAligned(c, Toys.Range(0, 10), Toys.Range(5, 20), 4.0);
        var a = FourOf(quiet.RunTrial(11, 2, 50, 30)).ToArray();
        var b = FourOf(loud.RunTrial(11, 2, 50, 30)).ToArray();
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(a[i].Bias, b[i].Bias, 1e-14 * a[i].Bias);
            Assert.Equal(4 * a[i].Variance, b[i].Variance, 1e-12 * b[i].Variance);
            Assert.Equal(2 * a[i].Cross, b[i].Cross, 1e-12 * Math.Abs(b[i].Cross) + 1e-15);
        }
    }

    [Theory]
    [InlineData(20)]
    [InlineData(2000)]
    public void StudentWhoseSpaceContainsTheTeachersInheritsTheTeachersVariance(int bigN)
    {
        // W = 5–14 ⊆ S = 0–19: the teacher's noise fit lies in V_s, so OLS reproduces it exactly for any N ≥ d_s.
        var model = GaussianFeatureModel.CoordinateAligned(Toys.MisspecifiedTarget(), Toys.Range(0, 20), Toys.Range(5, 10), 1.0);
        Assert.Equal(10.0, model.Quantities.CorrelationDimension);
        for (var t = 0; t < 3; t++)
        {
            var risks = model.RunTrial(13, t, 40, bigN);
            Assert.Equal(risks.Weak.Variance, risks.WeakToStrong.Variance, 1e-10 * risks.Weak.Variance);
        }

        var exact = new ExactGaussianRisk(model.Quantities);
        Assert.Equal(exact.Weak(40).Variance, exact.WeakToStrong(40, bigN + 2).Variance, 1e-16);
    }

    private const int Trials = 3000;

    /// <summary>Monte Carlo means of ER, bias and variance of the four models against the exact Gaussian expectations
    /// (ExactGaussianRisk).</summary>
    private static IReadOnlyList<FourModelRisks> AssertMonteCarloMatchesExact(
        GaussianFeatureModel model, int n, int bigN, long seed, TrialSampling sampling = TrialSampling.DesignMatrices)
    {
        var trials = model.RunTrials(seed, Trials, n, bigN, sampling: sampling);
        var exact = new ExactGaussianRisk(model.Quantities).Predict(n, bigN);
        var names = new[] { "weak", "w2s", "baseline", "ceiling" };
        var expected = FourOf(exact).ToArray();
        for (var m = 0; m < 4; m++)
        {
            var parts = trials.Select(r => FourOf(r).ElementAt(m)).ToArray();
            MonteCarlo.Of(parts.Select(p => p.ExcessRisk)).AssertAgrees(expected[m].ExcessRisk, names[m] + " ER");
            MonteCarlo.Of(parts.Select(p => p.Variance)).AssertAgrees(expected[m].Variance, names[m] + " variance");
            if (model.GroundTruth.L2Norm() > 0)
            {
                MonteCarlo.Of(parts.Select(p => p.Bias)).AssertAgrees(expected[m].Bias, names[m] + " bias");
                MonteCarlo.Of(parts.Select(p => p.Cross)).AssertAgrees(0.0, names[m] + " cross term");
            }
            else
            {
                Assert.All(parts, p => Assert.Equal(0.0, p.Bias));
            }
        }

        return trials;
    }

    [Fact]
    public void PureVarianceCoordinateSubspacesMatchTheExactExpectations()
    {
        var model = Toys.PureVariance();
        var trials = AssertMonteCarloMatchesExact(model, 100, 200, seed: 1);
        // The asymptotic weak line σ²d_w/n = 0.2 is far outside the Monte Carlo error (exact 20/79 = 0.253).
        var weak = MonteCarlo.Of(trials.Select(r => r.Weak.ExcessRisk));
        Assert.True(Math.Abs(weak.Mean - 0.2) > 10 * weak.StandardError, $"weak {weak.Mean} ± {weak.StandardError}");
    }

    [Fact]
    public void GeneralSubspacesDependOnlyOnTheSumOfCosinesSquared()
    {
        var model = Toys.GeneralSubspaces(withTarget: false);
        var overlap = model.Quantities.CorrelationDimension;
        Assert.True(Math.Abs(overlap - Math.Round(overlap)) > 0.01, $"d_s∧w = {overlap} should not be an integer");
        AssertMonteCarloMatchesExact(model, 100, 200, seed: 3);
    }

    [Fact]
    public void MisspecifiedCoordinateModelMatchesTheExactExpectations() =>
        AssertMonteCarloMatchesExact(Toys.Misspecified(), 100, 200, seed: 4);

    [Fact]
    public void MisspecifiedGeneralSubspacesMatchTheProjectedEnergies()
    {
        var model = Toys.GeneralSubspaces(withTarget: true);
        var q = model.Quantities;
        // The energies are projections of c: ‖P_S(I−P_W)c‖² ≤ ρ_w and ‖(I−P_S)P_W c‖² ≤ ρ_s.
        Assert.InRange(q.StrongOnlyEnergy, 1e-3, q.WeakApproximationError);
        Assert.InRange(q.WeakOnlyEnergy, 1e-3, q.StrongApproximationError);
        AssertMonteCarloMatchesExact(model, 100, 200, seed: 5);
    }

    [Fact]
    public void WishartSamplingOfThePureVarianceModelMatchesTheExactExpectations() =>
        AssertMonteCarloMatchesExact(Toys.PureVariance(), 100, 200, seed: 6, TrialSampling.SufficientStatistics);

    [Fact]
    public void WishartSamplingOfMisspecifiedGeneralSubspacesMatchesTheExactExpectations() =>
        AssertMonteCarloMatchesExact(Toys.GeneralSubspaces(withTarget: true), 100, 200, seed: 7, TrialSampling.SufficientStatistics);

    [Fact]
    public void WishartSamplingOfTheMisspecifiedCoordinateModelMatchesTheExactExpectations() =>
        AssertMonteCarloMatchesExact(Toys.Misspecified(), 40, 35, seed: 8, TrialSampling.SufficientStatistics);

    [Fact]
    public void WishartTrialsAreReproducibleSplitExactlyAndInheritTheTeachersVariance()
    {
        var model = GaussianFeatureModel.CoordinateAligned(Toys.MisspecifiedTarget(), Toys.Range(0, 20), Toys.Range(5, 10), 1.0);
        var parallel = model.RunTrials(21, 8, 60, 45, sampling: TrialSampling.SufficientStatistics);
        for (var t = 0; t < 8; t++)
        {
            var trial = model.RunTrial(21, t, 60, 45, TrialSampling.SufficientStatistics);
            Assert.Equal(trial, parallel[t]);
            foreach (var part in FourOf(trial))
            {
                Assert.Equal(part.ExcessRisk, part.Bias + part.Variance + part.Cross, 1e-13 * part.ExcessRisk);
            }

            // W ⊆ S: the student reproduces the teacher's noise fit exactly.
            Assert.Equal(trial.Weak.Variance, trial.WeakToStrong.Variance, 1e-10 * trial.Weak.Variance);
        }

        Assert.NotEqual(parallel[0], model.RunTrial(21, 0, 60, 45)); // a different stream from the design-matrix trial
    }

    [Fact]
    public void WishartSamplingNeedsAtLeastRSamples()
    {
        var model = Toys.Misspecified(); // R = 30
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => model.RunTrial(1, 0, 29, 100, TrialSampling.SufficientStatistics));
        Assert.Equal("labelledCount", error.ParamName);
        Assert.Contains("expected an integer >= 30", error.Message);
        Assert.Equal("unlabelledCount", Assert.Throws<ArgumentOutOfRangeException>(
            () => model.RunTrials(1, 4, 100, 29, sampling: TrialSampling.SufficientStatistics)).ParamName);
        Assert.Equal("sampling", Assert.Throws<ArgumentOutOfRangeException>(
            () => model.RunTrial(1, 0, 100, 100, (TrialSampling)7)).ParamName);
    }

    [Fact]
    public void TooFewSamplesAreRejected()
    {
        var model = Toys.Misspecified();
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => model.DrawSample(1, 0, 19, 100));
        Assert.Equal("labelledCount", error.ParamName);
        Assert.Contains("labelledCount = 19", error.Message);
        Assert.Contains("expected an integer >= 20", error.Message);
        error = Assert.Throws<ArgumentOutOfRangeException>(() => model.RunTrial(1, 0, 100, 9));
        Assert.Equal("unlabelledCount", error.ParamName);
        Assert.Contains("N >= d_s", error.Message);
        Assert.Equal("trial", Assert.Throws<ArgumentOutOfRangeException>(() => model.DrawSample(1, -1, 100, 100)).ParamName);
    }

    [Fact]
    public void MismatchedSampleIsRejected()
    {
        var sample = Toys.PureVariance().DrawSample(1, 0, 30, 20); // R = 25
        var error = Assert.Throws<ArgumentException>(() => Toys.Misspecified().Fit(sample)); // R = 30
        Assert.Equal("sample", error.ParamName);
        Assert.Contains("R = 30", error.Message);
    }

    [Fact]
    public void InvalidSubspacesAreRejected()
    {
        var c = Toys.MisspecifiedTarget();
        var error = Assert.Throws<ArgumentOutOfRangeException>(
            () => GaussianFeatureModel.CoordinateAligned(c, [0, 30], [1], 1.0));
        Assert.Equal("strongCoordinates", error.ParamName);
        Assert.Contains("strongCoordinates[1] = 30", error.Message);
        Assert.Contains("0 <= coordinate <= 29", error.Message);
        Assert.Equal("weakCoordinates", Assert.Throws<ArgumentException>(
            () => GaussianFeatureModel.CoordinateAligned(c, [0], [1, 1], 1.0)).ParamName);
        Assert.Equal("noiseVariance", Assert.Throws<ArgumentOutOfRangeException>(
            () => GaussianFeatureModel.CoordinateAligned(c, [0], [1], -1.0)).ParamName);
        Assert.Equal("weakBasis", Assert.Throws<ArgumentException>(
            () => GaussianFeatureModel.WithBases(c, GaussianFeatureModel.RandomOrthonormalBasis(30, 3, 1), Matrix<double>.Build.Dense(30, 2, 1.0), 1.0)).ParamName);
        Assert.Equal("groundTruth", Assert.Throws<ArgumentException>(
            () => GaussianFeatureModel.CoordinateAligned(Vector<double>.Build.Dense(3, double.NaN), [0], [1], 1.0)).ParamName);
    }
}
