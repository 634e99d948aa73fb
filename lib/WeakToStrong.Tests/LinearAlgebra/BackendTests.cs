using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using MathNet.Numerics.Providers.LinearAlgebra;
using WeakToStrong.LinearAlgebra;
using WeakToStrong.LinearAlgebra.Native;

namespace WeakToStrong.Tests.LinearAlgebra;

/// <summary>Selection of the provider and its one-line description.</summary>
[Collection(LinearAlgebraProviderCollection.Name)]
public sealed partial class BackendTests
{
    [Fact]
    public void TheLibraryInstallsTheNativeProviderWhenALibraryIsFoundAndNotOverridden()
    {
        // State left by the module initializer (every test that switches the provider restores it).
        var setting = Environment.GetEnvironmentVariable(LinearAlgebraBackend.EnvironmentVariable)?.Trim().ToLowerInvariant();
        var forcedManaged = setting is not (null or "" or "auto" or "native");
        Assert.Equal(!forcedManaged && LinearAlgebraBackend.Native is not null, LinearAlgebraBackend.IsNative);
        if (OperatingSystem.IsLinux() && NativeLibrary.TryLoad("libopenblas.so.0", out _))
        {
            Assert.Equal("libopenblas.so.0", Providers.Native.Files);
            Assert.StartsWith("OpenBLAS ", Providers.Native.Vendor, StringComparison.Ordinal);
            if (!forcedManaged)
            {
                Assert.Matches(OpenBlasDescription(), LinearAlgebraBackend.Describe());
            }
        }
    }

    [Fact]
    public void DescriptionsNameTheProviderLibraryThreadsAndMathNetVersion()
    {
        try
        {
            LinearAlgebraBackend.UseManaged();
            Assert.Equal("Managed (MathNet.Numerics 5.0.0)", LinearAlgebraBackend.Describe());
            Assert.False(LinearAlgebraBackend.IsNative);

            Assert.True(LinearAlgebraBackend.UseNative());
            Assert.True(LinearAlgebraBackend.IsNative);
            var native = Providers.Native;
            var threads = native.Threads is { } t ? $", {t} thread{(t == 1 ? "" : "s")}" : "";
            Assert.Equal($"Native {native.Vendor} ({native.Files}{threads}; MathNet.Numerics 5.0.0)", LinearAlgebraBackend.Describe());
            Assert.Equal($"Native {native.Vendor} ({native.Files}{threads})", native.ToString());
            if (native.Files == "libopenblas.so.0")
            {
                Assert.Matches(OpenBlasDescription(), LinearAlgebraBackend.Describe());
            }
        }
        finally
        {
            LinearAlgebraBackend.Select(Environment.GetEnvironmentVariable(LinearAlgebraBackend.EnvironmentVariable));
        }
    }

    [Fact]
    public void AFreshNativeProviderRunsOneBlasThreadWhateverTheCoreCount()
    {
        // A second provider over the same library: creating it sets the process-wide count to 1 again.
        var native = Providers.Native;
        var original = native.Threads ?? throw new InvalidOperationException($"{native.Vendor} does not report its thread count");
        try
        {
            native.SetThreads(2);
            var fresh = NativeLinearAlgebraProvider.TryCreate(out var attempts) ?? throw new InvalidOperationException(attempts);
            Assert.Equal(1, fresh.Threads);
            Assert.Equal(1, native.Threads);
        }
        finally
        {
            native.SetThreads(original);
        }
    }

    [Fact]
    public void TheNativeThreadCountCanBeSetAndIsReported()
    {
        var native = Providers.Native;
        var original = native.Threads ?? throw new InvalidOperationException($"{native.Vendor} does not report its thread count");
        try
        {
            native.SetThreads(1);
            Assert.Equal(1, native.Threads);
            Assert.True(LinearAlgebraBackend.UseNative());
            Assert.Contains(", 1 thread;", LinearAlgebraBackend.Describe(), StringComparison.Ordinal);
        }
        finally
        {
            native.SetThreads(original);
            LinearAlgebraBackend.Select(Environment.GetEnvironmentVariable(LinearAlgebraBackend.EnvironmentVariable));
        }

        Assert.Equal(original, native.Threads);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => native.SetThreads(0));
        Assert.Equal("threads", error.ParamName);
    }

    [Theory]
    [InlineData("managed", "Managed (MathNet.Numerics 5.0.0; WEAK_TO_STRONG_LINEAR_ALGEBRA=managed)")]
    [InlineData(" Managed ", "Managed (MathNet.Numerics 5.0.0; WEAK_TO_STRONG_LINEAR_ALGEBRA=managed)")]
    [InlineData("blas", "Managed (MathNet.Numerics 5.0.0; WEAK_TO_STRONG_LINEAR_ALGEBRA=blas is not one of managed, native, auto)")]
    public void TheEnvironmentVariableForcesTheManagedProviderAndUnknownValuesAreReported(string setting, string expected)
    {
        try
        {
            LinearAlgebraBackend.Select(setting);
            Assert.Same(ManagedLinearAlgebraProvider.Instance, LinearAlgebraControl.Provider);
            Assert.Equal(expected, LinearAlgebraBackend.Describe());
        }
        finally
        {
            LinearAlgebraBackend.Select(Environment.GetEnvironmentVariable(LinearAlgebraBackend.EnvironmentVariable));
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("auto")]
    [InlineData("native")]
    public void AutomaticSelectionPrefersTheNativeProvider(string? setting)
    {
        try
        {
            LinearAlgebraBackend.UseManaged();
            LinearAlgebraBackend.Select(setting);
            Assert.IsType<NativeLinearAlgebraProvider>(LinearAlgebraControl.Provider);
            Assert.Same(Providers.Native, LinearAlgebraControl.Provider);
        }
        finally
        {
            LinearAlgebraBackend.Select(Environment.GetEnvironmentVariable(LinearAlgebraBackend.EnvironmentVariable));
        }
    }

    [GeneratedRegex(@"^Native OpenBLAS \d+\.\d+\.\d+ \(libopenblas\.so\.0, \d+ threads?; MathNet\.Numerics 5\.0\.0\)$")]
    private static partial Regex OpenBlasDescription();
}
