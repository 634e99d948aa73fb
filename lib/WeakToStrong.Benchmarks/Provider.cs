namespace WeakToStrong.Benchmarks;

/// <summary>The MathNet linear-algebra provider a benchmark runs under.</summary>
public enum Provider
{
    /// <summary>MathNet's managed C# provider.</summary>
    Managed,

    /// <summary>The library's native BLAS/LAPACK provider.</summary>
    Native,
}
