using NotebookEngine.Directives;
using NotebookEngine.Packages;

namespace NotebookEngine.Tests;

public sealed class DirectiveParserTests
{
    [Fact]
    public void DirectivesOnAnyLineAreStrippedAndLineNumbersKept()
    {
        var parsed = DirectiveParser.Parse(
            "#!csharp\nvar a = 1;\n#r \"nuget: MathNet.Numerics, 5.0.0\"\n#r \"nuget:Plotly.NET\"\n#i \"nuget: ../feed\"\n#r \"lib/x.dll\"\n#load \"helper.csx\"\n#!time\n#!set --name who --value \"a \\\"b\\\"\"\na");
        Assert.Equal("\nvar a = 1;\n\n\n\n\n\n\n\na", parsed.Code);
        Assert.Equal(
            [
                new KernelChooserDirective(1, "#!csharp", "csharp"),
                new NuGetReferenceDirective(3, "#r \"nuget: MathNet.Numerics, 5.0.0\"", new PackageReference("MathNet.Numerics", "5.0.0")),
                new NuGetReferenceDirective(4, "#r \"nuget:Plotly.NET\"", new PackageReference("Plotly.NET", null)),
                new NuGetSourceDirective(5, "#i \"nuget: ../feed\"", "../feed"),
                new AssemblyReferenceDirective(6, "#r \"lib/x.dll\"", "lib/x.dll"),
                new LoadScriptDirective(7, "#load \"helper.csx\"", "helper.csx"),
                new TimeDirective(8, "#!time"),
                new SetVariableDirective(9, "#!set --name who --value \"a \\\"b\\\"\"", "who", "a \"b\""),
            ],
            parsed.Directives);
    }

    [Theory]
    [InlineData("#!fsharp", "The fsharp kernel is not supported")]
    [InlineData("#!pwsh", "The pwsh kernel is not supported")]
    [InlineData("#!javascript", "The javascript kernel is not supported")]
    [InlineData("#!sql", "The sql kernel is not supported")]
    [InlineData("#!html", "The html kernel is not supported")]
    [InlineData("#!markdown", "The markdown kernel is not supported")]
    [InlineData("#!connect jupyter", "#!connect is not supported")]
    [InlineData("#!share --from fsharp x", "#!share is not supported")]
    public void OtherKernelsAndMagicsAreUnsupported(string line, string reason)
    {
        var directive = Assert.IsType<UnsupportedDirective>(Assert.Single(DirectiveParser.Parse("var x = 1;\n" + line).Directives));
        Assert.Equal(2, directive.Line);
        Assert.Contains(reason, directive.Reason);
    }

    [Theory]
    [InlineData("#!c#")]
    [InlineData("#!C#")]
    public void CSharpAliasesChooseTheCSharpKernel(string line) =>
        Assert.Equal("csharp", Assert.IsType<KernelChooserDirective>(Assert.Single(DirectiveParser.Parse(line).Directives)).KernelName);

    [Theory]
    [InlineData("#!set --name x", "#!set needs --name and --value")]
    [InlineData("#!set --name 1x --value 3", "'1x' is not a valid C# identifier")]
    [InlineData("#!set --name x --value @input:\"Name?\"", "not supported")]
    [InlineData("#r \"nuget:\"", "Cannot parse the package reference")]
    public void MalformedDirectivesAreErrorsWithTheirLine(string line, string message)
    {
        var error = Assert.Throws<DirectiveSyntaxException>(() => DirectiveParser.Parse("// first\n" + line));
        Assert.Equal(2, error.Line);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void PreprocessorDirectivesStayInTheCode()
    {
        var parsed = DirectiveParser.Parse("#nullable enable\n#region r\nvar x = 1;\n#endregion");
        Assert.Empty(parsed.Directives);
        Assert.Equal("#nullable enable\n#region r\nvar x = 1;\n#endregion", parsed.Code);
    }
}
