using Microsoft.AspNetCore.Html;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;
using Microsoft.CodeAnalysis.Scripting.Hosting;
using Microsoft.DotNet.Interactive.Formatting;
using NotebookKernelApi;

namespace NotebookEngine.Execution;

/// <summary>
/// The compilation environment of a C# notebook, as the Polyglot C# kernel sets it up: LanguageVersion latest, the
/// kernel's default imports, explicit references to the .NET platform assemblies plus the kernel API, and resolvers
/// rooted at the notebook's folder.
/// </summary>
public static class ScriptEnvironment
{
    /// <summary>
    /// The namespaces imported in every notebook, exactly those of the Polyglot C# kernel (CSharpKernel.cs at dotnet/interactive
    /// HEAD): a notebook that uses <c>Formatter</c> needs <c>using Microsoft.DotNet.Interactive.Formatting;</c>, as in Polyglot.
    /// </summary>
    public static IReadOnlyList<string> DefaultImports { get; } =
    [
        "System",
        "System.Text",
        "System.Collections",
        "System.Collections.Generic",
        "System.Threading.Tasks",
        "System.Linq",
    ];

    /// <summary>The first submission, which the kernel submits itself (CSharpKernelExtensions.UseKernelHelpers) so that <c>display(...)</c> and <c>HTML(...)</c> resolve unqualified.</summary>
    public const string KernelHelpersSubmission = "using static Microsoft.DotNet.Interactive.Kernel;";

    /// <summary>The assemblies the kernel provides to notebooks and shares with the engine (same loaded instances): the Formatter, the kernel API, IHtmlContent.</summary>
    public static IReadOnlyList<System.Reflection.Assembly> KernelAssemblies { get; } =
    [
        typeof(Formatter).Assembly,
        typeof(KernelHost).Assembly,
        typeof(IHtmlContent).Assembly,
    ];

    /// <summary>The .NET platform assemblies (the trusted platform assemblies of the shared framework this process runs on).</summary>
    public static IReadOnlyList<string> PlatformAssemblies { get; } = FindPlatformAssemblies();

    /// <summary>Script options for a notebook whose folder is <paramref name="workingDirectory"/>.</summary>
    public static ScriptOptions CreateOptions(string workingDirectory) =>
        ScriptOptions.Default
            .WithLanguageVersion(LanguageVersion.Latest)
            .WithReferences(PlatformAssemblies.Concat(KernelAssemblies.Select(a => a.Location)).Select(p => MetadataReference.CreateFromFile(p)))
            .WithImports(DefaultImports)
            .WithMetadataResolver(ScriptMetadataResolver.Default.WithBaseDirectory(workingDirectory))
            .WithSourceResolver(new SourceFileResolver([], workingDirectory))
            .WithEmitDebugInformation(true)
            .WithFileEncoding(System.Text.Encoding.UTF8);

    /// <summary>An assembly loader that gives scripts the engine's own loaded instances of the kernel assemblies.</summary>
    public static InteractiveAssemblyLoader CreateAssemblyLoader()
    {
        var loader = new InteractiveAssemblyLoader();
        foreach (var assembly in KernelAssemblies)
        {
            loader.RegisterDependency(assembly);
        }

        return loader;
    }

    private static List<string> FindPlatformAssemblies()
    {
        var runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var trusted = (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string)?.Split(Path.PathSeparator) ?? [];
        var platform = trusted
            .Where(path => string.Equals(Path.GetDirectoryName(path), runtimeDirectory, StringComparison.Ordinal))
            .ToList();
        return platform.Count > 0 ? platform : [.. Directory.EnumerateFiles(runtimeDirectory, "System*.dll"), typeof(object).Assembly.Location];
    }
}
