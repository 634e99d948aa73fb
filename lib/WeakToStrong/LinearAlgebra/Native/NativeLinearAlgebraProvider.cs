using MathNet.Numerics.Providers.LinearAlgebra;
using WeakToStrong.Validation;

namespace WeakToStrong.LinearAlgebra.Native;

/// <summary>
/// A MathNet.Numerics linear-algebra provider that runs the double-precision kernels the library relies on in the
/// system's BLAS/LAPACK (<see cref="BlasLapackLibrary"/>): matrix products (dgemm), LU and solves
/// (dgetrf/dgetrs/dgetri), Cholesky (dpotrf/dpotrs), Householder QR (dgeqrf/dorgqr, solves by dgemm + dtrsm), SVD
/// (dgesdd, falling back to dgesvd) and symmetric eigendecomposition (dsyevd). Everything else — element-wise
/// array operations, norms, non-symmetric eigenproblems, and all single-precision and complex element types — is
/// MathNet's <see cref="ManagedLinearAlgebraProvider"/>. Array layouts are MathNet's dense column-major storage,
/// which is LAPACK's; every array is passed as a 64-byte-aligned native copy (<see cref="AlignedBuffer"/>), so that
/// results do not depend on where the garbage collector placed the array.
/// Selected by <see cref="LinearAlgebraBackend"/> when the library loads.
/// <para>
/// Safe under any caller's threads. The library runs one BLAS thread per call (set when the provider is created), and
/// then native calls from any number of managed threads run concurrently: a single-threaded OpenBLAS or MKL call works
/// on its caller's thread and buffers. If a caller raises the count (<see cref="SetThreads"/>), native calls take
/// turns, one at a time, because a multi-threaded OpenBLAS entered from several threads at once exhausts its
/// precompiled buffers ("precompiled NUM_THREADS exceeded") and can hang or crash; the count itself changes only
/// while no native call is running.
/// </para>
/// </summary>
public sealed partial class NativeLinearAlgebraProvider : ILinearAlgebraProvider
{
    private static readonly ManagedLinearAlgebraProvider Managed = ManagedLinearAlgebraProvider.Instance;

    // Process-wide, like the native library's own thread count: shared (read) by concurrent single-threaded calls,
    // exclusive (write) for calls while the count is above 1 and for changing the count.
    private static readonly ReaderWriterLockSlim NativeCalls = new(LockRecursionPolicy.NoRecursion);
    private static volatile int _nativeThreads = 1;

    private readonly BlasLapackLibrary _library;

    private NativeLinearAlgebraProvider(BlasLapackLibrary library)
    {
        _library = library;
    }

    /// <summary>
    /// Loads the system BLAS/LAPACK and returns a provider over it, or null (with the reason in
    /// <paramref name="attempts"/>) when no candidate library is installed. The library is set to one thread per
    /// call (OpenBLAS, MKL), so every result is bit-identical whatever the machine's core count and whatever other
    /// threads of the process do: a multi-threaded OpenBLAS rounds differently with a different thread count, and
    /// is not safe to call from many threads at once. Parallelism comes from sweeps running jobs on all cores.
    /// </summary>
    /// <param name="attempts">The candidate libraries tried and why each was rejected.</param>
    /// <returns>The provider, or null.</returns>
    public static NativeLinearAlgebraProvider? TryCreate(out string attempts)
    {
        var library = BlasLapackLibrary.TryLoad(out attempts);
        if (library is null)
        {
            return null;
        }

        // One BLAS thread from the start: OpenBLAS's results depend in the last bits on its thread count, which a
        // concurrent sweep's SingleThreadedBlasScope would otherwise change under any caller's feet.
        var provider = new NativeLinearAlgebraProvider(library);
        provider.ChangeThreads(1);
        return provider;
    }

    /// <summary>The implementation and its version, e.g. "OpenBLAS 0.3.21".</summary>
    public string Vendor => _library.Vendor;

    /// <summary>The loaded file(s), e.g. "libopenblas.so.0".</summary>
    public string Files => _library.Files;

    /// <summary>The library's thread count when it reports one (OpenBLAS, MKL), otherwise null.</summary>
    public int? Threads => _library.Threads;

    /// <summary>
    /// Sets the library's process-wide thread count (OpenBLAS, MKL), e.g. 1 inside a sweep that already runs one job
    /// per core: OpenBLAS's threaded LU and QR synchronise by spinning, which costs far more than it gains on small
    /// matrices when the cores are already busy. The default, set when the provider is created, is 1 (see
    /// <see cref="TryCreate"/>); a higher count speeds up single large factorisations at the price of last-bit
    /// differences between machines and unsafe concurrent calls.
    /// </summary>
    /// <param name="threads">The number of threads, ≥ 1.</param>
    /// <exception cref="NotSupportedException">The library has no thread-count setting (reference BLAS, Accelerate).</exception>
    public void SetThreads(int threads)
    {
        Guard.Positive(threads);
        if (!ChangeThreads(threads))
        {
            throw new NotSupportedException($"{_library.Vendor} ({_library.Files}) has no thread-count setting; set its own environment variable before the process starts (e.g. VECLIB_MAXIMUM_THREADS for Accelerate).");
        }
    }

    /// <summary>
    /// Enters a native call: shared with other callers while the library runs one thread per call, exclusive otherwise.
    /// Dispose the returned value when the call has returned.
    /// </summary>
    private static NativeCall EnterNativeCall()
    {
        if (_nativeThreads == 1)
        {
            NativeCalls.EnterReadLock();
            if (_nativeThreads == 1)
            {
                return new NativeCall(exclusive: false);
            }

            NativeCalls.ExitReadLock();
        }

        NativeCalls.EnterWriteLock();
        return new NativeCall(exclusive: true);
    }

    /// <summary>Sets the native thread count once no native call is running; false when the library has no setting.</summary>
    private bool ChangeThreads(int threads)
    {
        NativeCalls.EnterWriteLock();
        try
        {
            if (!_library.TrySetThreads(threads))
            {
                _nativeThreads = 1;
                return false;
            }

            _nativeThreads = _library.Threads ?? threads;
            return true;
        }
        finally
        {
            NativeCalls.ExitWriteLock();
        }
    }

    /// <inheritdoc/>
    public bool IsAvailable() => true;

    /// <inheritdoc/>
    public void InitializeVerify()
    {
    }

    /// <inheritdoc/>
    public void FreeResources()
    {
    }

    /// <summary>One native call's hold on <see cref="NativeCalls"/>.</summary>
    private readonly struct NativeCall(bool exclusive) : IDisposable
    {
        public void Dispose()
        {
            if (exclusive)
            {
                NativeCalls.ExitWriteLock();
            }
            else
            {
                NativeCalls.ExitReadLock();
            }
        }
    }

    /// <summary>"Native OpenBLAS 0.3.21 (libopenblas.so.0, 1 thread)".</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"Native {_library}";
}
