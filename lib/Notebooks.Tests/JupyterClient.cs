using System.Diagnostics;
using System.Text.Json.Nodes;
using NotebookEngine.Kernel;

namespace Notebooks.Tests;

/// <summary>
/// Debian's Jupyter (<c>jupyter nbconvert --execute</c>, nbclient) as a second real client of the pinned kernel: a
/// kernelspec named <c>.net-csharp</c> (the notebooks' own kernelspec) that starts <see cref="KernelTool.JupyterArguments"/>
/// is written under the test's own folder and found through <c>JUPYTER_PATH</c>, so nothing outside it is touched.
/// </summary>
internal sealed class JupyterClient
{
    /// <summary>Where Debian's <c>jupyter-nbconvert</c> package installs the command.</summary>
    public const string Command = "/usr/bin/jupyter";

    private readonly string _dataFolder;

    private JupyterClient(string dataFolder) => _dataFolder = dataFolder;

    /// <summary>Writes the kernelspec under <paramref name="folder"/>/jupyter (restoring the kernel tool first).</summary>
    public static async Task<JupyterClient> CreateAsync(KernelTool kernel, string folder)
    {
        Assert.True(File.Exists(Command), $"{Command} is missing: environment/setup.sh installs Debian's jupyter-nbconvert");
        await kernel.EnsureRestoredAsync();
        var data = Path.Combine(folder, "jupyter");
        var spec = Path.Combine(data, "kernels", ".net-csharp");
        Directory.CreateDirectory(spec);
        var argv = new JsonArray([.. kernel.JupyterArguments().Select(a => (JsonNode)a)]);
        var json = new JsonObject { ["argv"] = argv, ["display_name"] = ".NET (C#)", ["language"] = "C#" };
        await File.WriteAllTextAsync(Path.Combine(spec, "kernel.json"), json.ToJsonString());
        return new JupyterClient(data);
    }

    /// <summary>
    /// Executes a copy of <paramref name="notebookPath"/> (in the notebook's own folder, as Jupyter runs it, so relative
    /// <c>#r</c> paths resolve) and returns the executed notebook. Errors in cells are kept in the outputs
    /// (<c>--allow-errors</c>), so a failing cell shows as an error output rather than as a missing file.
    /// </summary>
    public async Task<JsonNode> ExecuteAsync(string notebookPath, string outputFolder, TimeSpan timeout)
    {
        Directory.CreateDirectory(outputFolder);
        var name = Path.GetFileNameWithoutExtension(notebookPath) + ".jupyter.ipynb";
        var start = new ProcessStartInfo(Command)
        {
            WorkingDirectory = Path.GetDirectoryName(notebookPath)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "nbconvert", "--to", "notebook", "--execute", "--allow-errors",
            "--ExecutePreprocessor.kernel_name=.net-csharp", $"--ExecutePreprocessor.timeout={(int)timeout.TotalSeconds}",
            "--output-dir", outputFolder, "--output", name, notebookPath,
        })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["JUPYTER_PATH"] = _dataFolder;
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(timeout + TimeSpan.FromMinutes(1));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        var log = await stdout + await stderr;
        Assert.True(process.ExitCode == 0, $"jupyter nbconvert exited with {process.ExitCode}:\n{log}");
        return JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(outputFolder, name)))!;
    }
}
