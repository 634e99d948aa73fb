using WeakToStrong.Validation;

namespace WeakToStrong.Randomness;

/// <summary>
/// A deterministic, seedable random-number stream: xoshiro256** (Blackman and Vigna 2018, period 2²⁵⁶ − 1)
/// whose 256-bit state is filled by SplitMix64 from a seed derived from (seed, trial, stream) by
/// <see cref="SeedMixer.DeriveSeed"/>. It derives from <see cref="System.Random"/>, so every MathNet.Numerics
/// distribution accepts it, and every member of <see cref="System.Random"/> is overridden, so the stream of
/// numbers is fixed by this class alone (it does not depend on the .NET version, the thread count or the
/// scheduling of a sweep).
/// </summary>
/// <remarks>
/// The implementation is written here (rather than MathNet's <c>Xoshiro256StarStar</c>) because MathNet's
/// generator is seeded from a 32-bit integer; this one is seeded from the full 64-bit mixed seed.
/// Doubles are <c>(x &gt;&gt; 11)·2⁻⁵³</c> ∈ [0, 1); bounded integers use Lemire's multiply-and-reject method
/// (exactly uniform). Instances are not thread-safe: give each thread or job its own stream.
/// <code>
/// var rng = new RandomStream(seed: 7, trial: 3);
/// var x = rng.NextGaussianMatrix(100, 20);
/// </code>
/// </remarks>
public sealed class RandomStream : Random
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    /// <summary>Creates the stream for (<paramref name="seed"/>, <paramref name="trial"/>, <paramref name="stream"/>).</summary>
    /// <param name="seed">The experiment's seed; any 64-bit value.</param>
    /// <param name="trial">The trial or job index; any 64-bit value.</param>
    /// <param name="stream">The sub-stream id inside a trial; any 64-bit value.</param>
    public RandomStream(long seed, long trial = 0, long stream = 0)
    {
        Seed = seed;
        Trial = trial;
        Stream = stream;
        var state = SeedMixer.DeriveSeed(seed, trial, stream);
        _s0 = SeedMixer.Next(ref state);
        _s1 = SeedMixer.Next(ref state);
        _s2 = SeedMixer.Next(ref state);
        _s3 = SeedMixer.Next(ref state);
        if ((_s0 | _s1 | _s2 | _s3) == 0)
        {
            _s0 = SeedMixer.GoldenGamma; // the all-zero state is the one fixed point of xoshiro; unreachable in practice
        }
    }

    /// <summary>A stream started from an explicit xoshiro256** state (for known-answer tests against the reference implementation).</summary>
    internal RandomStream(ulong s0, ulong s1, ulong s2, ulong s3)
    {
        (_s0, _s1, _s2, _s3) = (s0, s1, s2, s3);
    }

    /// <summary>The experiment seed this stream was created from.</summary>
    public long Seed { get; }

    /// <summary>The trial index this stream was created from.</summary>
    public long Trial { get; }

    /// <summary>The sub-stream id this stream was created from.</summary>
    public long Stream { get; }

    /// <summary>An independent stream for another sub-stream id of the same (seed, trial).</summary>
    /// <param name="stream">The sub-stream id.</param>
    /// <returns>A new stream; this one is not advanced.</returns>
    public RandomStream Substream(long stream) => new(Seed, Trial, stream);

    /// <summary>The next raw 64-bit output of xoshiro256**.</summary>
    /// <returns>A uniformly distributed 64-bit integer.</returns>
    public ulong NextUInt64()
    {
        unchecked
        {
            var result = ulong.RotateLeft(_s1 * 5, 7) * 9;
            var t = _s1 << 17;
            _s2 ^= _s0;
            _s3 ^= _s1;
            _s1 ^= _s2;
            _s0 ^= _s3;
            _s2 ^= t;
            _s3 = ulong.RotateLeft(_s3, 45);
            return result;
        }
    }

    /// <summary>A uniform integer in [0, <paramref name="range"/>) by Lemire's method (exactly uniform).</summary>
    private ulong NextBounded(ulong range)
    {
        var x = NextUInt64();
        var m = (UInt128)x * range;
        var low = (ulong)m;
        if (low < range)
        {
            var threshold = unchecked(0UL - range) % range;
            while (low < threshold)
            {
                x = NextUInt64();
                m = (UInt128)x * range;
                low = (ulong)m;
            }
        }

        return (ulong)(m >> 64);
    }

    /// <summary>A uniform double in [0, 1) with 53 random bits.</summary>
    /// <returns>The sample.</returns>
    public override double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <inheritdoc cref="NextDouble"/>
    protected override double Sample() => NextDouble();

    /// <summary>A uniform float in [0, 1) with 24 random bits.</summary>
    /// <returns>The sample.</returns>
    public override float NextSingle() => (NextUInt64() >> 40) * (1.0f / (1U << 24));

    /// <summary>A uniform integer in [0, <see cref="int.MaxValue"/>).</summary>
    /// <returns>The sample.</returns>
    public override int Next() => (int)NextBounded(int.MaxValue);

    /// <summary>A uniform integer in [0, <paramref name="maxValue"/>).</summary>
    /// <param name="maxValue">Exclusive upper bound, ≥ 0 (0 returns 0).</param>
    /// <returns>The sample.</returns>
    public override int Next(int maxValue)
    {
        Guard.NonNegative(maxValue);
        return maxValue == 0 ? 0 : (int)NextBounded((ulong)maxValue);
    }

    /// <summary>A uniform integer in [<paramref name="minValue"/>, <paramref name="maxValue"/>).</summary>
    /// <param name="minValue">Inclusive lower bound.</param>
    /// <param name="maxValue">Exclusive upper bound, ≥ <paramref name="minValue"/> (equal returns minValue).</param>
    /// <returns>The sample.</returns>
    public override int Next(int minValue, int maxValue)
    {
        if (maxValue < minValue)
        {
            throw new ArgumentOutOfRangeException(nameof(maxValue), maxValue, $"maxValue = {maxValue} is out of range; expected maxValue >= minValue = {minValue}.");
        }

        var range = (ulong)((long)maxValue - minValue);
        return range == 0 ? minValue : (int)(minValue + (long)NextBounded(range));
    }

    /// <summary>A uniform integer in [0, <see cref="long.MaxValue"/>).</summary>
    /// <returns>The sample.</returns>
    public override long NextInt64() => (long)NextBounded(long.MaxValue);

    /// <summary>A uniform integer in [0, <paramref name="maxValue"/>).</summary>
    /// <param name="maxValue">Exclusive upper bound, ≥ 0 (0 returns 0).</param>
    /// <returns>The sample.</returns>
    public override long NextInt64(long maxValue)
    {
        if (maxValue < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxValue), maxValue, $"maxValue = {maxValue} is out of range; expected an integer >= 0.");
        }

        return maxValue == 0 ? 0 : (long)NextBounded((ulong)maxValue);
    }

    /// <summary>A uniform integer in [<paramref name="minValue"/>, <paramref name="maxValue"/>).</summary>
    /// <param name="minValue">Inclusive lower bound.</param>
    /// <param name="maxValue">Exclusive upper bound, ≥ <paramref name="minValue"/>.</param>
    /// <returns>The sample.</returns>
    public override long NextInt64(long minValue, long maxValue)
    {
        if (maxValue < minValue)
        {
            throw new ArgumentOutOfRangeException(nameof(maxValue), maxValue, $"maxValue = {maxValue} is out of range; expected maxValue >= minValue = {minValue}.");
        }

        var range = unchecked((ulong)maxValue - (ulong)minValue);
        return range == 0 ? minValue : unchecked(minValue + (long)NextBounded(range));
    }

    /// <summary>Fills <paramref name="buffer"/> with random bytes (little-endian 64-bit outputs).</summary>
    /// <param name="buffer">The buffer to fill.</param>
    public override void NextBytes(byte[] buffer)
    {
        Guard.NotNull(buffer);
        NextBytes(buffer.AsSpan());
    }

    /// <summary>Fills <paramref name="buffer"/> with random bytes (little-endian 64-bit outputs).</summary>
    /// <param name="buffer">The buffer to fill.</param>
    public override void NextBytes(Span<byte> buffer)
    {
        Span<byte> word = stackalloc byte[8];
        for (var i = 0; i < buffer.Length; i += 8)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(word, NextUInt64());
            var count = Math.Min(8, buffer.Length - i);
            word[..count].CopyTo(buffer[i..]);
        }
    }
}
