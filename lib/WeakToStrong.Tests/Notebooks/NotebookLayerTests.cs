using WeakToStrong.Notebooks;

namespace WeakToStrong.Tests.Notebooks;

/// <summary>The parameters cell's scale, the validation cell's parameter check and the checks cell's claims.</summary>
public sealed class NotebookLayerTests
{
    [Fact]
    public void AKnobTheReaderSetWinsOverTheScale()
    {
        int? trials = 7;
        int? unset = null;
        Assert.Equal(7, Scale.Paper.Pick(trials, 20, 200));
        Assert.Equal(200, Scale.Paper.Pick(unset, 20, 200));
        Assert.Equal(20, Scale.Default.Pick(unset, 20, 200));
        int[]? widths = null;
        Assert.Equal([1, 2], Scale.Parse("paper").Pick(widths, [1], [1, 2]));
        Assert.True(Scale.Parse("paper").IsPaper);
    }

    [Fact]
    public void AnUnknownScaleIsRefusedByItsNameWithTheValidValues()
    {
        var scale = "Paper";
        var error = Assert.Throws<ArgumentException>(() => Scale.Parse(scale));
        Assert.Contains("scale = \"Paper\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"default\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryBadParameterGetsOneLineNamingItsValueAndRange()
    {
        var trials = 1;
        var noise = 0.0;
        var loss = "hinge";
        int[] widths = [512, 128];
        var check = new ParameterCheck()
            .Integer(trials, 2, 10_000)
            .Real(noise, 0, double.PositiveInfinity, lowerOpen: true)
            .Choice(loss, ["CE", "RCE"])
            .Integers(widths, 1, 65_536, minimumCount: 2, increasing: true)
            .That(false, "weakDimension", 40, "≥ strongDimension = 50");

        Assert.Equal(
        [
            "trials = 1 is out of range; expected an integer in [2, 10000].",
            "noise = 0 is out of range; expected a finite number in (0, ∞).",
            "loss = \"hinge\" is not valid; expected one of \"CE\", \"RCE\".",
            "widths = [512, 128] is not strictly increasing at [1] (512 then 128); expected increasing values.",
            "weakDimension = 40 is not valid; expected ≥ strongDimension = 50.",
        ], check.Problems);
        var error = Assert.Throws<ArgumentException>(check.ThrowIfInvalid);
        Assert.StartsWith("5 parameter value(s) are invalid", error.Message, StringComparison.Ordinal);
        Assert.Contains(check.Problems[1], error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidParametersPassAndNaNIsNeverValid()
    {
        var ok = 3;
        new ParameterCheck().Integer(ok, 2, 3).Real(0.5, 0, 1).Reals([0.1, 1.0], 0, 1).ThrowIfInvalid();
        var nan = double.NaN;
        Assert.Single(new ParameterCheck().Real(nan, double.NegativeInfinity, double.PositiveInfinity).Problems);
        Assert.Single(new ParameterCheck().Reals([0.5, double.NaN], 0, 1).Problems);
    }

    [Fact]
    public void ClaimsAreJudgedOnTheirNumbersAndAFailureListsThem()
    {
        var claims = new Claims("Checks")
            .Close(1.0 + 1e-13, 1.0, 1e-12, "an identity to rounding")
            .Near(10.2, 0.1, 10.0, "a mean near its expectation") // 2 s.e.: holds at 3.5
            .Near(10.5, 0.1, 10.0, "a mean far from its expectation") // 5 s.e.: fails
            .Below(0.9, 0.1, 1.0, 0.1, "student below teacher") // −0.71 s.e.: not contradicted
            .Below(1.6, 0.1, 1.0, 0.1, "student below teacher, contradicted") // +4.2 s.e.: fails
            .Below(1.0, 0, 2.0, 0, "exact values in order")
            .That(true, "a count", "3 of 3");

        Assert.Equal([true, true, false, true, false, true, true], claims.Results.Select(r => r.Holds));
        Assert.Contains("5 s.e.", claims.Results[2].Numbers, StringComparison.Ordinal);
        var error = Assert.Throws<InvalidOperationException>(() => claims.Report());
        Assert.StartsWith("2 claim(s) failed", error.Message, StringComparison.Ordinal);
        Assert.Contains("a mean far from its expectation — 10.5 ± 0.1 (s.e.) vs 10", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("a count", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheFalseAlarmRateOfAStatisticalClaimIsTheNormalTail()
    {
        // Near at z = 3.5 on exact normal means: the two-sided tail 2Φ(−3.5) = 4.65e-4; over 200 000 seeded draws the
        // count of false alarms is Binomial(200 000, 4.65e-4): mean 93, s.d. 9.6.
        var random = new Random(20261204);
        var alarms = 0;
        for (var i = 0; i < 200_000; i++)
        {
            var u1 = 1.0 - random.NextDouble();
            var u2 = random.NextDouble();
            var normal = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
            alarms += new Claims("c").Near(normal, 1.0, 0.0, "true claim").FailedCount;
        }

        Assert.InRange(alarms, 93 - (5 * 9.6), 93 + (5 * 9.6));
    }
}
