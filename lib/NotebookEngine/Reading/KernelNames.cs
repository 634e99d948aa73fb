namespace NotebookEngine.Reading;

/// <summary>The kernel names and aliases of Polyglot Notebooks' kernel chooser magics (<c>#!csharp</c>, <c>#!c#</c>, <c>#!fsharp</c>, ...).</summary>
public static class KernelNames
{
    /// <summary>The C# kernel, the only one the engine executes.</summary>
    public const string CSharp = "csharp";

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["csharp"] = CSharp,
        ["c#"] = CSharp,
        ["C#"] = CSharp,
        ["fsharp"] = "fsharp",
        ["f#"] = "fsharp",
        ["F#"] = "fsharp",
        ["pwsh"] = "pwsh",
        ["powershell"] = "pwsh",
        ["javascript"] = "javascript",
        ["js"] = "javascript",
        ["html"] = "html",
        ["markdown"] = "markdown",
        ["md"] = "markdown",
        ["mermaid"] = "mermaid",
        ["sql"] = "sql",
        ["kql"] = "kql",
        ["value"] = "value",
        ["http"] = "http",
    };

    /// <summary>Maps a kernel chooser word (the text after <c>#!</c>) to its kernel name; false when it is not a kernel chooser.</summary>
    public static bool TryNormalize(string word, out string kernelName)
    {
        var trimmed = word.Trim();
        if (Aliases.TryGetValue(trimmed, out var name))
        {
            kernelName = name;
            return true;
        }

        kernelName = "";
        return false;
    }

    /// <summary>True when <paramref name="kernelName"/> is the C# kernel.</summary>
    public static bool IsCSharp(string kernelName) =>
        TryNormalize(kernelName, out var normal) ? normal == CSharp : string.Equals(kernelName, CSharp, StringComparison.OrdinalIgnoreCase);
}
