using NotebookEngine.Export;

namespace NotebookEngine.Tests.Export;

/// <summary>
/// A fact that needs headless Chromium. When no Chromium is found it is skipped on a developer machine, but
/// when the environment variable <c>CI</c> is set it runs and fails with a message to run
/// <c>environment/setup.sh</c>: a CI machine must not silently skip the browser check.
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (HeadlessChromium.Find() is null && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
        {
            Skip = $"Chromium not found (set {HeadlessChromium.PathVariable} or run environment/setup.sh); browser tests are required only when CI is set.";
        }
    }
}
