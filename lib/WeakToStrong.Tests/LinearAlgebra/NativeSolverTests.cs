namespace WeakToStrong.Tests.LinearAlgebra;

/// <summary>The solver tests under the native BLAS/LAPACK provider.</summary>
public sealed class NativeSolverTests() : SolverTests(Providers.Native);
