using static WeakToStrong.Tests.NumericAssert;
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
        AssertAtMost(Math.Abs(ElementaryFunctions.Expm1(x) - expected), 4 * Math.Abs(expected) * 1.1102230246251565e-16);
    }

    [Theory]
    [InlineData(1e-10, 9.999999999500001e-11)]
    [InlineData(-0.01, -0.010050335853501442)]
    [InlineData(-0.5, -0.6931471805599453)]
    [InlineData(3.0, 1.3862943611198906)]
    [InlineData(-0.999999, -13.815510557935518)]
    public void Log1pIsAccurateToAFewUlps(double x, double expected)
    {
        AssertAtMost(Math.Abs(ElementaryFunctions.Log1p(x) - expected), 4 * Math.Abs(expected) * 1.1102230246251565e-16);
    }

    [Fact]
    public void EdgeCasesFollowTheLimits()
    {
        Assert.Equal(-1.0, ElementaryFunctions.Expm1(-800));
        Assert.Equal(double.PositiveInfinity, ElementaryFunctions.Expm1(800));
        Assert.Equal(double.NegativeInfinity, ElementaryFunctions.Log1p(-1));
        Assert.True(double.IsNaN(ElementaryFunctions.Log1p(-2)));
    }

    [Theory]
    [InlineData(0.0, 0.5)]
    [InlineData(2.0, 0.88079707797788231)] // 1/(1 + e^{−2})
    [InlineData(-2.0, 0.11920292202211755)]
    [InlineData(-745.0, 4.9406564584124654e-324)] // e^{−745}: the smallest subnormal, where 1/(1 + e^{745}) would overflow to 0
    public void SigmoidMatchesItsClosedForm(double logit, double expected) =>
        Assert.Equal(expected, ElementaryFunctions.Sigmoid(logit), 15);

    [Fact]
    public void SigmoidAndLogitAreInversesWithTheRightDerivative()
    {
        foreach (var z in new[] { -30.0, -3.0, -0.1, 0.0, 0.7, 5.0, 30.0 })
        {
            var p = ElementaryFunctions.Sigmoid(z);
            Assert.Equal(1.0, p + ElementaryFunctions.Sigmoid(-z), 15); // σ(z) + σ(−z) = 1
            Assert.True(Math.Abs(ElementaryFunctions.Logit(p) - z) <= 1e-9 * Math.Max(1, Math.Abs(z)) || Math.Abs(z) > 20, $"logit(σ({z})) = {ElementaryFunctions.Logit(p)}");
            const double h = 1e-5;
            var finiteDifference = (ElementaryFunctions.Sigmoid(z + h) - ElementaryFunctions.Sigmoid(z - h)) / (2 * h);
            Assert.Equal(p * (1 - p), finiteDifference, 9); // σ' = σ(1 − σ)
            Assert.Equal(Math.Log(p), ElementaryFunctions.LogSigmoid(z), 12);
        }

        Assert.Equal(-800.0, ElementaryFunctions.LogSigmoid(-800.0), 12);
        Assert.Equal(double.NegativeInfinity, ElementaryFunctions.Logit(0.0));
        Assert.Equal(double.PositiveInfinity, ElementaryFunctions.Logit(1.0));
        Assert.Equal(Math.Log(2), ElementaryFunctions.Softplus(0.0), 15);
    }

    [Fact]
    public void ALogitOfANonProbabilityIsRefusedByName()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ElementaryFunctions.Logit(1.5));
        Assert.Equal("probability", error.ParamName);
        Assert.Contains("1.5", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => ElementaryFunctions.Sigmoid(double.NaN));
    }
}
