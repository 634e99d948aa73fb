using System.Globalization;
using System.Runtime.CompilerServices;
using MathNet.Numerics.LinearAlgebra;

namespace WeakToStrong.Tests;

/// <summary>
/// Numerical assertions that print what they compared when they fail: both values, their difference and the
/// tolerance, with the expressions as written in the test (<c>using static WeakToStrong.Tests.NumericAssert;</c>).
/// </summary>
internal static class NumericAssert
{
    /// <summary>|actual − expected| ≤ atol + rtol·|expected| (numpy's <c>isclose</c> rule).</summary>
    public static void AssertClose(double expected, double actual, double rtol = 0, double atol = 0,
        [CallerArgumentExpression(nameof(expected))] string expectedText = "", [CallerArgumentExpression(nameof(actual))] string actualText = "")
    {
        var tolerance = atol + (rtol * Math.Abs(expected));
        var difference = Math.Abs(actual - expected);
        if (!(difference <= tolerance))
        {
            throw new Xunit.Sdk.XunitException(
                $"AssertClose failed: {actualText} = {G(actual)}, expected {expectedText} = {G(expected)}; |difference| = {G(difference)} > atol + rtol·|expected| = {G(tolerance)} (rtol {G(rtol)}, atol {G(atol)}).");
        }
    }

    /// <summary>‖actual − expected‖∞ ≤ atol + rtol·‖expected‖∞; the failure names the worst entry.</summary>
    public static void AssertClose(Vector<double> expected, Vector<double> actual, double rtol = 0, double atol = 0,
        [CallerArgumentExpression(nameof(expected))] string expectedText = "", [CallerArgumentExpression(nameof(actual))] string actualText = "")
    {
        Xunit.Assert.Equal(expected.Count, actual.Count);
        var worst = (actual - expected).AbsoluteMaximumIndex();
        var tolerance = atol + (rtol * expected.InfinityNorm());
        var difference = Math.Abs(actual[worst] - expected[worst]);
        if (!(difference <= tolerance))
        {
            throw new Xunit.Sdk.XunitException(
                $"AssertClose failed at [{worst}]: {actualText}[{worst}] = {G(actual[worst])}, expected {expectedText}[{worst}] = {G(expected[worst])}; |difference| = {G(difference)} > {G(tolerance)} (rtol {G(rtol)}, atol {G(atol)}).");
        }
    }

    /// <summary>value ≤ bound (an error, a norm or a gap that must be small), printing both.</summary>
    public static void AssertAtMost(double value, double bound,
        [CallerArgumentExpression(nameof(value))] string valueText = "", [CallerArgumentExpression(nameof(bound))] string boundText = "")
    {
        if (!(value <= bound))
        {
            throw new Xunit.Sdk.XunitException($"AssertAtMost failed: {valueText} = {G(value)} exceeds {boundText} = {G(bound)}.");
        }
    }

    /// <summary>value &lt; bound (strictly), printing both.</summary>
    public static void AssertBelow(double value, double bound,
        [CallerArgumentExpression(nameof(value))] string valueText = "", [CallerArgumentExpression(nameof(bound))] string boundText = "")
    {
        if (!(value < bound))
        {
            throw new Xunit.Sdk.XunitException($"AssertBelow failed: {valueText} = {G(value)} is not below {boundText} = {G(bound)}.");
        }
    }

    private static string G(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
