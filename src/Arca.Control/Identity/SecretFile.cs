namespace Arca.Control.Identity;

/// <summary>Writes files that hold secrets: created with mode 0600 from the start, never widened afterwards.</summary>
public static class SecretFile
{
    /// <summary>Creates <paramref name="path"/> (which must not exist) with mode 0600 and writes <paramref name="content"/>, flushed to disk.</summary>
    /// <exception cref="IOException">The file exists or cannot be written.</exception>
    public static void WriteNew(string path, string content)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(content);
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        };
        using (var stream = new FileStream(path, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(content);
            writer.Flush();
            stream.Flush(flushToDisk: true);
        }
    }
}
