using System.Text.RegularExpressions;

namespace WeakToStrong.Tests.Layout;

/// <summary>
/// The library's source layout (lib/WeakToStrong/README.md, *Layout*): inside each paper namespace, folders by role
/// with the paper's namespace kept (one <c>using</c> per paper); no source file longer than about 300 lines without
/// a stated reason.
/// </summary>
public sealed partial class SourceLayoutTests
{
    private static readonly Dictionary<string, string[]> RoleFolders = new()
    {
        ["Bregman"] = ["Geometry", "Losses", "Training", "Experiments"],
        ["IntrinsicDimension"] = ["Models", "Theory", "Experiments"],
        ["RandomFeatures"] = ["Kernels", "Theory", "Teachers", "Students", "Experiments"],
    };

    /// <summary>Files allowed over <see cref="MaximumLines"/>, each with its reason.</summary>
    private static readonly Dictionary<string, string> LongFiles = new()
    {
        ["LinearAlgebra/Native/NativeLinearAlgebraProvider.Double.cs"] = "MathNet's double-precision provider interface, one member per operation",
        ["Validation/Guard.cs"] = "the one place for argument checks: many two-line helpers",
        ["Charts/Figure.cs"] = "the fluent chart builder: one short method per kind of layer",
        ["RandomFeatures/Kernels/SpectralCoordinates.cs"] = "one algorithm (Householder tridiagonalisation and implicit QL) kept in one place",
    };

    private const int MaximumLines = 350;

    private static string LibraryFolder()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "global.json")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("global.json not found above " + AppContext.BaseDirectory);
        }

        return Path.Combine(root, "lib", "WeakToStrong");
    }

    private static string Relative(string path) => Path.GetRelativePath(LibraryFolder(), path).Replace('\\', '/');

    [Fact]
    public void EveryPaperSourceFileLiesInARoleFolderAndKeepsThePapersNamespace()
    {
        var misplaced = new List<string>();
        var checkedFiles = 0;
        foreach (var (paper, roles) in RoleFolders)
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(LibraryFolder(), paper), "*.cs", SearchOption.AllDirectories))
            {
                checkedFiles++;
                var parts = Relative(file).Split('/');
                if (parts.Length != 3 || !roles.Contains(parts[1]))
                {
                    misplaced.Add($"{Relative(file)}: expected {paper}/{{{string.Join(", ", roles)}}}/<file>.cs");
                }

                var declared = NamespaceDeclaration().Match(File.ReadAllText(file));
                if (!declared.Success || declared.Groups[1].Value != $"WeakToStrong.{paper}")
                {
                    misplaced.Add($"{Relative(file)}: namespace {(declared.Success ? declared.Groups[1].Value : "missing")}, expected WeakToStrong.{paper}");
                }
            }
        }

        Assert.True(checkedFiles >= 80, $"only {checkedFiles} source files found in the paper folders");
        Assert.True(misplaced.Count == 0, string.Join("\n", misplaced));
    }

    [Fact]
    public void NoSourceFileIsLongerThanTheLimitWithoutAReason()
    {
        var files = Directory.EnumerateFiles(LibraryFolder(), "*.cs", SearchOption.AllDirectories)
            .Where(f => !Relative(f).StartsWith("obj/", StringComparison.Ordinal))
            .Select(f => (Path: Relative(f), Lines: File.ReadLines(f).Count()))
            .ToList();
        Assert.True(files.Count >= 130, $"only {files.Count} source files found");
        var tooLong = files.Where(f => f.Lines > MaximumLines && !LongFiles.ContainsKey(f.Path)).Select(f => $"{f.Path}: {f.Lines} lines").ToList();
        Assert.True(tooLong.Count == 0, $"over {MaximumLines} lines without a reason in SourceLayoutTests.LongFiles:\n" + string.Join("\n", tooLong));
        var stale = LongFiles.Keys.Where(k => !files.Any(f => f.Path == k && f.Lines > MaximumLines)).ToList();
        Assert.True(stale.Count == 0, "listed as long but no longer over the limit (remove them from LongFiles): " + string.Join(", ", stale));
    }

    [GeneratedRegex(@"^namespace\s+([\w.]+);", RegexOptions.Multiline)]
    private static partial Regex NamespaceDeclaration();
}
