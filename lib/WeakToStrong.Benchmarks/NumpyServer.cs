using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace WeakToStrong.Benchmarks;

/// <summary>
/// A persistent <c>numpy/kernels.py --serve</c> process: each <see cref="Time"/> request runs one timed numpy call
/// (inputs built and warmed up, untimed, on the first request for a kernel and size).
/// </summary>
internal sealed class NumpyServer : IDisposable
{
    private readonly Process _process;

    private NumpyServer(Process process, string description)
    {
        _process = process;
        Description = description;
    }

    /// <summary>"numpy 1.24.2 (libblas.so.3, liblapack.so.3, libopenblasp-r0.3.21.so)".</summary>
    public string Description { get; }

    /// <summary>Starts the script and reads its greeting (numpy version and loaded BLAS).</summary>
    /// <param name="python">The interpreter.</param>
    /// <param name="script">The path of kernels.py.</param>
    /// <returns>The running server.</returns>
    public static NumpyServer Start(string python, string script)
    {
        var start = new ProcessStartInfo(python)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add("--serve");
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {python} {script}");
        using var greeting = JsonDocument.Parse(ReadLine(process, "the greeting"));
        var root = greeting.RootElement;
        var blas = string.Join(", ", root.GetProperty("blas").EnumerateArray().Select(e => e.GetString()));
        return new NumpyServer(process, $"numpy {root.GetProperty("numpy").GetString()} ({blas})");
    }

    /// <summary>One timed numpy call.</summary>
    /// <param name="op">matmul or eigh.</param>
    /// <param name="n">The matrix order.</param>
    /// <returns>Seconds.</returns>
    public double Time(string op, int n)
    {
        _process.StandardInput.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{op} {n}"));
        _process.StandardInput.Flush();
        using var answer = JsonDocument.Parse(ReadLine(_process, $"{op} {n}"));
        return answer.RootElement.GetProperty("seconds")[0].GetDouble();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _process.StandardInput.Close();
        if (!_process.WaitForExit(10_000))
        {
            _process.Kill();
        }

        _process.Dispose();
    }

    private static string ReadLine(Process process, string what) =>
        process.StandardOutput.ReadLine()
            ?? throw new InvalidOperationException($"the numpy reference exited before answering {what} (exit code {(process.HasExited ? process.ExitCode : -1)}); run numpy/kernels.py --serve by hand to see its error");
}
