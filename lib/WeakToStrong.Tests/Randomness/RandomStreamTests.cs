using WeakToStrong.Randomness;

namespace WeakToStrong.Tests.Randomness;

public sealed class RandomStreamTests
{
    [Fact]
    public void SplitMixMatchesTheReferenceOutputsFromSeedZero()
    {
        // Reference values of splitmix64.c (Vigna) started from state 0.
        ulong state = 0;
        Assert.Equal(0xE220A8397B1DCDAFUL, SeedMixer.Next(ref state));
        Assert.Equal(0x6E789E6AA1B965F4UL, SeedMixer.Next(ref state));
        Assert.Equal(0x06C45D188009454FUL, SeedMixer.Next(ref state));
    }

    [Fact]
    public void XoshiroMatchesTheReferenceOutputsFromState1234()
    {
        // Reference values of xoshiro256starstar.c (Blackman and Vigna) from s = {1, 2, 3, 4}.
        var stream = new RandomStream(1UL, 2UL, 3UL, 4UL);
        Assert.Equal(11520UL, stream.NextUInt64());
        Assert.Equal(0UL, stream.NextUInt64());
        Assert.Equal(1509978240UL, stream.NextUInt64());
        Assert.Equal(1215971899390074240UL, stream.NextUInt64());
    }

    [Fact]
    public void TheSameSeedTrialAndStreamGiveTheSameSequence()
    {
        var a = new RandomStream(7, 3, 1);
        var b = new RandomStream(7, 3, 1);
        for (var i = 0; i < 1000; i++)
        {
            Assert.Equal(a.NextUInt64(), b.NextUInt64());
        }
    }

    [Theory]
    [InlineData(7, 3, 0, 8, 3, 0)]
    [InlineData(7, 3, 0, 7, 4, 0)]
    [InlineData(7, 3, 0, 7, 3, 1)]
    [InlineData(0, 1, 0, 1, 0, 0)]
    public void NeighbouringSeedsGiveDifferentStreams(long seedA, long trialA, long streamA, long seedB, long trialB, long streamB)
    {
        var a = new RandomStream(seedA, trialA, streamA);
        var b = new RandomStream(seedB, trialB, streamB);
        var equal = Enumerable.Range(0, 100).Count(_ => a.NextUInt64() == b.NextUInt64());
        Assert.Equal(0, equal);
    }

    [Fact]
    public void DoublesAreInTheUnitIntervalWithMeanOneHalf()
    {
        var stream = new RandomStream(1);
        const int n = 200_000;
        var values = Enumerable.Range(0, n).Select(_ => stream.NextDouble()).ToArray();
        Assert.All(values, v => Assert.True(v >= 0 && v < 1));
        // Var(U) = 1/12, so the mean has standard error sqrt(1/(12n)); allow 5 standard errors.
        Assert.InRange(values.Average(), 0.5 - (5 * Math.Sqrt(1.0 / (12 * n))), 0.5 + (5 * Math.Sqrt(1.0 / (12 * n))));
    }

    [Fact]
    public void BoundedIntegersAreUniformOverTheirRange()
    {
        var stream = new RandomStream(2);
        const int n = 100_000;
        const int buckets = 7;
        var counts = new int[buckets];
        for (var i = 0; i < n; i++)
        {
            counts[stream.Next(buckets)]++;
        }

        // Each count is Binomial(n, 1/7): sd = sqrt(n p (1 − p)); allow 5 sd.
        var p = 1.0 / buckets;
        var sd = Math.Sqrt(n * p * (1 - p));
        Assert.All(counts, c => Assert.InRange(c, (n * p) - (5 * sd), (n * p) + (5 * sd)));
        Assert.All(Enumerable.Range(0, 1000).Select(_ => stream.Next(-3, 4)), v => Assert.InRange(v, -3, 3));
        Assert.All(Enumerable.Range(0, 1000).Select(_ => stream.NextInt64(10, 12)), v => Assert.InRange(v, 10L, 11L));
    }

    [Fact]
    public void SubstreamsAreIndependentOfHowFarTheParentAdvanced()
    {
        var parent = new RandomStream(5, 9);
        var before = parent.Substream(2).NextUInt64();
        parent.NextUInt64();
        var after = parent.Substream(2).NextUInt64();
        Assert.Equal(before, after);
        Assert.Equal(new RandomStream(5, 9, 2).NextUInt64(), before);
    }
}
