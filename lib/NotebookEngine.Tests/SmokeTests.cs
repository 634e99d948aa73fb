using NotebookEngine.Execution;
using NotebookEngine.Model;

namespace NotebookEngine.Tests;

public sealed class SmokeTests
{
    [Fact]
    public async Task DisplayPaths()
    {
        var session = new NotebookSession(Path.GetTempPath());
        var r1 = await session.ExecuteCellAsync("var x = 3;\nConsole.WriteLine(\"hi\");\ndisplay(HTML(\"<b>x</b>\"));\n\"abc\".DisplayAs(\"text/markdown\");\nx + 1");
        var r2 = await session.ExecuteCellAsync("using Microsoft.DotNet.Interactive.Formatting;\nclass P { public int A = 1; }\nFormatter.Register<P>(p => $\"<p>P {p.A}</p>\", \"text/html\");\nnew P()");
        var r3 = await session.ExecuteCellAsync("int y = 1;\nthrow new InvalidOperationException(\"boom\");");
        var r4 = await session.ExecuteCellAsync("\n\nundefinedThing");
        foreach (var r in new[] { r1, r2, r3, r4 })
        {
            Console.Error.WriteLine($"--- {r.Failure}");
            foreach (var o in r.Outputs) Console.Error.WriteLine(o);
            if (r.Outputs.LastOrDefault() is DisplayDataOutput d) foreach (var kv in d.Data) Console.Error.WriteLine($"{kv.Key}: {kv.Value}");
        }
        Assert.True(r1.Succeeded);
    }
}
