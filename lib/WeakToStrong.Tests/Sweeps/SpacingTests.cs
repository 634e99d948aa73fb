using WeakToStrong.Sweeps;

namespace WeakToStrong.Tests.Sweeps;

public sealed class SpacingTests
{
    [Fact]
    public void LinearAndLogarithmicGridsHitTheirEndpoints()
    {
        Assert.Equal([0.0, 0.25, 0.5, 0.75, 1.0], Spacing.Linear(0, 1, 5));
        var log = Spacing.Logarithmic(1e-2, 1e2, 5);
        Assert.Equal(1e-2, log[0]);
        Assert.Equal(1.0, log[2], 14);
        Assert.Equal(1e2, log[4]);
    }

    [Fact]
    public void IntegerGridsTruncateLikeTorch()
    {
        // linspace(400, 4000, 20): step 3600/19 = 189.47…, so the second value 589.47… truncates to 589.
        var grid = Spacing.LinearIntegers(400, 4000, 20);
        Assert.Equal(400, grid[0]);
        Assert.Equal(589, grid[1]);
        Assert.Equal(4000, grid[^1]);
    }
}
