using System.Security.Cryptography;

namespace Arca.Tests;

/// <summary>A comparable description of a directory tree: every entry's type, permissions, size and content hash.</summary>
internal static class TreeDigest
{
    public static SortedDictionary<string, string> Of(string root)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFileSystemEntries(root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
        {
            var rel = Path.GetRelativePath(root, path);
            var info = new FileInfo(path);
            var mode = Convert.ToString((int)info.UnixFileMode, 8);
            result[rel] = info.LinkTarget is { } target ? $"symlink {target}"
                : (info.Attributes & FileAttributes.Directory) != 0 ? $"dir {mode}"
                : $"file {mode} {info.Length} {Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)))}";
        }

        return result;
    }
}
