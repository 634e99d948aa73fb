using System.Runtime.InteropServices;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;
using WeakToStrong.LinearAlgebra;
using WeakToStrong.Randomness;

namespace WeakToStrong.Tests.LinearAlgebra;

/// <summary>
/// Native results do not depend on where the garbage collector put the arrays. A managed array's data is only 8-byte
/// aligned, and OpenBLAS's kernels (its SSE2 fallback in particular, chosen on machines where it cannot confirm AVX
/// support) peel leading elements to reach 16- or 32-byte alignment, so the same matrix at a differently aligned
/// address summed in a different order: one seed gave results 1 ulp to 1e-11 apart between runs. Here the same
/// matrices are stored at each of the eight 8-byte offsets modulo 64 bytes, and every native routine must give the
/// same bits at all of them.
/// </summary>
public sealed class AlignmentIndependenceTests() : ProviderScope(Providers.Native)
{
    private const int Rows = 61, Columns = 23;

    [Fact]
    public void EveryNativeRoutineGivesTheSameBitsAtEveryAlignmentOfItsInput()
    {
        var source = Matrix<double>.Build.Dense(Rows, Columns, (i, j) => new RandomStream(7, i, j).NextGaussian() * Math.Pow(10, (i + j) % 5));
        var targets = Vector<double>.Build.Dense(Rows, i => Math.Sin(i));
        var arrays = ArraysAtEveryOffset(Rows * Columns);
        Assert.Equal(8, arrays.Select(Offset).Distinct().Count());

        var results = arrays.Select(storage =>
        {
            source.ToColumnMajorArray().CopyTo(storage, 0);
            var x = Matrix<double>.Build.Dense(Rows, Columns, storage);  // the matrix's storage is the array itself
            var gram = x.TransposeThisAndMultiply(x);
            var svd = x.Svd(computeVectors: true);
            var evd = gram.Evd(Symmetricity.Symmetric);
            double[][] values =
            [
                (x * x.Transpose()).ToColumnMajorArray(),                     // dgemm
                gram.ToColumnMajorArray(),                                    // dgemm, transposed
                x.QR(QRMethod.Thin).Solve(targets).ToArray(),                 // dgeqrf, dorgqr, dgemm + dtrsm
                LeastSquares.Solve(x, targets).ToArray(),
                gram.Cholesky().Solve(x.TransposeThisAndMultiply(targets)).ToArray(),  // dpotrf, dpotrs
                gram.LU().Solve(x.TransposeThisAndMultiply(targets)).ToArray(),        // dgetrf, dgetrs
                gram.Inverse().ToColumnMajorArray(),                          // dgetri
                svd.S.ToArray(), svd.U.ToColumnMajorArray(), svd.VT.ToColumnMajorArray(),  // dgesdd
                evd.EigenValues.Select(v => v.Real).ToArray(), evd.EigenVectors.ToColumnMajorArray(),  // dsyevd
            ];
            return values.Select(v => v.Select(BitConverter.DoubleToInt64Bits).ToArray()).ToArray();
        }).ToList();

        for (var k = 1; k < results.Count; k++)
        {
            for (var r = 0; r < results[0].Length; r++)
            {
                Assert.True(results[k][r].SequenceEqual(results[0][r]),
                    $"result {r} differs between input offsets {Offset(arrays[0])} and {Offset(arrays[k])} bytes (mod 64)");
            }
        }
    }

    /// <summary>Pinned arrays of <paramref name="length"/> doubles whose data starts at 0, 8, …, 56 bytes modulo 64.</summary>
    private static List<double[]> ArraysAtEveryOffset(int length)
    {
        var found = new Dictionary<long, double[]>();
        var spacers = new List<double[]>();
        for (var attempt = 0; attempt < 10_000 && found.Count < 8; attempt++)
        {
            var array = GC.AllocateArray<double>(length, pinned: true);
            found.TryAdd(Offset(array), array);
            spacers.Add(GC.AllocateArray<double>(1 + (attempt % 7), pinned: true));  // shifts the next array's offset
        }

        GC.KeepAlive(spacers);
        return found.OrderBy(p => p.Key).Select(p => p.Value).ToList();
    }

    /// <summary>The array's data address modulo 64 bytes (the arrays are pinned, so it does not move).</summary>
    private static long Offset(double[] array) => (long)Marshal.UnsafeAddrOfPinnedArrayElement(array, 0) % 64;
}
