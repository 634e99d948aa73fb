namespace NotebookEngine;

/// <summary>Version of the notebook engine.</summary>
public static class EngineInfo
{
    /// <summary>The engine assembly's version.</summary>
    public static string Version => typeof(EngineInfo).Assembly.GetName().Version?.ToString() ?? "unknown";
}
