using System.IO.Compression;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace NotebookEngine.Tests;

/// <summary>Builds tiny assemblies and packages in-process with Roslyn, for the #r dll and #i local-source tests.</summary>
internal static class CompiledLibrary
{
    /// <summary>Compiles <paramref name="source"/> into the assembly <paramref name="path"/> (against the .NET platform assemblies and <paramref name="references"/>).</summary>
    public static void Compile(string assemblyName, string source, string path, IEnumerable<string>? references = null)
    {
        var compilation = CSharpCompilation.Create(
            assemblyName,
            [CSharpSyntaxTree.ParseText(source)],
            PlatformAssemblies().Concat(references ?? []).Select(p => MetadataReference.CreateFromFile(p)),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var result = compilation.Emit(path);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
    }

    /// <summary>The running .NET's own assemblies (System.*, netstandard, mscorlib), the references every library needs.</summary>
    private static IEnumerable<string> PlatformAssemblies() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p) is var name && (name.StartsWith("System.", StringComparison.Ordinal) || name is "System.dll" or "netstandard.dll" or "mscorlib.dll"));

    /// <summary>Writes the package <paramref name="id"/> <paramref name="version"/> holding one assembly into the folder feed <paramref name="feed"/>.</summary>
    public static void Pack(string id, string version, string source, string feed)
    {
        var work = TestSupport.NewTempFolder();
        var dll = Path.Combine(work, id + ".dll");
        Compile(id, source, dll);
        Directory.CreateDirectory(feed);
        using var package = ZipFile.Open(Path.Combine(feed, $"{id}.{version}.nupkg"), ZipArchiveMode.Create);
        var nuspec = package.CreateEntry(id + ".nuspec");
        using (var writer = new StreamWriter(nuspec.Open()))
        {
            writer.Write($"""
                <?xml version="1.0" encoding="utf-8"?>
                <package xmlns="http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd">
                  <metadata>
                    <id>{id}</id>
                    <version>{version}</version>
                    <authors>tests</authors>
                    <description>A package built by the notebook engine's tests.</description>
                  </metadata>
                </package>
                """);
        }

        package.CreateEntryFromFile(dll, $"lib/net10.0/{id}.dll");
    }
}
