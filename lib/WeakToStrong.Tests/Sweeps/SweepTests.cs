using System.Collections.Concurrent;
using Microsoft.Data.Analysis;
using WeakToStrong.Randomness;
using WeakToStrong.Sweeps;

namespace WeakToStrong.Tests.Sweeps;

public sealed class SweepTests
{
    [Fact]
    public void AGridOfMoreThanIntMaxValuePointsSaysSoInsteadOfOverflowing()
    {
        // 50 000² = 2.5e9 > 2³¹ − 1 points.
        var values = Enumerable.Range(0, 50_000).ToArray();
        var grid = ParameterGrid.Create().Vary("a", values).Vary("b", values);
        var error = Assert.Throws<InvalidOperationException>(() => grid.Count);
        Assert.Equal($"The grid has more than {int.MaxValue} points (50000 a × 50000 b); split the sweep into smaller grids.", error.Message);
    }

    private static readonly ParameterGrid Grid = ParameterGrid.Create().Vary("n", 5, 20).Vary("sigma", 0.5, 2.0);

    private static object Measure(SweepJob job)
    {
        var noise = job.Random.NextGaussianVector(job.Integer("n"), job["sigma"]);
        var other = job.Substream(1).NextGaussian();
        return new { Mean = noise.Average(), Energy = noise.DotProduct(noise), Other = other };
    }

    private static SweepResult Run(int threads) =>
        Sweep.Run(Grid, Enumerable.Range(0, 6), Measure, new SweepOptions { MaxDegreeOfParallelism = threads });

    private static void AssertSameFrames(DataFrame expected, DataFrame actual)
    {
        Assert.Equal(expected.Columns.Select(c => c.Name), actual.Columns.Select(c => c.Name));
        Assert.Equal(expected.Rows.Count, actual.Rows.Count);
        for (var c = 0; c < expected.Columns.Count; c++)
        {
            for (var r = 0; r < expected.Rows.Count; r++)
            {
                Assert.Equal(expected.Columns[c][r], actual.Columns[c][r]);
            }
        }
    }

    [Fact]
    public void ResultsAreIdenticalForOneAndTwoThreadsAndAcrossRuns()
    {
        var one = Run(1);
        var two = Run(2);
        var again = Run(2);
        AssertSameFrames(one.Trials, two.Trials);
        AssertSameFrames(one.Summary, two.Summary);
        AssertSameFrames(two.Trials, again.Trials);
    }

    [Fact]
    public void TrialsAreOrderedByGridIndexThenSeedAndUseTheJobStream()
    {
        var result = Run(2);
        Assert.Equal(new[] { "n", "sigma", "trial", "seed", "Mean", "Energy", "Other" }, result.Trials.Columns.Select(c => c.Name));
        Assert.Equal(24, result.Trials.Rows.Count);
        var n = result.TrialValues("n");
        var sigma = result.TrialValues("sigma");
        var seed = result.TrialValues("seed");
        var mean = result.TrialValues("Mean");
        for (var row = 0; row < 24; row++)
        {
            var gridIndex = row / 6;
            Assert.Equal(Grid[gridIndex]["n"], n[row]);
            Assert.Equal(Grid[gridIndex]["sigma"], sigma[row]);
            Assert.Equal(row % 6, seed[row]);
            // Recompute the job's draw independently from its stream (seed, grid index).
            var expected = new RandomStream(row % 6, gridIndex).NextGaussianVector((int)n[row], sigma[row]).Average();
            Assert.Equal(expected, mean[row]);
        }

        // First parameter slowest: (5, 0.5), (5, 2), (20, 0.5), (20, 2).
        Assert.Equal([5.0, 5.0, 20.0, 20.0], result.SummaryValues("n"));
        Assert.Equal([0.5, 2.0, 0.5, 2.0], result.SummaryValues("sigma"));
    }

    [Fact]
    public void SummaryHoldsMeanStdSeAndCountPerGridPoint()
    {
        var result = Run(2);
        Assert.Equal(new[] { "n", "sigma", "count", "Mean_mean", "Mean_std", "Mean_se", "Energy_mean", "Energy_std", "Energy_se", "Other_mean", "Other_std", "Other_se" },
            result.Summary.Columns.Select(c => c.Name));
        var energy = result.TrialValues("Energy");
        for (var g = 0; g < 4; g++)
        {
            var sample = energy.Skip(g * 6).Take(6).ToArray();
            var mean = sample.Average();
            var sd = Math.Sqrt(sample.Sum(v => (v - mean) * (v - mean)) / 5);
            Assert.Equal(mean, result.SummaryValues("Energy_mean")[g], 12);
            Assert.Equal(sd, result.SummaryValues("Energy_std")[g], 12);
            Assert.Equal(sd / Math.Sqrt(6), result.SummaryValues("Energy_se")[g], 12);
            Assert.Equal(6.0, result.SummaryValues("count")[g]);
        }
    }

