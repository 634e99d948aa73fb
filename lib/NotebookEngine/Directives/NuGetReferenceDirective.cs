using NotebookEngine.Packages;

namespace NotebookEngine.Directives;

/// <summary><c>#r "nuget: Name, Version"</c>: restore a package and reference its assemblies.</summary>
public sealed record NuGetReferenceDirective(int Line, string Text, PackageReference Package) : Directive(Line, Text);
