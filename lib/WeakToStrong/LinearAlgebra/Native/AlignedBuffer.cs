using System.Runtime.InteropServices;

namespace WeakToStrong.LinearAlgebra.Native;

/// <summary>
/// A copy of a managed <see cref="double"/> array in native memory aligned to <see cref="Alignment"/> bytes, handed to
/// BLAS/LAPACK in place of the array itself, and copied back on <see cref="Dispose"/> when the routine writes it.
/// <para>
/// Why: a managed array's data is only 8-byte aligned, and where it lands depends on the garbage collector. OpenBLAS's
/// kernels peel leading elements until a vector is 16- or 32-byte aligned (the SSE2 kernels it falls back to when it
/// cannot confirm AVX support do so in every dot product), so the same matrix summed from a differently aligned
/// address rounds differently in the last bits: two runs of one seed gave results 1 ulp to 1e-11 apart. Native
/// buffers start on a 64-byte boundary, so every call sees the same alignment and a seed gives the same bits in any
/// run, process and heap layout. The copies cost O(size) against the routines' O(size^1.5) or more.
/// </para>
/// </summary>
internal sealed unsafe class AlignedBuffer : IDisposable
{
    /// <summary>The alignment of every buffer, in bytes: a cache line, and a multiple of every SIMD width.</summary>
    public const int Alignment = 64;

    private readonly double[]? _writeBack;
    private readonly int _length;
    private double* _pointer;

    private AlignedBuffer(double[]? source, int length, bool writeBack)
    {
        _length = length;
        // At least one element, so that an empty array still has a valid, aligned address.
        _pointer = (double*)NativeMemory.AlignedAlloc((nuint)Math.Max(1, length) * sizeof(double), Alignment);
        if (source is not null)
        {
            source.AsSpan(0, length).CopyTo(new Span<double>(_pointer, length));
        }
        else
        {
            new Span<double>(_pointer, Math.Max(1, length)).Clear();
        }

        _writeBack = writeBack ? source : null;
    }

    /// <summary>The aligned copy's first element.</summary>
    public double* Pointer => _pointer != null ? _pointer : throw new ObjectDisposedException(nameof(AlignedBuffer));

    /// <summary>An aligned copy of an array the routine only reads.</summary>
    /// <param name="source">The array.</param>
    public static AlignedBuffer Input(double[] source) => new(source, source.Length, writeBack: false);

    /// <summary>An aligned copy of an array the routine reads or writes, copied back into it on <see cref="Dispose"/>.</summary>
    /// <param name="source">The array.</param>
    public static AlignedBuffer InputOutput(double[] source) => new(source, source.Length, writeBack: true);

    /// <summary>A zeroed aligned workspace of <paramref name="length"/> elements.</summary>
    /// <param name="length">Elements, ≥ 0.</param>
    public static AlignedBuffer Workspace(int length) => new(null, length, writeBack: false);

    /// <summary>Copies the buffer back into its array if the routine writes it, and frees the native memory.</summary>
    public void Dispose()
    {
        if (_pointer == null)
        {
            return;
        }

        if (_writeBack is not null)
        {
            new ReadOnlySpan<double>(_pointer, _length).CopyTo(_writeBack);
        }

        NativeMemory.AlignedFree(_pointer);
        _pointer = null;
    }
}
