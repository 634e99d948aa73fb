using System.Globalization;
using System.Runtime.InteropServices;

namespace WeakToStrong.LinearAlgebra.Native;

/// <summary>
/// A system BLAS/LAPACK loaded at run time with <see cref="NativeLibrary"/>, and the double-precision routines the
/// library calls, resolved through their Fortran symbols (<c>dgemm_</c>, <c>dsyevd_</c>, …; LP64, 32-bit integers,
/// column-major), which OpenBLAS, reference BLAS/LAPACK, Apple Accelerate and MKL all export. Character arguments
/// are passed with gfortran's trailing hidden length arguments (harmless for libraries that do not read them).
/// Candidates, in order: Linux <c>libopenblas.so.0</c>, <c>libopenblas.so</c>, then <c>libblas.so.3</c> with
/// <c>liblapack.so.3</c>; macOS the Accelerate framework; Windows <c>libopenblas.dll</c>, <c>openblas.dll</c>,
/// <c>mkl_rt.2.dll</c>, <c>mkl_rt.dll</c>.
/// </summary>
internal sealed unsafe class BlasLapackLibrary
{
    private const string AcceleratePath = "/System/Library/Frameworks/Accelerate.framework/Accelerate";

    private readonly nint _blas;
    private readonly nint _lapack;

    private BlasLapackLibrary(nint blas, nint lapack, string files)
    {
        _blas = blas;
        _lapack = lapack;
        Files = files;
        Dgemm = (delegate* unmanaged<byte*, byte*, int*, int*, int*, double*, double*, int*, double*, int*, double*, double*, int*, nuint, nuint, void>)Export(blas, "dgemm_");
        Dtrsm = (delegate* unmanaged<byte*, byte*, byte*, byte*, int*, int*, double*, double*, int*, double*, int*, nuint, nuint, nuint, nuint, void>)Export(blas, "dtrsm_");
        Dgetrf = (delegate* unmanaged<int*, int*, double*, int*, int*, int*, void>)Export(lapack, "dgetrf_");
        Dgetrs = (delegate* unmanaged<byte*, int*, int*, double*, int*, int*, double*, int*, int*, nuint, void>)Export(lapack, "dgetrs_");
        Dgetri = (delegate* unmanaged<int*, double*, int*, int*, double*, int*, int*, void>)Export(lapack, "dgetri_");
        Dpotrf = (delegate* unmanaged<byte*, int*, double*, int*, int*, nuint, void>)Export(lapack, "dpotrf_");
        Dpotrs = (delegate* unmanaged<byte*, int*, int*, double*, int*, double*, int*, int*, nuint, void>)Export(lapack, "dpotrs_");
        Dgeqrf = (delegate* unmanaged<int*, int*, double*, int*, double*, double*, int*, int*, void>)Export(lapack, "dgeqrf_");
        Dorgqr = (delegate* unmanaged<int*, int*, int*, double*, int*, double*, double*, int*, int*, void>)Export(lapack, "dorgqr_");
        Dgesdd = (delegate* unmanaged<byte*, int*, int*, double*, int*, double*, double*, int*, double*, int*, double*, int*, int*, int*, nuint, void>)Export(lapack, "dgesdd_");
        Dgesvd = (delegate* unmanaged<byte*, byte*, int*, int*, double*, int*, double*, double*, int*, double*, int*, double*, int*, int*, nuint, nuint, void>)Export(lapack, "dgesvd_");
        Dsyevd = (delegate* unmanaged<byte*, byte*, int*, double*, int*, double*, double*, int*, int*, int*, int*, nuint, nuint, void>)Export(lapack, "dsyevd_");
        Vendor = DetectVendor();
    }

    /// <summary>The file name(s) loaded, e.g. "libopenblas.so.0" or "libblas.so.3 + liblapack.so.3".</summary>
    public string Files { get; }