    [Fact]
    public void TrialsOfAnExperimentSeedUseDerivedSeeds()
    {
        var result = Sweep.Run(Grid, trials: 3, seed: 7, job => job.Random.NextDouble());
        Assert.Equal([0.0, 1.0, 2.0], result.TrialValues("trial").Take(3));
        var derived = (long)WeakToStrong.Randomness.SeedMixer.DeriveSeed(7, 2);
        Assert.Equal((double)derived, result.TrialValues("seed")[2]);
        Assert.Equal(new RandomStream(derived, 1).NextDouble(), result.TrialValues("value")[5]); // grid point 1, trial 2
        var other = Sweep.Run(Grid, trials: 3, seed: 8, job => job.Random.NextDouble());
        Assert.NotEqual(result.TrialValues("value"), other.TrialValues("value"));
    }

    [Fact]
    public void ProgressReachesTheTotalAndNeverExceedsIt()
    {
        var reports = new ConcurrentBag<SweepProgress>();
        var progress = new CollectingProgress(reports);
        Sweep.Run(Grid, [1, 2, 3], job => job.Random.NextDouble(), new SweepOptions { Progress = progress, MaxDegreeOfParallelism = 2 });
        Assert.Equal(13, reports.Count); // the initial 0/12 report plus one per job
        Assert.Equal(Enumerable.Range(0, 13), reports.Select(r => r.Completed).OrderBy(c => c));
        Assert.All(reports, r => Assert.Equal(12, r.Total));
    }

    [Fact]
    public void ProgressRenderersWriteBarsAndLines()
    {
        var writer = new StringWriter();
        var bar = new ConsoleProgressBar(writer, width: 10);
        bar.Report(new SweepProgress(1, 4, TimeSpan.FromSeconds(1)));
        bar.Report(new SweepProgress(0, 4, TimeSpan.FromSeconds(2))); // stale: ignored
        bar.Report(new SweepProgress(4, 4, TimeSpan.FromSeconds(4)));
        var text = writer.ToString();
        Assert.Contains("\r[##--------] 1/4 (25%) 1.0 s elapsed, ~3.0 s left", text);
        Assert.Contains("\r[##########] 4/4 (100%) 4.0 s elapsed" + Environment.NewLine, text);
        Assert.DoesNotContain("0/4", text);

        var lines = new List<string>();
        var callback = new TextProgress(lines.Add, TimeSpan.FromHours(1), width: 0);
        callback.Report(new SweepProgress(1, 3, TimeSpan.FromSeconds(1)));
        callback.Report(new SweepProgress(2, 3, TimeSpan.FromSeconds(2))); // throttled
        callback.Report(new SweepProgress(3, 3, TimeSpan.FromSeconds(3))); // final always shown
        Assert.Equal(["1/3 (33%) 1.0 s elapsed, ~2.0 s left", "3/3 (100%) 3.0 s elapsed"], lines);
    }

    [Fact]
    public void CancellationStopsTheSweep()
    {
        using var source = new CancellationTokenSource();
        source.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() =>
            Sweep.Run(Grid, [1], job => 1.0, new SweepOptions { CancellationToken = source.Token }));
    }

    [Fact]
    public void MeasurementFailuresNameTheGridPointAndSeed()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            Sweep.Run(Grid, [3], job => job.Integer("n") == 20 ? throw new ArgumentException("boom") : 1.0, new SweepOptions { MaxDegreeOfParallelism = 1 }));
        Assert.Contains("n=20, sigma=0.5", error.Message);
        Assert.Contains("seed 3", error.Message);
        Assert.Contains("boom", error.Message);
    }

    [Fact]
    public void NonFiniteMetricsAreRejected()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Sweep.Run(Grid, [0], job => new { Risk = double.NaN }));
        Assert.Contains("Risk = NaN", error.Message);
    }

    [Fact]
    public void TextParametersAndDictionaryResultsBecomeColumns()
    {
        var grid = ParameterGrid.Create().Vary("loss", "ce", "rce");
        var result = Sweep.Run(grid, [0], job => (IReadOnlyDictionary<string, double>)new Dictionary<string, double> { ["b"] = 2, ["a"] = job.Text("loss").Length });
        Assert.IsType<StringDataFrameColumn>(result.Trials.Columns["loss"]);
        Assert.Equal(["a", "b"], result.Metrics);
        Assert.Equal([2.0, 3.0], result.TrialValues("a"));
        Assert.Null(result.Summary.Columns["a_std"][0]); // one seed: no standard deviation
    }

    [Fact]
    public void GridPointsDescribeThemselvesAndRejectUnknownNames()
    {
        Assert.Equal(4, Grid.Count);
        Assert.Equal("n=20, sigma=2", Grid[3].ToString());
        var error = Assert.Throws<ArgumentException>(() => Grid[0]["m"]);
        Assert.Contains("\"m\"", error.Message);
        Assert.Contains("n, sigma", error.Message);
    }

    [Fact]
    public void WhereSelectsTheRowsOfOneParameterValue()
    {
        var result = Run(1).Where("sigma", 2.0);
        Assert.Equal(12, result.Trials.Rows.Count);
        Assert.Equal([5.0, 20.0], result.SummaryValues("n"));
        Assert.All(result.TrialValues("sigma"), v => Assert.Equal(2.0, v));
        Assert.Equal(Run(1).SummaryValues("Energy_mean")[3], result.SummaryValues("Energy_mean")[1]);
        Assert.Throws<ArgumentException>(() => result.Where("Energy", 1.0));
    }

    private sealed class CollectingProgress(ConcurrentBag<SweepProgress> bag) : IProgress<SweepProgress>
    {
        public void Report(SweepProgress value) => bag.Add(value);
    }
}
