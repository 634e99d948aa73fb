using MathNet.Numerics.Providers.LinearAlgebra;
using WeakToStrong.LinearAlgebra;
using WeakToStrong.LinearAlgebra.Native;

namespace WeakToStrong.Tests.LinearAlgebra;

/// <summary>The two providers under test, and a way to run a computation under one of them.</summary>
internal static class Providers
{
    public static ILinearAlgebraProvider Managed => ManagedLinearAlgebraProvider.Instance;

    /// <summary>
    /// The native provider. The test environment installs OpenBLAS (environment/setup.sh), so a missing library is a
    /// failure of the environment, reported as such rather than silently testing the managed provider twice.
    /// </summary>
    public static NativeLinearAlgebraProvider Native => LinearAlgebraBackend.Native ?? throw NativeMissing();

    private static InvalidOperationException NativeMissing()
    {
        NativeLinearAlgebraProvider.TryCreate(out var attempts);
        return new InvalidOperationException($"No native BLAS/LAPACK library was found ({attempts}); install OpenBLAS with environment/setup.sh.");
    }

    /// <summary>Runs <paramref name="computation"/> with <paramref name="provider"/> installed, then restores the previous provider. Only from tests in <see cref="LinearAlgebraProviderCollection"/>.</summary>
    public static T Under<T>(ILinearAlgebraProvider provider, Func<T> computation)
    {
        var previous = LinearAlgebraControl.Provider;
        LinearAlgebraControl.Provider = provider;
        try
        {
            return computation();
        }
        finally
        {
            LinearAlgebraControl.Provider = previous;
        }
    }
}