    /// <summary>The implementation and its version when the library reports it, e.g. "OpenBLAS 0.3.21", "Accelerate", "BLAS/LAPACK".</summary>
    public string Vendor { get; }

    /// <summary>The number of threads the library will use, when it reports it (OpenBLAS, MKL); otherwise null.</summary>
    public int? Threads
    {
        get
        {
            if (TryExport("openblas_get_num_threads", out var openBlas))
            {
                return ((delegate* unmanaged<int>)openBlas)();
            }

            if (TryExport("MKL_Get_Max_Threads", out var mkl))
            {
                return ((delegate* unmanaged<int>)mkl)();
            }

            return null;
        }
    }

    /// <summary>Sets the library's thread count (OpenBLAS <c>openblas_set_num_threads</c>, MKL <c>MKL_Set_Num_Threads</c>).</summary>
    /// <param name="threads">The number of threads, ≥ 1.</param>
    /// <returns>False when the library offers no way to set it.</returns>
    public bool TrySetThreads(int threads)
    {
        if (TryExport("openblas_set_num_threads", out var openBlas))
        {
            ((delegate* unmanaged<int, void>)openBlas)(threads);
            return true;
        }

        if (TryExport("MKL_Set_Num_Threads", out var mkl))
        {
            ((delegate* unmanaged<int, void>)mkl)(threads);
            return true;
        }

        return false;
    }

    /// <summary>C ← α·op(A)·op(B) + β·C.</summary>
    public delegate* unmanaged<byte*, byte*, int*, int*, int*, double*, double*, int*, double*, int*, double*, double*, int*, nuint, nuint, void> Dgemm { get; }

    /// <summary>Triangular solve with several right-hand sides.</summary>
    public delegate* unmanaged<byte*, byte*, byte*, byte*, int*, int*, double*, double*, int*, double*, int*, nuint, nuint, nuint, nuint, void> Dtrsm { get; }

    /// <summary>LU factorisation with partial pivoting.</summary>
    public delegate* unmanaged<int*, int*, double*, int*, int*, int*, void> Dgetrf { get; }

    /// <summary>Solve from an LU factorisation.</summary>
    public delegate* unmanaged<byte*, int*, int*, double*, int*, int*, double*, int*, int*, nuint, void> Dgetrs { get; }

    /// <summary>Inverse from an LU factorisation.</summary>
    public delegate* unmanaged<int*, double*, int*, int*, double*, int*, int*, void> Dgetri { get; }

    /// <summary>Cholesky factorisation.</summary>
    public delegate* unmanaged<byte*, int*, double*, int*, int*, nuint, void> Dpotrf { get; }

    /// <summary>Solve from a Cholesky factorisation.</summary>
    public delegate* unmanaged<byte*, int*, int*, double*, int*, double*, int*, int*, nuint, void> Dpotrs { get; }

    /// <summary>Householder QR factorisation.</summary>
    public delegate* unmanaged<int*, int*, double*, int*, double*, double*, int*, int*, void> Dgeqrf { get; }

    /// <summary>Forms Q explicitly from Householder reflectors.</summary>
    public delegate* unmanaged<int*, int*, int*, double*, int*, double*, double*, int*, int*, void> Dorgqr { get; }

    /// <summary>SVD by divide and conquer.</summary>
    public delegate* unmanaged<byte*, int*, int*, double*, int*, double*, double*, int*, double*, int*, double*, int*, int*, int*, nuint, void> Dgesdd { get; }

    /// <summary>SVD by QR iteration (fallback when divide and conquer does not converge).</summary>
    public delegate* unmanaged<byte*, byte*, int*, int*, double*, int*, double*, double*, int*, double*, int*, double*, int*, int*, nuint, nuint, void> Dgesvd { get; }

    /// <summary>Symmetric eigendecomposition by divide and conquer.</summary>
    public delegate* unmanaged<byte*, byte*, int*, double*, int*, double*, double*, int*, int*, int*, int*, nuint, nuint, void> Dsyevd { get; }

