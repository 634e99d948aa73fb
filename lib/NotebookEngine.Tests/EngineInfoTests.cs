namespace NotebookEngine.Tests;

public sealed class EngineInfoTests
{
    [Fact]
    public void VersionIsSet() => Assert.Equal("0.1.0.0", EngineInfo.Version);
}
