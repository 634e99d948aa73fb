namespace WeakToStrong.Tests;

public sealed class LibraryInfoTests
{
    [Fact]
    public void VersionComesFromTheAssembly() => Assert.StartsWith("0.1.0", LibraryInfo.Version);
}