    /// <summary>Loads the first candidate library that exports every routine; null when none does.</summary>
    /// <param name="attempts">What was tried and why it failed, for the backend description.</param>
    /// <returns>The library, or null.</returns>
    public static BlasLapackLibrary? TryLoad(out string attempts)
    {
        var tried = new List<string>();
        foreach (var (blasName, lapackName) in Candidates())
        {
            var files = lapackName is null ? blasName : $"{blasName} + {lapackName}";
            if (!NativeLibrary.TryLoad(blasName, out var blas))
            {
                tried.Add($"{files}: not found");
                continue;
            }

            var lapack = blas;
            if (lapackName is not null && !NativeLibrary.TryLoad(lapackName, out lapack))
            {
                tried.Add($"{files}: {lapackName} not found");
                continue;
            }

            var missing = Array.Find(BlasRoutines, name => !NativeLibrary.TryGetExport(blas, name, out _))
                ?? Array.Find(LapackRoutines, name => !NativeLibrary.TryGetExport(lapack, name, out _));
            if (missing is not null)
            {
                tried.Add($"{files}: no {missing}");
                continue;
            }

            attempts = string.Join("; ", tried);
            return new BlasLapackLibrary(blas, lapack, ShortName(files));
        }

        attempts = string.Join("; ", tried);
        return null;
    }

    private static readonly string[] BlasRoutines = ["dgemm_", "dtrsm_"];

    private static readonly string[] LapackRoutines = ["dgetrf_", "dgetrs_", "dgetri_", "dpotrf_", "dpotrs_", "dgeqrf_", "dorgqr_", "dgesdd_", "dgesvd_", "dsyevd_"];

    private static IEnumerable<(string Blas, string? Lapack)> Candidates()
    {
        if (OperatingSystem.IsMacOS())
        {
            yield return (AcceleratePath, null);
            yield return ("libopenblas.dylib", null);
        }
        else if (OperatingSystem.IsWindows())
        {
            yield return ("libopenblas.dll", null);
            yield return ("openblas.dll", null);
            yield return ("mkl_rt.2.dll", null);
            yield return ("mkl_rt.dll", null);
        }
        else
        {
            yield return ("libopenblas.so.0", null);
            yield return ("libopenblas.so", null);
            yield return ("libblas.so.3", "liblapack.so.3");
        }
    }

    private static string ShortName(string files) => files == AcceleratePath ? "Accelerate.framework" : files;

    private static nint Export(nint library, string name) => NativeLibrary.GetExport(library, name);

    private bool TryExport(string name, out nint address) =>
        NativeLibrary.TryGetExport(_blas, name, out address) || NativeLibrary.TryGetExport(_lapack, name, out address);

    private string DetectVendor()
    {
        if (TryExport("openblas_get_config", out var config))
        {
            // e.g. "OpenBLAS 0.3.21 DYNAMIC_ARCH NO_AFFINITY Haswell MAX_THREADS=64".
            var text = Marshal.PtrToStringUTF8((nint)((delegate* unmanaged<byte*>)config)()) ?? "";
            var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return words.Length >= 2 && words[0] == "OpenBLAS" ? $"OpenBLAS {words[1]}" : "OpenBLAS";
        }

        if (TryExport("MKLGetVersion", out _))
        {
            return "MKL";
        }

        if (Files == "Accelerate.framework")
        {
            return "Accelerate";
        }

        return "BLAS/LAPACK";
    }

    /// <summary>"OpenBLAS 0.3.21 (libopenblas.so.0, 2 threads)".</summary>
    /// <returns>The description.</returns>
    public override string ToString()
    {
        var threads = Threads;
        var suffix = threads is { } t ? string.Create(CultureInfo.InvariantCulture, $", {t} thread{(t == 1 ? "" : "s")}") : "";
        return $"{Vendor} ({Files}{suffix})";
    }
}
