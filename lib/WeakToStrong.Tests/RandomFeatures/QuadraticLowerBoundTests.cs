using WeakToStrong.RandomFeatures;

namespace WeakToStrong.Tests.RandomFeatures;

public sealed class QuadraticLowerBoundTests
{
    [Theory]
    [InlineData(0.01, 1.0)]
    [InlineData(0.2, 1.0)]
    [InlineData(0.7, 1.0)]
    [InlineData(0.3, 2.5)]
    public void EqualsTheSpecFormula(double teacherLoss, double targetNormSquared)
    {
        // (ε − s*)² with s* = (−r + √(r² + 4rε))/2, evaluated naively (fine away from small L_TE).
        var r = Math.Sqrt(targetNormSquared - teacherLoss);
        var epsilon = Math.Sqrt(teacherLoss);
        var s = (-r + Math.Sqrt(r * r + 4 * r * epsilon)) / 2;
        var naive = (epsilon - s) * (epsilon - s);
        Assert.Equal(naive, QuadraticLowerBound.Value(teacherLoss, targetNormSquared), 1e-13 * naive);
    }

    [Fact]
    public void IsQuadraticForGoodTeachersAndTrivialForChanceLevelOnes()
    {
        // L²/(√(1−L) + 2√L)² is the leading-order form of LB; relative gap O(L) as L → 0.
        foreach (var loss in new[] { 1e-8, 1e-6, 1e-4 })
        {
            var approximate = loss * loss / Math.Pow(Math.Sqrt(1 - loss) + 2 * Math.Sqrt(loss), 2);
            Assert.Equal(approximate, QuadraticLowerBound.Value(loss), 10 * loss * approximate);
            Assert.True(QuadraticLowerBound.Value(loss) > 0);
        }

        Assert.Equal(1.0, QuadraticLowerBound.Value(1.0));
        Assert.Equal(0.0, QuadraticLowerBound.Value(0.0));
        Assert.Equal(2.0, QuadraticLowerBound.Value(2.0, 2.0));
        var values = QuadraticLowerBound.Values(Enumerable.Range(1, 99).Select(i => i / 100.0).ToArray());
        for (var i = 1; i < values.Length; i++)
        {
            Assert.True(values[i] > values[i - 1]); // increasing in L_TE
        }
    }

    [Fact]
    public void EigenfunctionTargetBoundIsTheSquare()
    {
        Assert.Equal(0.04, QuadraticLowerBound.ForEigenfunctionTarget(0.2), 1e-17);
        Assert.Equal(0.04 / 2, QuadraticLowerBound.ForEigenfunctionTarget(0.2, 2.0), 1e-17);
        foreach (var loss in new[] { 1e-6, 1e-3, 0.1, 0.5, 0.9 })
        {
            Assert.True(QuadraticLowerBound.ForEigenfunctionTarget(loss) >= QuadraticLowerBound.Value(loss));
        }
    }

    [Fact]
    public void RejectsBadInput()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => QuadraticLowerBound.Value(1.5));
        Assert.Equal("teacherLoss", e.ParamName);
        Assert.Contains("[0, 1]", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => QuadraticLowerBound.Value(-0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => QuadraticLowerBound.Value(double.NaN));
        Assert.Equal("targetNormSquared", Assert.Throws<ArgumentOutOfRangeException>(() => QuadraticLowerBound.Value(0.1, 0)).ParamName);
    }
}
