using System.Diagnostics;

namespace NotebookEngine.Export;

/// <summary>
/// Chromium run headless with the network off (no proxy reachable, every host name unresolvable, no background
/// services), as the book's offline pages are meant to be read: loads one local page and returns the DOM after the
/// page's scripts have run. Used by the contact sheet and by the browser tests.
/// </summary>
public static class HeadlessChromium
{
    /// <summary>Environment variable naming the Chromium executable.</summary>
    public const string PathVariable = "CHROMIUM_PATH";

    private static readonly string[] ExecutableNames = ["chromium", "chromium-browser", "google-chrome"];

    /// <summary>The Chromium executable: <c>CHROMIUM_PATH</c>, else the first of chromium, chromium-browser, google-chrome on PATH; null if none.</summary>
    /// <returns>The executable's full path, or null.</returns>
    public static string? Find()
    {
        var configured = Environment.GetEnvironmentVariable(PathVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(configured) ? configured : null;
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(directory => ExecutableNames.Select(name => Path.Combine(directory, name)))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>The executable, or an exception that says how to install it.</summary>
    /// <returns>The executable's full path.</returns>
    /// <exception cref="InvalidOperationException">No Chromium was found.</exception>
    public static string Require() =>
        Find() ?? throw new InvalidOperationException(
            $"Chromium was not found ({PathVariable} unset or wrong, and none of {string.Join(", ", ExecutableNames)} on PATH); run environment/setup.sh to install it.");

    /// <summary>
    /// Loads <paramref name="page"/> (a local file) in a window <paramref name="windowWidth"/> px wide and 1200 px high,
    /// lets it run for <paramref name="virtualTimeMilliseconds"/> of virtual time (page timers fire without real
    /// waiting), and returns the serialized DOM.
    /// </summary>
    /// <param name="page">An HTML file.</param>
    /// <param name="windowWidth">Window width in pixels, 200 to 4000.</param>
    /// <param name="virtualTimeMilliseconds">Virtual time the page may run, 1000 to 120000 ms.</param>
    /// <param name="timeout">Real time to wait before Chromium is killed.</param>
    /// <returns>The DOM as HTML text.</returns>
    /// <exception cref="InvalidOperationException">Chromium is not installed, exits with an error or prints no DOM.</exception>
    /// <exception cref="TimeoutException">Chromium did not finish within <paramref name="timeout"/>.</exception>
    public static string DumpDom(string page, int windowWidth = 1280, int virtualTimeMilliseconds = 15_000, TimeSpan? timeout = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(page);
        ArgumentOutOfRangeException.ThrowIfLessThan(windowWidth, 200);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(windowWidth, 4000);
        ArgumentOutOfRangeException.ThrowIfLessThan(virtualTimeMilliseconds, 1000);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(virtualTimeMilliseconds, 120_000);
        var limit = timeout ?? TimeSpan.FromSeconds(120);
        var executable = Require();
        var profile = Directory.CreateTempSubdirectory("w2s-chromium-");
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            $"--user-data-dir={profile.FullName}", "--proxy-server=127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND",
            $"--window-size={windowWidth},1200", $"--virtual-time-budget={virtualTimeMilliseconds}", "--dump-dom",
            new Uri(Path.GetFullPath(page)).AbsoluteUri,
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{executable} did not start.");
        try
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(limit))
            {
                throw new TimeoutException($"Chromium did not finish loading {page} within {limit.TotalSeconds:F0} s and was killed.");
            }

            process.WaitForExit(); // drains the redirected streams
            var dom = output.GetAwaiter().GetResult();
            if (process.ExitCode != 0 || dom.Length == 0)
            {
                var tail = errors.GetAwaiter().GetResult();
                throw new InvalidOperationException($"Chromium exited with {process.ExitCode} on {page}: {(tail.Length <= 2000 ? tail : tail[^2000..])}");
            }

            return dom;
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(TimeSpan.FromSeconds(10));
            }

            try
            {
                profile.Delete(recursive: true);
            }
            catch (IOException)
            {
                // Chromium's helper processes can release the profile a moment after exit; it is a temporary folder.
            }
        }
    }
}
