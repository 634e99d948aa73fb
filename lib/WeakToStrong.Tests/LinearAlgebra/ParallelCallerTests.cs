using WeakToStrong.Bregman;
using WeakToStrong.LinearAlgebra;
using WeakToStrong.Randomness;

namespace WeakToStrong.Tests.LinearAlgebra;

/// <summary>
/// A reader's own <c>Parallel.For</c> over library calls, outside any sweep: the native provider must neither hang nor
/// crash nor change a result, with the library's one BLAS thread and after a reader raised it to two.
/// </summary>
[Collection(LinearAlgebraProviderCollection.Name)]
public sealed class ParallelCallerTests
{
    private const int Draws = 32;
    private static readonly RandomFeatureStudentExample Example = new(dimension: 60, labelledSamples: 40);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task EightWorkersDrawingTheSLinExampleFinishAndAgreeWithOneCallerToTheBit(int blasThreads)
    {
        if (LinearAlgebraBackend.Native is not { Threads: { } before } native)
        {
            return; // No native library with a thread setting here: the managed provider has no shared native state.
        }

        var provider = LinearAlgebraBackend.IsNative;
        LinearAlgebraBackend.UseNative();
        try
        {
            native.SetThreads(blasThreads);
            var expected = Enumerable.Range(0, Draws).Select(Draw).ToArray();
            for (var repetition = 0; repetition < 20; repetition++)
            {
                var actual = new RandomFeatureStudentDraw[Draws];
                var run = Task.Run(() => Parallel.For(0, Draws, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => actual[i] = Draw(i)));

                // A hang is the failure this guards against: give up with a message instead of blocking the test run.
                await run.WaitAsync(TimeSpan.FromMinutes(5));
                Assert.Equal(expected, actual);
            }

            Assert.Equal(blasThreads, native.Threads);
        }
        finally
        {
            native.SetThreads(before);
            if (!provider)
            {
                LinearAlgebraBackend.UseManaged();
            }
        }
    }

    private static RandomFeatureStudentDraw Draw(int index) => Example.Draw(20 + (index % 4 * 20), new RandomStream(11, index));
}
