using MathNet.Numerics.Random;

namespace WeakToStrong.IntrinsicDimension;

/// <summary>
/// Random streams keyed by (seed, index, purpose): a SplitMix64 mix of the three keys seeds MathNet's
/// Xoshiro256StarStar, so a trial's draws depend only on its keys and never on thread scheduling.
/// Internal and temporary: it will move to the core's per-(seed, trial) streams.
/// </summary>
internal static class TrialRandom
{
    /// <summary>Purpose key of the per-trial data draws (inputs and label noise).</summary>
    public const ulong TrialData = 0x5452_4941_4C00_0001UL;

    /// <summary>Purpose key of the per-trial sufficient statistics (Wishart Gram matrices and Zᵀε).</summary>
    public const ulong WishartData = 0x5749_5348_4152_0004UL;

    /// <summary>Purpose key of the ground-truth Rademacher signs.</summary>
    public const ulong GroundTruth = 0x4752_4F55_4E44_0002UL;

    /// <summary>Purpose key of random bases and random projections.</summary>
    public const ulong Projection = 0x5052_4F4A_4543_0003UL;

    public static Random Create(long seed, long index, ulong purpose)
    {
        var state = Mix(purpose);
        state = Mix(state ^ unchecked((ulong)seed));
        state = Mix(state ^ unchecked((ulong)index));
        // MathNet's Xoshiro256StarStar only takes a 32-bit seed (which it expands with SplitMix64 itself);
        // fold the 64-bit mix into it. The core's streams will seed the full 256-bit state instead.
        var folded = unchecked((int)(uint)(state ^ (state >> 32)));
        return new Xoshiro256StarStar(folded, threadSafe: false);
    }

    /// <summary>The SplitMix64 finaliser (Steele, Lea and Flood 2014), applied after adding the golden gamma.</summary>
    private static ulong Mix(ulong x)
    {
        unchecked
        {
            var z = x + 0x9E37_79B9_7F4A_7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58_476D_1CE4_E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D0_49BB_1331_11EBUL;
            return z ^ (z >> 31);
        }
    }
}
