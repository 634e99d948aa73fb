using MathNet.Numerics.LinearAlgebra;
using WeakToStrong.Dynamics;
using WeakToStrong.LinearAlgebra;
using WeakToStrong.Randomness;
using static WeakToStrong.Tests.NumericAssert;

namespace WeakToStrong.Tests.Dynamics;

public sealed class GradientFlowTests
{
    private static readonly MatrixBuilder<double> M = Matrix<double>.Build;
    private static readonly VectorBuilder<double> V = Vector<double>.Build;

    /// <summary>A random PSD matrix GᵀG/m of rank min(m, d) with a random linear term in its range.</summary>
    private static (Matrix<double> A, Vector<double> B) Problem(int seed, int d, int m)
    {
        var rng = new RandomStream(seed);
        var g = rng.NextGaussianMatrix(m, d);
        var a = g.TransposeThisAndMultiply(g) / m;
        a = (a + a.Transpose()) * 0.5;
        return (a, g.TransposeThisAndMultiply(rng.NextGaussianVector(m)) / m);
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(0.9)]
    [InlineData(1.7)]
    public void DiscreteStepsEqualAnExplicitGradientDescentLoop(double stepTimesLargestEigenvalue)
    {
        var (a, b) = Problem(1, 6, 10);
        var w0 = new RandomStream(2).NextGaussianVector(6);
        var flow = new GradientFlow(a, b, w0);
        var eta = stepTimesLargestEigenvalue / flow.LargestEigenvalue; // ηλ_max = 1.7 exercises the oscillating branch 1 < ηλ < 2
        var w = w0.Clone();
        for (var s = 0; s <= 60; s++)
        {
            var closedForm = flow.WeightsAfterSteps(s, eta);
            AssertBelow((closedForm - w).L2Norm(), 1e-11 * (1 + w.L2Norm()));
            w -= eta * ((a * w) - b);
        }
    }

    [Fact]
    public void ContinuousTrajectoryStartsAtW0AndSolvesTheOde()
    {
        var (a, b) = Problem(3, 5, 8);
        var w0 = V.Dense([0.3, -0.2, 0.1, 0.0, 0.5]);
        var flow = new GradientFlow(a, b, w0);
        AssertBelow((flow.Weights(0.0) - w0).InfinityNorm(), 1e-15);
        foreach (var t in new[] { 0.05, 0.7, 3.0 })
        {
            // Central finite difference of w(t) against the right-hand side b − A w(t).
            const double h = 1e-5;
            var derivative = (flow.Weights(t + h) - flow.Weights(t - h)) / (2 * h);
            var rhs = b - (a * flow.Weights(t));
            AssertBelow((derivative - rhs).InfinityNorm(), 1e-8);
        }
    }

    [Fact]
    public void ZeroInitFlowOnLeastSquaresConvergesToTheMinimumNormSolution()
    {
        var rng = new RandomStream(4);
        var x = rng.NextGaussianMatrix(6, 14);
        var y = rng.NextGaussianVector(6);
        var flow = GradientFlow.FromLeastSquares(x, y);
        var minimumNorm = LeastSquares.MinimumNorm(x, y);
        AssertBelow((flow.Limit() - minimumNorm).InfinityNorm(), 1e-10);
        var smallestPositive = flow.Eigenvalues.Where(v => v > 0).Min();
        var late = flow.Weights(60 / smallestPositive);
        AssertBelow((late - minimumNorm).InfinityNorm(), 1e-9);
    }

    [Fact]
    public void LeastSquaresObjectiveIsHalfTheMeanSquaredResidualUpToAConstant()
    {
        var rng = new RandomStream(5);
        var x = rng.NextGaussianMatrix(9, 4);
        var y = rng.NextGaussianVector(9);
        var flow = GradientFlow.FromLeastSquares(x, y);
        var w = rng.NextGaussianVector(4);
        var residual = (x * w) - y;
        Assert.Equal(0.5 * residual.DotProduct(residual) / 9, flow.Objective(w) + (0.5 * y.DotProduct(y) / 9), 12);
    }

    [Fact]
    public void LimitIsRejectedWhenTheObjectiveIsUnboundedBelow()
    {
        var flow = new GradientFlow(M.DenseOfDiagonalArray([1.0, 0.0]), V.Dense([1.0, 1.0]));
        Assert.Throws<InvalidOperationException>(() => flow.Limit());
        // Along the null direction the flow moves linearly: w₂(t) = t.
        Assert.Equal(2.5, flow.Weights(2.5)[1], 14);
    }

