using System.Text;

namespace NotebookEngine.Export;

/// <summary>
/// Writes files atomically: content goes to a temporary file in the destination's folder, which then replaces
/// the destination in one rename. A reader (a browser, a web server, a concurrent export) never sees a half-written
/// page or asset, and a failed write leaves the previous file intact. (Files are not fsynced: the book is
/// regenerated output, so durability across a power loss is not worth the cost of syncing every font file.)
/// </summary>
internal static class AtomicFile
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes <paramref name="text"/> as UTF-8 without BOM.</summary>
    public static void WriteAllText(string path, string text) =>
        Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, Utf8NoBom, bufferSize: -1, leaveOpen: true);
            writer.Write(text);
        });

    /// <summary>Copies the file <paramref name="source"/> to <paramref name="destination"/>.</summary>
    public static void Copy(string source, string destination) =>
        Write(destination, stream =>
        {
            using var input = File.OpenRead(source);
            input.CopyTo(stream);
        });

    /// <summary>Writes the bytes produced by <paramref name="write"/> to <paramref name="path"/>.</summary>
    public static void Write(string path, Action<Stream> write)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(stream);
            }
            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }
}
