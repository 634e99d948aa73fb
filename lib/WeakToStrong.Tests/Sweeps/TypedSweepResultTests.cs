using WeakToStrong.IntrinsicDimension;
using WeakToStrong.Randomness;
using WeakToStrong.RandomFeatures;
using WeakToStrong.Sweeps;

namespace WeakToStrong.Tests.Sweeps;

/// <summary>Typed grid parameters and typed reads of a sweep's results against its string-keyed tables and by hand.</summary>
public sealed class TypedSweepResultTests
{
    private static readonly GridParameter<int> Size = GridParameter.Integer("n");
    private static readonly GridParameter<double> Sigma = GridParameter.Real("sigma");
    private static readonly GridParameter<string> Loss = GridParameter.Text("loss");

    private sealed record Draw(double Mean, double Energy, int Size);

    private static SweepResult<Draw> Run(int trials = 7) =>
        Sweep.Run(ParameterGrid.Create().Vary(Size, 5, 20).Vary(Sigma, 0.5, 2.0).Vary(Loss, "CE", "RCE"), trials, seed: 11, job =>
        {
            var noise = job.Random.NextGaussianVector(job[Size], job[Sigma] * (job[Loss] == "CE" ? 1 : 2));
            return new Draw(noise.Average(), noise.DotProduct(noise), job[Size]);
        });

    [Fact]
    public void TypedReadsAreTheTablesColumnsToTheBit()
    {
        var sweep = Run();
        Assert.Equal(sweep.SummaryValues("Energy_mean"), sweep.Mean(r => r.Energy));
        Assert.Equal(sweep.SummaryValues("Energy_std"), sweep.StandardDeviation(r => r.Energy));
        Assert.Equal(sweep.SummaryValues("Energy_se"), sweep.StandardError(r => r.Energy));
        Assert.Equal(sweep.TrialValues("Mean"), sweep.TrialValues(r => r.Mean));
        Assert.Equal(sweep.SummaryValues("n"), sweep.Axis(Size).Select(v => (double)v));
        Assert.Equal(sweep.SummaryValues("sigma"), sweep.Axis(Sigma));
        Assert.Equal(sweep.TrialValues("n"), sweep.TrialAxis(Size).Select(v => (double)v));
    }

    [Fact]
    public void MeansAndStandardErrorsEqualAHandComputationOverEachPointsTrials()
    {
        const int trials = 7;
        var sweep = Run(trials);
        var energies = sweep.TrialValues("Energy");
        var means = sweep.Mean(r => r.Energy);
        var errors = sweep.StandardError(r => r.Energy);
        var summaries = sweep.Summaries(r => r.Energy);
        Assert.Equal(8, means.Length);
        for (var g = 0; g < means.Length; g++)
        {
            var sample = energies.Skip(g * trials).Take(trials).ToArray();
            var mean = 0.0;
            foreach (var x in sample)
            {
                mean += x / trials;
            }

            var squares = 0.0;
            foreach (var x in sample)
            {
                squares += (x - mean) * (x - mean);
            }

            var error = Math.Sqrt(squares / (trials - 1) / trials);
            NumericAssert.AssertClose(mean, means[g], 1e-14, 0);
            NumericAssert.AssertClose(error, errors[g], 1e-12, 0);
            NumericAssert.AssertClose(error, summaries[g].StandardError, 1e-12, 0);
            Assert.Equal(trials, summaries[g].Count);
        }
    }

    [Fact]
    public void ASelectorMayCombineProperties()
    {
        var sweep = Run();
        var ratio = sweep.Mean(r => r.Energy / r.Size);
        var energy = sweep.Mean(r => r.Energy);
        var sizes = sweep.Axis(Size);
        // E‖z‖²/n = σ² for z ~ N(0, σ² I_n): the per-trial ratio's mean is the mean energy over n.
        for (var g = 0; g < ratio.Length; g++)
        {
            NumericAssert.AssertClose(energy[g] / sizes[g], ratio[g], 1e-13, 0);
        }
    }

