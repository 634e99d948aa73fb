using System.Reflection;
using System.Runtime.Loader;
using WeakToStrong.Hosting;

namespace WeakToStrong.Tests.Hosting;

public sealed class FSharpCoreBindingTests
{
    private static Assembly FSharpCore => typeof(Microsoft.FSharp.Core.FSharpOption<int>).Assembly;

    private static AssemblyName Request(string name, Version version) => new(name) { Version = version };

    [Fact]
    public void TheLibraryInstallsTheHandlerWhenLoaded() => Assert.True(FSharpCoreBinding.IsInstalled);

    [Fact]
    public void ARequestForANewerMinorVersionIsBoundToTheLoadedCopy()
    {
        var loaded = FSharpCore.GetName().Version!;
        var newer = new Version(loaded.Major, loaded.Minor + 1, 0, 0);
        Assert.Same(FSharpCore, FSharpCoreBinding.Choose(Request("FSharp.Core", newer), FSharpCore));
    }

    [Fact]
    public void ARequestForAnotherMajorVersionIsDeclined()
    {
        var loaded = FSharpCore.GetName().Version!;
        Assert.Null(FSharpCoreBinding.Choose(Request("FSharp.Core", new Version(loaded.Major + 1, 0, 0, 0)), FSharpCore));
        Assert.Null(FSharpCoreBinding.Choose(Request("FSharp.Core", new Version(loaded.Major - 1, 0, 0, 0)), FSharpCore));
    }

    [Fact]
    public void OtherAssembliesAndAMissingFSharpCoreAreDeclined()
    {
        Assert.Null(FSharpCoreBinding.Choose(Request("Plotly.NET", new Version(6, 0, 0, 0)), FSharpCore));
        Assert.Null(FSharpCoreBinding.Choose(Request("FSharp.Core", new Version(10, 1, 0, 0)), null));
    }

    [Fact]
    public void TheHandlerAnswersTheDefaultContextsResolvingEventWithTheLoadedCopy()
    {
        // The runtime raises Resolving only after its own probing failed; raising it by hand for a version this test host
        // cannot find (the loaded minor + 1) must give the loaded FSharp.Core, as in the .NET Interactive kernel.
        var loaded = FSharpCore.GetName().Version!;
        var request = Request("FSharp.Core", new Version(loaded.Major, loaded.Minor + 1, 0, 0));
        request.SetPublicKeyToken(FSharpCore.GetName().GetPublicKeyToken());
        var resolved = AssemblyLoadContext.Default.LoadFromAssemblyName(request);
        Assert.Same(FSharpCore, resolved);
    }

    [Fact]
    public void TheDescriptionNamesTheLoadedVersionAndWhatPlotlyAsksFor()
    {
        _ = FSharpCore;
        var required = FSharpCoreBinding.RequiredByPlotly;
        Assert.NotNull(required);
        var text = FSharpCoreBinding.Describe();
        Assert.StartsWith($"FSharp.Core {FSharpCore.GetName().Version}", text, StringComparison.Ordinal);
        // This test host restores the FSharp.Core Plotly.NET was built against, so nothing needs binding.
        Assert.EndsWith("as Plotly.NET asks", text, StringComparison.Ordinal);
    }
}
