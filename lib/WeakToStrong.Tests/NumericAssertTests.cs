using MathNet.Numerics.LinearAlgebra;
using static WeakToStrong.Tests.NumericAssert;

namespace WeakToStrong.Tests;

/// <summary>The numerical assertions pass within their tolerance and, outside it, say what they compared.</summary>
public sealed class NumericAssertTests
{
    [Fact]
    public void AFailureShowsBothValuesTheDifferenceAndTheTolerance()
    {
        AssertClose(1.0, 1.0 + 1e-13, atol: 1e-12);
        AssertClose(100.0, 100.5, rtol: 0.01);
        var expected = 1.0;
        var actual = 1.1;
        var error = Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => AssertClose(expected, actual, atol: 0.01));
        Assert.Contains("actual = 1.1, expected expected = 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("0.01", error.Message, StringComparison.Ordinal);
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => AssertClose(1.0, double.NaN, atol: 1));
    }

    [Fact]
    public void VectorsAreComparedEntryByEntryAndTheWorstIsNamed()
    {
        var expected = Vector<double>.Build.DenseOfArray([1.0, 2.0, 3.0]);
        var actual = Vector<double>.Build.DenseOfArray([1.0, 2.5, 3.0]);
        var error = Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => AssertClose(expected, actual, atol: 0.1));
        Assert.Contains("at [1]", error.Message, StringComparison.Ordinal);
        AssertClose(expected, actual, rtol: 0.2); // 0.5 ≤ 0.2 · 3
    }

    [Fact]
    public void BoundsAreStrictOrNotAsNamed()
    {
        AssertAtMost(1.0, 1.0);
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => AssertBelow(1.0, 1.0));
        var gap = 2.0;
        var error = Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => AssertAtMost(gap, 1.5));
        Assert.Equal("AssertAtMost failed: gap = 2 exceeds 1.5 = 1.5.", error.Message);
    }
}
