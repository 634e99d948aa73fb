namespace WeakToStrong.Randomness;

/// <summary>
/// SplitMix64 (Steele, Lea and Flood 2014; the seeding generator recommended by Blackman and Vigna for
/// xoshiro): a bijective 64-bit mixing function and the sequence it generates. Used to turn a
/// (seed, trial, stream) triple into a well-spread 64-bit stream seed, so that nearby seeds (0, 1, 2, …)
/// give statistically unrelated streams.
/// </summary>
public static class SeedMixer
{
    /// <summary>The SplitMix64 increment, ⌊2⁶⁴/φ⌋ (an odd constant).</summary>
    public const ulong GoldenGamma = 0x9E3779B97F4A7C15UL;

    /// <summary>The SplitMix64 output function (Stafford's variant 13 finaliser): a bijection of the 64-bit integers with full avalanche.</summary>
    /// <param name="z">Any 64-bit value.</param>
    /// <returns>The mixed value.</returns>
    public static ulong Mix(ulong z)
    {
        unchecked
        {
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    /// <summary>One SplitMix64 step: advances <paramref name="state"/> by <see cref="GoldenGamma"/> and returns <c>Mix(state)</c>.</summary>
    /// <param name="state">The generator state, updated in place.</param>
    /// <returns>The next 64-bit output.</returns>
    public static ulong Next(ref ulong state)
    {
        unchecked
        {
            state += GoldenGamma;
        }

        return Mix(state);
    }

    /// <summary>
    /// The 64-bit seed of the stream for (<paramref name="seed"/>, <paramref name="trial"/>, <paramref name="stream"/>):
    /// h₀ = Mix(seed + γ), h₁ = Mix(h₀ ⊕ Mix(trial + 2γ)), h₂ = Mix(h₁ ⊕ Mix(stream + 3γ)), with γ = <see cref="GoldenGamma"/>.
    /// Every argument is used as a 64-bit two's-complement pattern, so negative values are allowed.
    /// </summary>
    /// <param name="seed">The experiment's seed (the notebook's <c>seed</c> parameter).</param>
    /// <param name="trial">The trial or job index (for sweeps: the grid index).</param>
    /// <param name="stream">An optional sub-stream id inside one trial (e.g. 0 = teacher data, 1 = student data).</param>
    /// <returns>The derived stream seed.</returns>
    public static ulong DeriveSeed(long seed, long trial = 0, long stream = 0)
    {
        unchecked
        {
            var h = Mix((ulong)seed + GoldenGamma);
            h = Mix(h ^ Mix((ulong)trial + (2 * GoldenGamma)));
            return Mix(h ^ Mix((ulong)stream + (3 * GoldenGamma)));
        }
    }
}
