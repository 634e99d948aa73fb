using MathNet.Numerics.LinearAlgebra;
using WeakToStrong.Metrics;

namespace WeakToStrong.Tests.Metrics;

public sealed class MetricsTests
{
    [Fact]
    public void PgrAndOprFollowTheirDefinitions()
    {
        // PGR = (4 − 2)/(4 − 0) = 0.5; with ceiling 1: (4 − 2)/(4 − 1) = 2/3. OPR = R_s/R_w2s = 3/2.
        Assert.Equal(0.5, WeakToStrongMetrics.PerformanceGapRecovered(4, 2, 0), 15);
        Assert.Equal(2.0 / 3.0, WeakToStrongMetrics.PerformanceGapRecovered(4, 2, 1), 15);
        Assert.Equal(1.5, WeakToStrongMetrics.OutperformingRatio(3, 2), 15);
        // Beating the ceiling gives PGR > 1.
        Assert.Equal(1.5, WeakToStrongMetrics.PerformanceGapRecovered(4, 1, 2), 15); // (4 − 1)/(4 − 2)
    }

    [Fact]
    public void MeanOfPerTrialRatiosDiffersFromRatioOfMeans()
    {
        double[] weak = [4, 2];
        double[] w2s = [2, 1];
        double[] ceiling = [0, 1];
        // Per trial: 0.5 and (2 − 1)/(2 − 1) = 1, mean 0.75. Of means: (3 − 1.5)/(3 − 0.5) = 0.6.
        Assert.Equal(0.75, WeakToStrongMetrics.MeanPerformanceGapRecovered(weak, w2s, ceiling), 15);
        Assert.Equal(0.6, WeakToStrongMetrics.PerformanceGapRecoveredOfMeans(weak, w2s, ceiling), 15);
        // OPR per trial: 4/2 = 2 and 2/1 = 2 → 2; of means 3/1.5 = 2.
        Assert.Equal(2.0, WeakToStrongMetrics.MeanOutperformingRatio(weak, w2s), 15);
        Assert.Equal(2.0, WeakToStrongMetrics.OutperformingRatioOfMeans(weak, w2s), 15);
    }

    [Fact]
    public void TheMeanOfPerTrialOprExceedsTheRatioOfMeansWhenTheStudentVaries()
    {
        // Baseline 2 in both trials, student 1 then 4: per trial 2 and 0.5, mean 1.25; of means 2/2.5 = 0.8 (Jensen: E[1/Y] ≥ 1/E Y).
        double[] baseline = [2, 2];
        double[] w2s = [1, 4];
        Assert.Equal(1.25, WeakToStrongMetrics.MeanOutperformingRatio(baseline, w2s), 15);
        Assert.Equal(0.8, WeakToStrongMetrics.OutperformingRatioOfMeans(baseline, w2s), 15);
    }

    [Fact]
    public void PgrIsUndefinedWhenWeakEqualsCeiling()
    {
        var error = Assert.Throws<ArgumentException>(() => WeakToStrongMetrics.PerformanceGapRecovered(1, 0.5, 1));
        Assert.Equal("ceilingRisk", error.ParamName);
    }

    [Fact]
    public void ExcessRisksMatchHandComputedValues()
    {
        var w = Vector<double>.Build.Dense([2.0, 3.0]);
        var wStar = Vector<double>.Build.Dense([1.0, 1.0]);
        // δ = (1, 2): isotropic 1 + 4 = 5; Σ = diag(2, 1): 2·1 + 1·4 = 6; with Σ₁₂ = 0.5 add 2·0.5·1·2 = 2 → 8.
        Assert.Equal(5.0, ExcessRisk.Isotropic(w, wStar), 15);
        Assert.Equal(6.0, ExcessRisk.Diagonal(w, wStar, [2.0, 1.0]), 15);
        Assert.Equal(6.0, ExcessRisk.Linear(w, wStar, Matrix<double>.Build.DenseOfDiagonalArray([2.0, 1.0])), 15);
        Assert.Equal(8.0, ExcessRisk.Linear(w, wStar, Matrix<double>.Build.DenseOfArray(new[,] { { 2.0, 0.5 }, { 0.5, 1.0 } })), 15);
        Assert.Equal(2.5, ExcessRisk.MeanSquaredError(w, wStar), 15);
    }

    [Fact]
    public void RisksRecordDerivesPgrOprAndTabulates()
    {
        var a = new WeakToStrongRisks(Weak: 4, WeakToStrong: 2, StrongBaseline: 3, StrongCeiling: 0);
        var b = new WeakToStrongRisks(Weak: 4, WeakToStrong: 1, StrongBaseline: 1, StrongCeiling: 2);
        Assert.Equal(0.5, a.PerformanceGapRecovered, 15);
        Assert.Equal(1.5, a.OutperformingRatio, 15);
        var table = WeakToStrongRisks.Table(("a", a), ("b", b));
        Assert.Equal(["quantity", "a", "b"], table.Columns.Select(c => c.Name));
        Assert.Equal(6, table.Rows.Count);
        Assert.Equal("PGR", table.Columns["quantity"][4]);
        Assert.Equal(1.5, (double)table.Columns["b"][4]!, 15); // (4 − 1)/(4 − 2)
        Assert.Equal(1.0, (double)table.Columns["b"][5]!, 15);
        Assert.Throws<ArgumentException>(() => WeakToStrongRisks.Table(("a", a), ("a", b)));
    }
}
