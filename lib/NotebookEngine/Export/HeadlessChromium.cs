using System.Diagnostics;

namespace NotebookEngine.Export;

/// <summary>
/// Chromium run headless with the network off (a dead proxy and no name resolution), as the book's offline pages are
/// meant to be read: loads one page at a given window width and returns the DOM after the page's scripts have run.
/// </summary>
public static class HeadlessChromium
{
    private static readonly string[] Names = ["chromium", "chromium-browser", "google-chrome"];

    /// <summary>The first of chromium, chromium-browser, google-chrome found on PATH, or null.</summary>
    /// <returns>The executable's full path, or null.</returns>
    public static string? Find() =>
        Names.SelectMany(name => (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Select(dir => Path.Combine(dir, name)))
            .FirstOrDefault(File.Exists);

    /// <summary>
    /// Opens <paramref name="page"/> at a window <paramref name="windowWidth"/> px wide (and 1200 px high) with a virtual
    /// time budget of <paramref name="virtualTimeMilliseconds"/> (page timers run without waiting in real time), and
    /// returns the serialized DOM.
    /// </summary>
    /// <param name="page">An HTML file.</param>
    /// <param name="windowWidth">Window width in pixels, 200 to 4000.</param>
    /// <param name="virtualTimeMilliseconds">Virtual time the page may run, 1000 to 120000 ms.</param>
    /// <param name="timeout">Real time to wait for Chromium before it is killed.</param>
    /// <returns>The DOM as HTML text.</returns>
    /// <exception cref="InvalidOperationException">Chromium is not installed (environment/setup.sh installs it).</exception>
    /// <exception cref="TimeoutException">Chromium did not finish within <paramref name="timeout"/>.</exception>
    public static string DumpDom(string page, int windowWidth, int virtualTimeMilliseconds, TimeSpan timeout)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(page);
        ArgumentOutOfRangeException.ThrowIfLessThan(windowWidth, 200);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(windowWidth, 4000);
        ArgumentOutOfRangeException.ThrowIfLessThan(virtualTimeMilliseconds, 1000);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(virtualTimeMilliseconds, 120_000);
        var chromium = Find() ?? throw new InvalidOperationException(
            $"Chromium was not found on PATH (looked for {string.Join(", ", Names)}); environment/setup.sh installs it.");
        var profile = Directory.CreateTempSubdirectory("w2s-chromium-");
        try
        {
            var start = new ProcessStartInfo(chromium) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                $"--user-data-dir={profile.FullName}", "--proxy-server=127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND",
                $"--window-size={windowWidth},1200", $"--virtual-time-budget={virtualTimeMilliseconds}", "--dump-dom",
                new Uri(Path.GetFullPath(page)).AbsoluteUri,
            })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException($"Chromium ({chromium}) did not start.");
            var output = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"Chromium did not finish {page} within {timeout.TotalSeconds:F0} s.");
            }

            return output.GetAwaiter().GetResult();
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }
}
