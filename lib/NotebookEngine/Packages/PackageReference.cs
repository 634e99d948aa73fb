namespace NotebookEngine.Packages;

/// <summary>A NuGet package requested by <c>#r "nuget: Name, Version"</c>.</summary>
/// <param name="Name">The package id.</param>
/// <param name="Version">The version (or a floating range such as <c>*-*</c>), or <see langword="null"/> for the latest stable version.</param>
public sealed record PackageReference(string Name, string? Version)
{
    /// <summary>True for packages that the Polyglot kernel provides itself (the kernel's own <c>Microsoft.DotNet.Interactive*</c> packages and <c>Plotly.NET.Interactive</c>): they are not restored, and the engine supplies what they register.</summary>
    public bool IsProvidedByKernel =>
        Name.StartsWith("Microsoft.DotNet.Interactive", StringComparison.OrdinalIgnoreCase)
        || Name.Equals("Plotly.NET.Interactive", StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override string ToString() => Version is null ? Name : $"{Name}, {Version}";
}
