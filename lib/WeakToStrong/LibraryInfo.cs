namespace WeakToStrong;

/// <summary>Identifies the helper library build a notebook has loaded.</summary>
public static class LibraryInfo
{
    /// <summary>The informational version of the loaded WeakToStrong assembly.</summary>
    public static string Version =>
        typeof(LibraryInfo).Assembly
            .GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>()
            .FirstOrDefault()?.InformationalVersion ?? "unknown";
}
