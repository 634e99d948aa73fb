using MathNet.Numerics.LinearAlgebra;
using WeakToStrong.Charts;
using WeakToStrong.Dynamics;
using WeakToStrong.LinearAlgebra;
using WeakToStrong.Metrics;
using WeakToStrong.Primer;
using WeakToStrong.Randomness;
using WeakToStrong.Statistics;
using WeakToStrong.Sweeps;

namespace WeakToStrong.Tests.Validation;

/// <summary>Every rejection names the parameter, shows the value received and states the valid range.</summary>
public sealed class ValidationMessageTests
{
    private static readonly MatrixBuilder<double> M = Matrix<double>.Build;
    private static readonly VectorBuilder<double> V = Vector<double>.Build;

    public static TheoryData<string, string, string, Action> Cases() => new()
    {
        { "rows", "-1", ">= 0", () => new RandomStream(0).NextGaussianMatrix(-1, 2) },
        { "standardDeviation", "NaN", "finite", () => new RandomStream(0).NextGaussianVector(3, double.NaN) },
        { "dimension", "0", ">= 1", () => new RandomStream(0).NextUnitVector(0) },
        { "rank", "5", "[1, 3]", () => new RandomStream(0).NextOrthonormalFrame(3, 5) },
        { "regularization", "-1", "> 0", () => Ridge.Solve(M.DenseIdentity(2), V.Dense(2), -1) },
        { "design.RowCount", "2", ">= 3", () => LeastSquares.Solve(M.Dense(2, 3), V.Dense(2)) },
        { "targets", "length 4", "expected 3", () => LeastSquares.MinimumNorm(M.Dense(3, 2), V.Dense(4)) },
        { "design", "NaN", "finite", () => LeastSquares.MinimumNorm(M.DenseOfArray(new[,] { { double.NaN } }), V.Dense(1)) },
        { "time", "-2", ">= 0", () => new GradientFlow(M.DenseIdentity(2), V.Dense(2)).Weights(-2.0) },
        { "maxTime", "0.5", "> minTime", () => new GradientFlow(M.DenseIdentity(1), V.Dense(1)).OptimalStoppingTime(QuadraticRisk.ExcessRisk(M.DenseIdentity(1), V.Dense(1)), 1.0, 0.5) },
        { "weakRisk", "NaN", ">= 0", () => WeakToStrongMetrics.PerformanceGapRecovered(double.NaN, 1, 0) },
        { "weakToStrongRisk", "0", "> 0", () => WeakToStrongMetrics.OutperformingRatio(1, 0) },
        { "level", "1.5", "(0, 1)", () => ConfidenceInterval.StudentT(0, 1, 5, 1.5) },
        { "x", "-1", "> 0", () => LogLogFit.Fit([1.0, -1.0, 2.0], [1.0, 1.0, 1.0]) },
        { "values", "1 entries", "at least 2", () => Descriptive.SampleVariance([1.0]) },
        { "seeds", "0 entries", "at least 1", () => Sweep.Run(ParameterGrid.Create(), [], job => 1.0) },
        { "name", "\"n\"", "new name", () => ParameterGrid.Create().Vary("n", 1).Vary("n", 2) },
        { "options.MaxDegreeOfParallelism", "0", ">= 1", () => Sweep.Run(ParameterGrid.Create(), [1], job => 1.0, new SweepOptions { MaxDegreeOfParallelism = 0 }) },
        { "maxValue", "-4", ">= 0", () => new RandomStream(0).Next(-4) },
        { "count", "-2", ">= 0", () => new RandomStream(0).NextUnitVectors(-2, 3) },
        { "steps", "-1", ">= 0", () => new GradientFlow(M.DenseIdentity(1), V.Dense(1)).WeightsAfterSteps(-1, 0.5) },
        { "regularization", "-0.5", ">= 0", () => RidgePath.FromData(M.DenseIdentity(2), V.Dense(2)).Solve(-0.5) },
        { "ceilingRisk", "-1", ">= 0", () => WeakToStrongMetrics.PerformanceGapRecovered(1, 0.5, -1) },
        { "standardError", "-1", ">= 0", () => ConfidenceInterval.Normal(0, -1) },
        { "y", "NaN", "> 0", () => LogLogFit.Fit([1.0, 2.0, 3.0], [1.0, double.NaN, 1.0]) },
        { "start", "0", "> 0", () => Spacing.Logarithmic(0, 1, 5) },
        { "count", "0", ">= 1", () => Spacing.Linear(0, 1, 0) },
        { "xTitle", "\"\"", "non-empty", () => Figure.Create("", "risk") },
        { "rows", "0", ">= 1", () => Plot.Grid(0, 1, [Figure.Create("x", "y").Line("a", [1.0], [1.0]).ToChart()]) },
        { "error", "-0.1", ">= 0", () => Figure.Create("x", "y").Points("a", [1.0], [1.0], [-0.1]) },
        { "overlap", "0", "[1, 40]", () => new RidgeWeakToStrongExperiment(overlap: 0) },
        { "pseudoLabelledSamples", "10", ">= 42", () => new RidgeWeakToStrongExperiment(pseudoLabelledSamples: 10) },
        { "noiseVariance", "0", "> 0", () => new RidgeWeakToStrongExperiment(noiseVariance: 0) },
        { "name", "is null", "non-empty name", () => ParameterGrid.Create().Vary((string)null!, 1) },
        { "count", "10", "count <= 4", () => Spacing.LinearIntegers(0, 3, 10) },
        { "eigenvalues", "0 entries", "at least 1", () => WeakToStrong.RandomFeatures.DeterministicEquivalent.ForLinearFeatures([], 1) },
        { "inputs", "0 entries", "at least 1", () => new WeakToStrong.Bregman.LogisticStudent([1.0, 2.0], 0).Accuracy(M.Dense(0, 2), []) },
        { "features", "0×0", "at least one row", () => WeakToStrong.IntrinsicDimension.IntrinsicSubspace.Of(M.Dense(0, 0)) },
        { "values", "overflows double", "rescale", () => Descriptive.Sum([1e308, 1e308]) },
        { "values", "overflows double (s = 1.41E+308)", "SampleStandardDeviation", () => Descriptive.SampleVariance([1e308, -1e308]) },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void MessagesNameTheParameterTheValueAndTheRange(string parameter, string value, string range, Action call)
    {
        var error = Assert.ThrowsAny<ArgumentException>(call);
        Assert.Equal(parameter, error.ParamName);
        Assert.Contains(parameter, error.Message);
        Assert.Contains(value, error.Message);
        Assert.Contains(range, error.Message);
    }
}
