namespace WeakToStrong.Tests.LinearAlgebra;

/// <summary>The solver tests under MathNet's managed provider.</summary>
public sealed class ManagedSolverTests() : SolverTests(Providers.Managed);