    [Fact]
    public void TypedWhereKeepsTheOutcomesOfTheKeptRows()
    {
        var sweep = Run();
        var part = sweep.Where(Size, 20).Where(Loss, "RCE").Where(Sigma, 2.0);
        Assert.Equal(sweep.TrialsPerPoint, part.Outcomes.Count);
        Assert.All(part.Outcomes, o => Assert.Equal(20, o.Size));
        Assert.Equal(part.SummaryValues("Energy_mean"), part.Mean(r => r.Energy));
        Assert.Equal(sweep.Where("n", 20).Where("loss", "RCE").Where("sigma", 2.0).SummaryValues("Energy_mean"), part.Mean(r => r.Energy));
        Assert.Equal(["RCE"], part.Axis(Loss));
        Assert.Equal(4, sweep.Where(Loss, "CE").Axis(Size).Length);
    }

    [Fact]
    public void AParameterOfAnotherSweepOrOfAnotherKindIsRefusedByName()
    {
        var sweep = Run();
        var unknown = Assert.Throws<ArgumentException>(() => sweep.Where(GridParameter.Integer("m"), 3));
        Assert.Equal("parameter = \"m\" is not a parameter of this sweep; expected one of: n, sigma, loss. (Parameter 'parameter')", unknown.Message);
        var kind = Assert.Throws<ArgumentException>(() => sweep.Axis(GridParameter.Real("n")));
        Assert.Equal("parameter = \"n\" is a Integer parameter of this sweep; it was declared as a Real parameter. (Parameter 'parameter')", kind.Message);
        var job = Assert.Throws<InvalidOperationException>(() => Sweep.Run(ParameterGrid.Create().Vary(Size, 3), 2, 1, job => job[Sigma]));
        Assert.Contains("name = \"sigma\" is not a parameter of this grid; expected one of: n.", job.Message);
        var twice = Assert.Throws<ArgumentException>(() => ParameterGrid.Create().Vary(Size, 3).Vary(GridParameter.Integer("n"), 4));
        Assert.Contains("name = \"n\" is already a parameter of this grid", twice.Message);
    }

    [Fact]
    public void OneTrialPerPointHasMeansButNoSpread()
    {
        var sweep = Run(trials: 1);
        Assert.Equal(sweep.TrialValues(r => r.Energy), sweep.Mean(r => r.Energy));
        Assert.All(sweep.StandardError(r => r.Energy), e => Assert.True(double.IsNaN(e)));
        Assert.Throws<InvalidOperationException>(() => sweep.Summaries(r => r.Energy));
    }

    [Fact]
    public void NoiseLevelSweepsCarryTheirTrialsForTypedReads()
    {
        var configuration = new SyntheticConfiguration(weakOffset: 5, noiseVariance: 1e-2, ambientDimension: 600, relevantRank: 30, strongDimension: 10, weakDimension: 20);
        var grid = ParameterGrid.Create().Vary(FourModelSweep.Labelled, 40, 80).Vary(FourModelSweep.Unlabelled, 60).Vary(FourModelSweep.Overlap, 2, 8);
        var sweep = FourModelSweep.RunAtNoiseLevels(configuration, grid, [1e-2, 0.1], 4, seed: 5);
        Assert.Equal(sweep.SummaryValues("PerformanceGapRecovered_mean"), sweep.Mean(r => r.PerformanceGapRecovered));
        Assert.Equal(sweep.TrialValues("WeakToStrong"), sweep.TrialValues(r => r.WeakToStrong));
        var part = sweep.Where(FourModelSweep.Overlap, 8).Where(FourModelSweep.Noise, 0.1);
        Assert.Equal(part.SummaryValues("Weak_se"), part.StandardError(r => r.Weak));
        Assert.Equal([40, 80], part.Axis(FourModelSweep.Labelled));
    }

    [Fact]
    public void TeacherWidthSweepsExposeTheirParameters()
    {
        var sweep = TeacherWidthSweep.Relu([3, 4], [8, 16], trials: 2, seed: 3, gridPoints: 50);
        Assert.Equal([8, 16, 8, 16], sweep.Axis(TeacherWidthSweep.TeacherWidth));
        var d4 = sweep.Where(TeacherWidthSweep.Dimension, 4);
        Assert.Equal(d4.SummaryValues("LossRatio_mean"), d4.Mean(r => r.LossRatio));
    }
}
