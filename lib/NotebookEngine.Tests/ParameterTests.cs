using NotebookEngine.Parameters;
using static NotebookEngine.Tests.TestSupport;

namespace NotebookEngine.Tests;

public sealed class ParameterTests
{
    [Fact]
    public void DeclaredTypesComeFromTheSyntax()
    {
        var declarations = ParameterCellParser.Parse(
            "#!time\nvar a = 3;\nvar b = 3L;\nvar c = 3.0;\ndouble d = 3;\nvar e = true;\nvar f = \"s\";\nvar g = new[] { 1.5 };\nint[] h = { 1 };\nconst int k = 2;\nvar u = Math.Sqrt(2);\nint? n = null;\nint[]? m = null;");
        Assert.Equal(
            [
                ("a", ParameterType.Int, false), ("b", ParameterType.Long, false), ("c", ParameterType.Double, false),
                ("d", ParameterType.Double, false), ("e", ParameterType.Bool, false), ("f", ParameterType.String, false),
                ("g", ParameterType.Double, true), ("h", ParameterType.Int, true), ("k", ParameterType.Int, false),
                ("u", ParameterType.Unsupported, false), ("n", ParameterType.Int, false), ("m", ParameterType.Int, true),
            ],
            declarations.Select(d => (d.Name, d.Type, d.IsArray)));
        Assert.True(declarations.Single(d => d.Name == "k").IsConstant);
    }

    [Fact]
    public async Task EachValueTypeIsInjectedAfterTheParametersCell()
    {
        var outcome = await RunAsync(
            Fixture("parameters.ipynb"),
            "--param", "count=7", "--param", "big=9000000000", "--param", "rate=2.5", "--param", "enabled=true",
            "--param", "name=Ada \"quoted\"", "--param", "sizes=4, 5,6", "--param", "weights=0.25,1e-3", "--param", "labels=x,y");
        Assert.True(outcome.ExitCode == 0, outcome.Log);
        var notebook = outcome.Executed("parameters.ipynb");
        var injected = notebook["cells"]![2]!;
        Assert.Equal("injected-parameters", (string?)injected["metadata"]!["tags"]![0]);
        Assert.Equal("injected-parameters", (string?)injected["id"]);
        Assert.Equal(
            "// Parameters injected by the notebook runner\ncount = 7;\nbig = 9000000000L;\nrate = 2.5d;\nenabled = true;\nname = \"Ada \\\"quoted\\\"\";\nsizes = new int[] { 4, 5, 6 };\nweights = new double[] { 0.25d, 0.001d };\nlabels = new string[] { \"x\", \"y\" };",
            TestSupport.Text(injected["source"]));
        Assert.Equal(
            "7|9000000000|2.5|True|Ada \"quoted\"|4,5,6|0.25,0.001|x,y|Int32|Int64|Double",
            Stdout(notebook, 3));
    }

    [Fact]
    public async Task UnknownParameterListsTheKnownOnes()
    {
        var outcome = await RunAsync(Fixture("parameters.ipynb"), "--param", "cnt=7");
        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("Unknown parameter 'cnt'. The parameters cell declares: count, big, rate, enabled, name, sizes, weights, labels.", outcome.Log);
    }

    [Fact]
    public async Task AValueOfTheWrongTypeIsRefused()
    {
        var outcome = await RunAsync(Fixture("parameters.ipynb"), "--param", "count=seven");
        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("Parameter 'count' is int: cannot convert 'seven' to int.", outcome.Log);
    }
}
