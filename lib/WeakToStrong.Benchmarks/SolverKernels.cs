using BenchmarkDotNet.Attributes;
using MathNet.Numerics.LinearAlgebra;
using WeakToStrong.LinearAlgebra;
using WeakToStrong.Randomness;

namespace WeakToStrong.Benchmarks;

/// <summary>
/// The library's solver kernels under each provider: n×n products and solves, a symmetric eigendecomposition, and
/// least squares / ridge / thin SVD on a 2n×n design. Inputs are Gaussian from a fixed seed.
/// Run: <c>dotnet run --project lib/WeakToStrong.Benchmarks -c Release -- --filter '*SolverKernels*'</c>.
/// </summary>
[MemoryDiagnoser]
public class SolverKernels
{
    private Matrix<double> _a = null!;
    private Matrix<double> _b = null!;
    private Matrix<double> _symmetric = null!;
    private Matrix<double> _design = null!;
    private Vector<double> _vector = null!;
    private Vector<double> _targets = null!;

    /// <summary>The provider.</summary>
    [ParamsAllValues]
    public Provider Provider { get; set; }

    /// <summary>The matrix order n.</summary>
    [Params(100, 500)]
    public int N { get; set; }

    /// <summary>Installs the provider and draws the inputs.</summary>
    [GlobalSetup]
    public void Setup()
    {
        if (Provider == Provider.Native && !LinearAlgebraBackend.UseNative())
        {
            throw new InvalidOperationException($"No native BLAS/LAPACK library: {LinearAlgebraBackend.Describe()}");
        }

        if (Provider == Provider.Managed)
        {
            LinearAlgebraBackend.UseManaged();
        }

        var rng = new RandomStream(20260101);
        _a = rng.NextGaussianMatrix(N, N);
        _b = rng.NextGaussianMatrix(N, N);
        _symmetric = (_a + _a.Transpose()) * 0.5;
        _design = rng.NextGaussianMatrix(2 * N, N);
        _vector = rng.NextGaussianVector(N);
        _targets = rng.NextGaussianVector(2 * N);
    }

    /// <summary>A·B (dgemm).</summary>
    [Benchmark]
    public Matrix<double> MatrixProduct() => _a * _b;

    /// <summary>A = UΛUᵀ, sorted (dsyevd).</summary>
    [Benchmark]
    public SymmetricEigendecomposition EigendecompositionOfSymmetric() => SymmetricEigendecomposition.Of(_symmetric);

    /// <summary>Ax = b by LU (dgetrf + dgetrs).</summary>
    [Benchmark]
    public Vector<double> LuSolve() => _a.Solve(_vector);

    /// <summary>Ridge by Cholesky of XᵀX + λI (dgemm, dpotrf, dpotrs).</summary>
    [Benchmark]
    public Vector<double> RidgeCholesky() => Ridge.Solve(_design, _targets, 1.0);

    /// <summary>Least squares by thin QR (dgeqrf, dorgqr, dgemm, dtrsm).</summary>
    [Benchmark]
    public Vector<double> LeastSquaresQr() => LeastSquares.Solve(_design, _targets);

    /// <summary>Thin SVD by QR then SVD of R (dgeqrf, dorgqr, dgesdd, dgemm).</summary>
    [Benchmark]
    public ThinSvd ThinSingularValueDecomposition() => ThinSvd.Of(_design);
}
