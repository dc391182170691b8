using System.Security.Cryptography;

namespace Arca.Storage.Resources.Internal;

/// <summary>
/// A private (mode 0700), uniquely named directory for staging a copy, a dump or a restore. Disposing it
/// removes it with everything inside, on success and on failure alike.
/// </summary>
internal sealed class ScratchDirectory : IDisposable
{
    private const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private ScratchDirectory(string path) => Path = path;

    public string Path { get; }

    /// <summary>Creates a new directory named <paramref name="prefix"/> plus 32 random hex digits under <paramref name="parent"/> (default: the system temp directory).</summary>
    public static ScratchDirectory Create(string? parent, string prefix)
    {
        var root = parent ?? System.IO.Path.GetTempPath();
        var path = System.IO.Path.Combine(root, prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)));
        Directory.CreateDirectory(path, Private);
        File.SetUnixFileMode(path, Private);
        return new ScratchDirectory(path);
    }

    public string Sub(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Never mask the operation's own outcome; a leftover is named by its prefix and safe to remove.
        }
    }
}
