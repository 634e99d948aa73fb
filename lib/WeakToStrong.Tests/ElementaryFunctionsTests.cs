namespace WeakToStrong.Tests;

public sealed class ElementaryFunctionsTests
{
    // Expected values from the C library's expm1/log1p (Python math.expm1/math.log1p), an independent implementation.
    [Theory]
    [InlineData(1e-10, 1.00000000005e-10)]
    [InlineData(-0.01, -0.009950166250831947)]
    [InlineData(-0.5, -0.3934693402873666)]
    [InlineData(3.0, 19.085536923187668)]
    [InlineData(-30.0, -0.9999999999999064)]
    [InlineData(1e-300, 1e-300)]
    public void Expm1IsAccurateToAFewUlps(double x, double expected)
    {
        Assert.True(Math.Abs(ElementaryFunctions.Expm1(x) - expected) <= 4 * Math.Abs(expected) * 1.1102230246251565e-16);
    }

    [Theory]
    [InlineData(1e-10, 9.999999999500001e-11)]
    [InlineData(-0.01, -0.010050335853501442)]
    [InlineData(-0.5, -0.6931471805599453)]
    [InlineData(3.0, 1.3862943611198906)]
    [InlineData(-0.999999, -13.815510557935518)]
    public void Log1pIsAccurateToAFewUlps(double x, double expected)
    {
        Assert.True(Math.Abs(ElementaryFunctions.Log1p(x) - expected) <= 4 * Math.Abs(expected) * 1.1102230246251565e-16);
    }

    [Fact]
    public void EdgeCasesFollowTheLimits()
    {
        Assert.Equal(-1.0, ElementaryFunctions.Expm1(-800));
        Assert.Equal(double.PositiveInfinity, ElementaryFunctions.Expm1(800));
        Assert.Equal(double.NegativeInfinity, ElementaryFunctions.Log1p(-1));
        Assert.True(double.IsNaN(ElementaryFunctions.Log1p(-2)));
    }
}
