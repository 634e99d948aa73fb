using MathNet.Numerics.Providers.LinearAlgebra;

namespace WeakToStrong.Tests.LinearAlgebra;

/// <summary>
/// Base of a test class whose tests run under one provider: the constructor (run before each test) installs it and
/// <see cref="Dispose"/> (after each test) restores the provider that was in use before.
/// </summary>
[Collection(LinearAlgebraProviderCollection.Name)]
public abstract class ProviderScope : IDisposable
{
    private readonly ILinearAlgebraProvider _previous;

    protected ProviderScope(ILinearAlgebraProvider provider)
    {
        _previous = LinearAlgebraControl.Provider;
        LinearAlgebraControl.Provider = provider;
    }

    public void Dispose()
    {
        LinearAlgebraControl.Provider = _previous;
        GC.SuppressFinalize(this);
    }
}
