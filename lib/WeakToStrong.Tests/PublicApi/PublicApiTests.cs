namespace WeakToStrong.Tests.PublicApi;

/// <summary>The committed listing of the library's public API is the library's.</summary>
public sealed class PublicApiTests
{
    [Fact]
    public void TheCommittedListingIsTheLibrarysPublicApi()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "global.json")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("global.json not found above " + AppContext.BaseDirectory);
        }

        var actual = PublicApiListing.Of(typeof(LibraryInfo).Assembly);
        var written = Path.Combine(root, "artifacts", "PublicApi.md");
        File.WriteAllText(written, actual);
        var committed = File.ReadAllText(Path.Combine(root, "lib", "WeakToStrong", "PublicApi.md"));
        var expectedLines = committed.Split('\n');
        var actualLines = actual.Split('\n');
        var added = actualLines.Except(expectedLines).Take(10).ToList();
        var removed = expectedLines.Except(actualLines).Take(10).ToList();
        Assert.True(added.Count == 0 && removed.Count == 0,
            $"The public API differs from lib/WeakToStrong/PublicApi.md (the current listing is in {written}; copy it over if the change is intended).\n" +
            $"In the library, not in the listing:\n{string.Join('\n', added)}\nIn the listing, not in the library:\n{string.Join('\n', removed)}");
    }
}
