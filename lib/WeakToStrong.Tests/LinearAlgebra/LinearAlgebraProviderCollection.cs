namespace WeakToStrong.Tests.LinearAlgebra;

/// <summary>
/// Tests that install a provider in MathNet's process-wide <c>LinearAlgebraControl.Provider</c>. The collection runs
/// on its own after the parallel ones, so no other test computes while the provider is switched.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LinearAlgebraProviderCollection
{
    public const string Name = "Linear-algebra provider switching";
}
