namespace NotebookEngine.Packages;

/// <summary>A package restore failed: unknown package or version, conflicting versions, or an unreachable source.</summary>
public sealed class PackageRestoreException(string message) : Exception(message);
