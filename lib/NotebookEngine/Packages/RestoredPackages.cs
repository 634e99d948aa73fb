namespace NotebookEngine.Packages;

/// <summary>The result of restoring a set of packages.</summary>
/// <param name="Assemblies">Full paths of the runtime assemblies of the whole dependency closure (framework assemblies excluded).</param>
/// <param name="ResolvedVersions">Package id → version that the restore chose, for every package of the closure.</param>
/// <param name="FromCache">True when the result came from the on-disk cache and no restore ran.</param>
public sealed record RestoredPackages(IReadOnlyList<string> Assemblies, IReadOnlyDictionary<string, string> ResolvedVersions, bool FromCache);
