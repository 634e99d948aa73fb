using WeakToStrong.LinearAlgebra.Native;

namespace WeakToStrong.LinearAlgebra;

/// <summary>
/// While at least one scope is open, the native BLAS/LAPACK runs one thread per call, and the thread count it had
/// before the first scope opened is restored when the last one closes. Every sweep opens one, for two reasons:
/// OpenBLAS's results depend in the last bits on its thread count (blocked reductions are split differently), so a
/// fixed count is what keeps sweep tables bit-identical for any number of workers and any machine's core count
/// (<c>ProviderAgreementTests</c> checks one against two workers); and parallel workers already keep every core busy,
/// where OpenBLAS's threaded LU and QR, which synchronise by spinning, cost several times what they gain (measured in
/// lib/WeakToStrong.Benchmarks/README.md: a 4-job, 2-worker sweep took 5.5–7.4 s with 2 BLAS threads and 1.6–2.0 s
/// with 1). With the managed provider, or a library without a thread setting, a scope does nothing.
/// </summary>
public sealed class SingleThreadedBlasScope : IDisposable
{
    private static readonly Lock Gate = new();
    private static int _open;
    private static int? _restore;
    private bool _disposed;

    private SingleThreadedBlasScope()
    {
    }

    /// <summary>Opens a scope (nesting and concurrent scopes are counted).</summary>
    /// <returns>The scope; dispose it to close it.</returns>
    public static SingleThreadedBlasScope Open()
    {
        lock (Gate)
        {
            if (_open++ == 0 && LinearAlgebraBackend.IsNative && LinearAlgebraBackend.Native is { } native && native.Threads is { } threads && threads > 1)
            {
                TrySetThreads(native, 1);
                _restore = threads;
            }
        }

        return new SingleThreadedBlasScope();
    }

    /// <summary>Closes the scope; the last one to close restores the earlier thread count.</summary>
    public void Dispose()
    {
        lock (Gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            if (--_open == 0 && _restore is { } threads && LinearAlgebraBackend.Native is { } native)
            {
                TrySetThreads(native, threads);
                _restore = null;
            }
        }
    }

    private static void TrySetThreads(NativeLinearAlgebraProvider native, int threads)
    {
        try
        {
            native.SetThreads(threads);
        }
        catch (NotSupportedException)
        {
            // A library without a thread setting (reference BLAS, Accelerate) keeps its own: nothing to change or restore.
        }
    }
}