    [Fact]
    public void LossesAtManyTimesEqualTheRiskOfTheWeights()
    {
        var (a, b) = Problem(6, 7, 12);
        var w0 = new RandomStream(7).NextGaussianVector(7);
        var flow = new GradientFlow(a, b, w0);
        var times = new[] { 0.0, 0.01, 0.3, 1.0, 4.0, 50.0, 1e4 };
        var g = new RandomStream(8).NextGaussianMatrix(7, 7);
        var risks = new[]
        {
            new QuadraticRisk(g.TransposeThisAndMultiply(g), new RandomStream(9).NextGaussianVector(7), 0.25), // general metric
            new QuadraticRisk(a, new RandomStream(10).NextGaussianVector(7)), // commutes with A: the O(d) path
            QuadraticRisk.ExcessRisk(M.DenseIdentity(7), V.Dense(7)),
        };
        foreach (var risk in risks)
        {
            var losses = flow.Losses(risk, times);
            for (var j = 0; j < times.Length; j++)
            {
                var direct = risk.Evaluate(flow.Weights(times[j]));
                AssertClose(direct, losses[j], rtol: 1e-11, atol: 1e-11);
                Assert.Equal(losses[j], flow.Loss(risk, times[j]), 12);
            }

            var steps = new[] { 0, 1, 5, 40 };
            var eta = 0.5 * flow.MaximumStableStepSize;
            var stepLosses = flow.LossesAfterSteps(risk, steps, eta);
            for (var j = 0; j < steps.Length; j++)
            {
                var direct = risk.Evaluate(flow.WeightsAfterSteps(steps[j], eta));
                AssertBelow(Math.Abs(stepLosses[j] - direct), 1e-11 * (1 + direct));
            }
        }
    }

    [Fact]
    public void WeightsAtSeveralTimesAreTheColumnsOfTheTrajectoryMatrix()
    {
        var (a, b) = Problem(11, 4, 6);
        var flow = new GradientFlow(a, b);
        var times = new[] { 0.5, 2.0 };
        var trajectory = flow.Weights(times);
        AssertBelow((trajectory.Column(1) - flow.Weights(2.0)).InfinityNorm(), 1e-14);
    }

    [Fact]
    public void StoppingTimeFindsTheOneDimensionalMinimiser()
    {
        // A = [a], b = [a w*]: w(t) = w*(1 − e^{−at}); risk (w − c)² with 0 < c < w* is 0 at t* = −ln(1 − c/w*)/a.
        const double a = 0.3;
        const double wStar = 2.0;
        const double c = 1.5;
        var flow = new GradientFlow(M.DenseOfDiagonalArray([a]), V.Dense([a * wStar]));
        var risk = new QuadraticRisk(M.DenseIdentity(1), V.Dense([c]));
        var best = flow.OptimalStoppingTime(risk, 1e-3, 1e3, 50);
        var expected = -Math.Log(1 - (c / wStar)) / a;
        Assert.Equal(expected, best.Time, 6);
        AssertBelow(best.Loss, 1e-14);
        Assert.False(best.AtBoundary);
    }

    [Fact]
    public void StoppingTimeFindsTheTwoDimensionalMinimiser()
    {
        // A = diag(1, 0.01), b = A(1, 1): w(t) = (1 − e^{−t}, 1 − e^{−t/100}). Risk ‖w − (1, 0)‖² =
        // e^{−2t} + (1 − e^{−t/100})², whose derivative −2e^{−2t} + 0.02 e^{−t/100}(1 − e^{−t/100}) we root by bisection.
        var flow = new GradientFlow(M.DenseOfDiagonalArray([1.0, 0.01]), V.Dense([1.0, 0.01]));
        var risk = new QuadraticRisk(M.DenseIdentity(2), V.Dense([1.0, 0.0]));
        static double Derivative(double t) => (-2 * Math.Exp(-2 * t)) + (0.02 * Math.Exp(-t / 100) * (1 - Math.Exp(-t / 100)));
        double lo = 0.1, hi = 100;
        for (var i = 0; i < 200; i++)
        {
            var mid = 0.5 * (lo + hi);
            if (Derivative(mid) < 0)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        var best = flow.OptimalStoppingTime(risk, 1e-2, 1e4);
        Assert.Equal(lo, best.Time, 6);
        var expectedLoss = Math.Exp(-2 * lo) + Math.Pow(1 - Math.Exp(-lo / 100), 2);
        Assert.Equal(expectedLoss, best.Loss, 12);
    }

    [Fact]
    public void StoppingTimeReportsAMinimumAtTheBoundary()
    {
        // Risk against the flow's own limit decreases monotonically: the minimum is at t_max.
        var flow = new GradientFlow(M.DenseOfDiagonalArray([1.0]), V.Dense([1.0]));
        var best = flow.OptimalStoppingTime(new QuadraticRisk(M.DenseIdentity(1), V.Dense([1.0])), 0.1, 5.0, 20);
        Assert.True(best.AtBoundary);
        Assert.Equal(5.0, best.Time, 9);
        Assert.Equal(Math.Exp(-10), best.Loss, 14);
    }

    [Fact]
    public void UnstableStepSizesAreRejectedWithTheLimit()
    {
        var flow = new GradientFlow(M.DenseOfDiagonalArray([4.0, 1.0]), V.Dense([1.0, 1.0]));
        Assert.Equal(0.5, flow.MaximumStableStepSize);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => flow.WeightsAfterSteps(3, 0.5));
        Assert.Equal("stepSize", error.ParamName);
        Assert.Contains("0.5", error.Message);
        Assert.Contains("2/λ_max", error.Message);
    }

