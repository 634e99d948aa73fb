using WeakToStrong.LinearAlgebra;
using WeakToStrong.Sweeps;

namespace WeakToStrong.Tests.LinearAlgebra;

/// <summary>Sweeps run the native BLAS single-threaded and give the thread count back afterwards.</summary>
[Collection(LinearAlgebraProviderCollection.Name)]
public sealed class SingleThreadedBlasScopeTests
{
    [Fact]
    public void NestedScopesHoldOneThreadUntilTheLastClosesThenRestoreTheEarlierCount()
    {
        if (LinearAlgebraBackend.Native is not { Threads: { } } native)
        {
            // No native library with a thread setting on this machine: a scope must be a no-op that can be disposed.
            using (SingleThreadedBlasScope.Open())
            {
            }

            return;
        }

        var provider = LinearAlgebraBackend.IsNative;
        LinearAlgebraBackend.UseNative();
        var before = native.Threads;
        try
        {
            native.SetThreads(2);
            var outer = SingleThreadedBlasScope.Open();
            Assert.Equal(1, native.Threads);
            using (SingleThreadedBlasScope.Open())
            {
                Assert.Equal(1, native.Threads);
            }

            Assert.Equal(1, native.Threads);
            outer.Dispose();
            outer.Dispose();
            Assert.Equal(2, native.Threads);
        }
        finally
        {
            native.SetThreads(before!.Value);
            if (!provider)
            {
                LinearAlgebraBackend.UseManaged();
            }
        }
    }

    [Fact]
    public void EverySweepRunsItsJobsWithOneBlasThreadAndRestoresTheCount()
    {
        if (LinearAlgebraBackend.Native is not { Threads: { } } native)
        {
            return;
        }

        var provider = LinearAlgebraBackend.IsNative;
        LinearAlgebraBackend.UseNative();
        var before = native.Threads;
        try
        {
            native.SetThreads(2);
            var grid = ParameterGrid.Create().Vary("k", [1, 2, 3, 4]);
            var result = Sweep.Run(grid, [1, 2], job => (double)native.Threads!.Value, new SweepOptions { MaxDegreeOfParallelism = 2 });
            Assert.All(result.TrialValues("value"), threads => Assert.Equal(1.0, threads));
            Assert.Equal(2, native.Threads);

            var serial = Sweep.Run(grid, [1, 2], job => (double)native.Threads!.Value, new SweepOptions { MaxDegreeOfParallelism = 1 });
            Assert.All(serial.TrialValues("value"), threads => Assert.Equal(1.0, threads));
            Assert.Equal(2, native.Threads);
        }
        finally
        {
            native.SetThreads(before!.Value);
            if (!provider)
            {
                LinearAlgebraBackend.UseManaged();
            }
        }
    }
}
