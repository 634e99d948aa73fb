using WeakToStrong.RandomFeatures;
using WeakToStrong.Randomness;
using WeakToStrong.Statistics;
using WeakToStrong.Sweeps;

namespace WeakToStrong.Tests.RandomFeatures;

public sealed class TeacherWidthSweepTests
{
    [Fact]
    public void ReluSweepRowsAreTheOracleStoppedRunsOfTheJobsTeachers()
    {
        var result = TeacherWidthSweep.Relu([6], [8, 32], 2, seed: 5, gridPoints: 300, options: new SweepOptions { MaxDegreeOfParallelism = 1 });
        Assert.Equal(4, result.Trials.Rows.Count);
        var seeds = result.Trials.Columns["seed"]; // 64-bit seeds: read as long, not through double
        var widths = result.TrialValues("M_TE");
        for (var row = 0; row < 4; row++)
        {
            // Job (grid point g, trial t) draws from RandomStream(trial seed, g).
            var teacher = ReluTeacher.Sample(6, (int)widths[row], new RandomStream((long)seeds[row]!, row / 2));
            var stop = teacher.InfiniteWidthStudent().OracleStop(gridPoints: 300);
            Assert.Equal(teacher.Loss, result.TrialValues("TeacherLoss")[row]);
            Assert.Equal(stop.StudentLoss, result.TrialValues("StudentLoss")[row]);
            Assert.Equal(1 - stop.StudentLoss / teacher.Loss, result.TrialValues("Pgr")[row], 1e-15);
            Assert.Equal(QuadraticLowerBound.Value(teacher.Loss), result.TrialValues("LowerBound")[row]);
        }

        var parallel = TeacherWidthSweep.Relu([6], [8, 32], 2, seed: 5, gridPoints: 300);
        Assert.Equal(result.TrialValues("StudentLoss"), parallel.TrialValues("StudentLoss"));
    }

    [Fact]
    public void ACustomSweepWithGivenDirectionsIsTheOracleStopOfThoseTeachers()
    {
        // Fixed first-layer directions: the first M_TE rows of one 64×6 Gaussian draw, normalised onto the sphere.
        var directions = new RandomStream(17).NextGaussianMatrix(64, 6).NormalizeRows(2.0);
        var widths = GridParameter.Integer("M_TE");
        var grid = ParameterGrid.Create().Vary(widths, 4, 16, 64);
        var result = TeacherWidthSweep.Run(grid, 1, seed: 3, job => new ReluTeacher(directions.SubMatrix(0, job[widths], 0, 6)).InfiniteWidthStudent(), gridPoints: 300);
        for (var g = 0; g < 3; g++)
        {
            var teacher = new ReluTeacher(directions.SubMatrix(0, grid[g][widths], 0, 6));
            var stop = teacher.InfiniteWidthStudent().OracleStop(gridPoints: 300);
            Assert.Equal(teacher.Loss, result.Outcomes[g].TeacherLoss);
            Assert.Equal(stop.StudentLoss, result.Outcomes[g].StudentLoss);
        }

        // The library's ReLU sweep is this sweep with sampled teachers, to the bit.
        var relu = TeacherWidthSweep.Relu([6], [8, 32], 2, seed: 5, gridPoints: 300);
        var same = TeacherWidthSweep.Run(ParameterGrid.Create().Vary(TeacherWidthSweep.Dimension, 6).Vary(TeacherWidthSweep.TeacherWidth, 8, 32), 2, seed: 5,
            job => ReluTeacher.Sample(job[TeacherWidthSweep.Dimension], job[TeacherWidthSweep.TeacherWidth], job.Random).InfiniteWidthStudent(), gridPoints: 300);
        Assert.Equal(relu.TrialValues(r => r.StudentLoss), same.TrialValues(r => r.StudentLoss));
        Assert.Throws<ArgumentNullException>(() => TeacherWidthSweep.Run(grid, 1, 3, null!));
    }

    [Fact]
    public void SlopeIsTheLogLogFitOfTheRunsBelowTheCut()
    {
        var result = TeacherWidthSweep.Relu([5], [16, 32, 64, 128], 2, seed: 1, gridPoints: 300);
        var teacher = result.TrialValues("TeacherLoss");
        var student = result.TrialValues("StudentLoss");
        var cut = teacher.OrderBy(v => v).ElementAt(5);
        var keep = Enumerable.Range(0, teacher.Length).Where(i => teacher[i] < cut).ToArray();
        var expected = LogLogFit.Fit(keep.Select(i => teacher[i]).ToArray(), keep.Select(i => student[i]).ToArray());
        Assert.Equal(expected, TeacherWidthSweep.Slope(result, cut));
        // Every run respects L_ST* ≥ L_TE² (eigenfunction target).
        Assert.All(result.TrialValues("LossOverTeacherLossSquared"), r => Assert.True(r >= 1 - 1e-9, $"{r:R}"));
        Assert.Equal("maxTeacherLoss", Assert.Throws<ArgumentOutOfRangeException>(() => TeacherWidthSweep.Slope(result, 1e-12)).ParamName);
        Assert.Equal(expected, TeacherWidthSweep.TrySlope(result, cut));
    }

    [Fact]
    public void TrySlopeIsNullWithFewerThanThreeRunsBelowTheCut()
    {
        var result = TeacherWidthSweep.Relu([5], [16, 32, 64], 2, seed: 2, gridPoints: 300);
        var sorted = result.TrialValues("TeacherLoss").OrderBy(v => v).ToArray();
        Assert.Null(TeacherWidthSweep.TrySlope(result, sorted[0]));       // no run strictly below the smallest loss
        Assert.Null(TeacherWidthSweep.TrySlope(result, sorted[2]));       // two runs
        var three = TeacherWidthSweep.TrySlope(result, sorted[3]);
        Assert.NotNull(three);
        Assert.Equal(3, three.Count);
        Assert.Equal("maxTeacherLoss", Assert.Throws<ArgumentOutOfRangeException>(() => TeacherWidthSweep.TrySlope(result, 0)).ParamName);
    }

    [Fact]
    public void LinearFeatureSweepRespectsTheQuadraticBound()
    {
        var result = TeacherWidthSweep.LinearFeatures(200, [1.5], [4, 16, 64], 2, seed: 3, gridPoints: 300);
        Assert.Equal(6, result.Trials.Rows.Count);
        Assert.All(result.TrialValues("LossOverTeacherLossSquared"), r => Assert.True(r >= 1 - 1e-9, $"{r:R}"));
        Assert.All(result.TrialValues("LossRatio"), r => Assert.True(r < 1, $"{r:R}"));
    }

    [Fact]
    public void RejectsBadInput()
    {
        Assert.Equal("dimensions", Assert.Throws<ArgumentOutOfRangeException>(() => TeacherWidthSweep.Relu([1], [8], 1, 0)).ParamName);
        Assert.Equal("teacherWidths", Assert.Throws<ArgumentOutOfRangeException>(() => TeacherWidthSweep.Relu([3], [0], 1, 0)).ParamName);
        Assert.Equal("trials", Assert.Throws<ArgumentOutOfRangeException>(() => TeacherWidthSweep.Relu([3], [8], 0, 0)).ParamName);
        Assert.Equal("teacherWidths", Assert.Throws<ArgumentOutOfRangeException>(() => TeacherWidthSweep.LinearFeatures(10, [1.0], [10], 1, 0)).ParamName);
        Assert.Equal("exponents", Assert.Throws<ArgumentOutOfRangeException>(() => TeacherWidthSweep.LinearFeatures(10, [-1.0], [3], 1, 0)).ParamName);
    }
}
