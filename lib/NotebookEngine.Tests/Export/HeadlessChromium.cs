using System.Diagnostics;

namespace NotebookEngine.Tests.Export;

/// <summary>
/// Opens a local page in headless Chromium with the network off (no proxy reachable, every host name unresolvable,
/// no background services) and returns the DOM after the page's scripts ran.
/// </summary>
internal static class HeadlessChromium
{
    /// <summary>Environment variable naming the Chromium executable.</summary>
    public const string PathVariable = "CHROMIUM_PATH";

    /// <summary>How long a page may take before the browser is killed and the test fails.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    private static readonly string[] ExecutableNames = ["chromium", "chromium-browser", "google-chrome"];

    /// <summary>The Chromium executable: <c>CHROMIUM_PATH</c>, else the first of chromium, chromium-browser, google-chrome on PATH; null if none.</summary>
    public static string? Find()
    {
        var configured = Environment.GetEnvironmentVariable(PathVariable);
        if (!string.IsNullOrWhiteSpace(configured))
            return File.Exists(configured) ? configured : null;
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(directory => ExecutableNames.Select(name => Path.Combine(directory, name)))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>The executable, or a test failure that says how to install it.</summary>
    public static string Require() =>
        Find() ?? throw new Xunit.Sdk.XunitException(
            $"Chromium was not found ({PathVariable} unset or wrong, and none of {string.Join(", ", ExecutableNames)} on PATH); run environment/setup.sh to install it.");

    /// <summary>Loads <paramref name="page"/> (a local file) and returns the serialized DOM after up to 15 s of virtual time.</summary>
    public static string DumpDom(string executable, string page)
    {
        var profile = Directory.CreateTempSubdirectory("w2s-chromium-");
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     $"--user-data-dir={profile.FullName}", "--proxy-server=127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND",
                     "--virtual-time-budget=15000", "--dump-dom", new Uri(Path.GetFullPath(page)).AbsoluteUri,
                 })
            start.ArgumentList.Add(argument);

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{executable} did not start");
        try
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
                throw new Xunit.Sdk.XunitException($"Chromium did not finish loading {page} within {Timeout.TotalSeconds} s and was killed.");
            process.WaitForExit(); // drains the redirected streams
            var dom = output.GetAwaiter().GetResult();
            if (process.ExitCode != 0 || dom.Length == 0)
                throw new Xunit.Sdk.XunitException($"Chromium exited with {process.ExitCode} on {page}: {Tail(errors.GetAwaiter().GetResult())}");
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
                // Chromium's helper processes can release the profile a moment after exit; it is a temp folder.
            }
        }
    }

    private static string Tail(string text) => text.Length <= 2000 ? text : text[^2000..];
}