    [Fact]
    public void IndefiniteCurvatureIsRejected()
    {
        var error = Assert.Throws<ArgumentException>(() => new GradientFlow(M.DenseOfDiagonalArray([1.0, -0.5]), V.Dense([1.0, 1.0])));
        Assert.Equal("curvature", error.ParamName);
        Assert.Contains("-0.5", error.Message);
    }

    [Fact]
    public void RiskFromCoefficientsMatchesTheExpandedQuadratic()
    {
        var g = new RandomStream(12).NextGaussianMatrix(4, 4);
        var q = g.TransposeThisAndMultiply(g);
        var linear = new RandomStream(13).NextGaussianVector(4);
        var risk = QuadraticRisk.FromCoefficients(q, linear, 3.0);
        var w = new RandomStream(14).NextGaussianVector(4);
        Assert.Equal(w.DotProduct(q * w) - (2 * linear.DotProduct(w)) + 3.0, risk.Evaluate(w), 10);
        var unbounded = Assert.Throws<ArgumentException>(() => QuadraticRisk.FromCoefficients(M.DenseOfDiagonalArray([1.0, 0.0]), V.Dense([0.0, 1.0]), 0.0));
        Assert.Equal("linear", unbounded.ParamName);
    }

    [Fact]
    public void GenericSearchFindsTheMinimumOfAScalarCurve()
    {
        // R(t) = (ln t − ln 7)² + 0.25 is minimised at t* = 7 with R = 0.25.
        var best = StoppingTime.Search(t => Math.Pow(Math.Log(t) - Math.Log(7), 2) + 0.25, 1e-2, 1e4, 30);
        Assert.Equal(7.0, best.Time, 6);
        Assert.Equal(0.25, best.Loss, 12);
        var error = Assert.Throws<InvalidOperationException>(() => StoppingTime.Search(t => double.NaN, 1, 2, 3));
        Assert.Contains("finite", error.Message);
    }

    [Fact]
    public void SmallEigenvalueTimeProductsKeepFullPrecision()
    {
        // A = [1e-12], b = [1e-12] (w* = 1): w(1) = 1 − e^{−1e-12} = 1e-12 − 5e-25 + …; the naive 1 − exp(−λt)
        // would be off in the fifth digit. Discrete: (1 − (1 − ηλ)^s)/λ·b with η = 1, s = 3 is 3e-12 − 3e-24 + 1e-36.
        var flow = new GradientFlow(M.DenseOfDiagonalArray([1e-12]), V.Dense([1e-12]));
        AssertBelow(Math.Abs(flow.Weights(1.0)[0] - (1e-12 - 5e-25)), 1e-27);
        AssertBelow(Math.Abs(flow.WeightsAfterSteps(3, 1.0)[0] - (3e-12 - 3e-24)), 1e-27);
    }

    [Fact]
    public void IndefiniteRiskMetricsAreRejectedWhenFirstUsed()
    {
        var risk = new QuadraticRisk(M.DenseOfDiagonalArray([1.0, -2.0]), V.Dense(2));
        var direct = Assert.Throws<ArgumentException>(() => risk.Evaluate(V.Dense(2)));
        Assert.Equal("metric", direct.ParamName);
        Assert.Contains("-2", direct.Message);
        var flow = new GradientFlow(M.DenseOfDiagonalArray([2.0, 1.0]), V.Dense([1.0, 1.0]));
        var alongFlow = Assert.Throws<ArgumentException>(() => flow.Losses(new QuadraticRisk(M.DenseOfDiagonalArray([1.0, -2.0]), V.Dense(2)), [1.0]));
        Assert.Equal("metric", alongFlow.ParamName);
    }
}
