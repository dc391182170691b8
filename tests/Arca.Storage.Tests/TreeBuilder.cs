using System.Security.Cryptography;

namespace Arca.Storage.Tests;

/// <summary>Builds source trees for tests and compares restored trees with their sources.</summary>
public static class TreeBuilder
{
    public static void File(string root, string rel, byte[] content, long? mtimeSeconds = null)
    {
        var path = Path.Combine(root, rel);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllBytes(path, content);
        if (mtimeSeconds is { } t)
        {
            System.IO.File.SetLastWriteTimeUtc(path, DateTime.UnixEpoch.AddSeconds(t));
        }
    }

    public static byte[] Random(int length, int seed)
    {
        var data = new byte[length];
        new Random(seed).NextBytes(data);
        return data;
    }

    /// <summary>Compressible text of the given length.</summary>
    public static byte[] Text(int length, int seed)
    {
        var rng = new Random(seed);
        var words = new[] { "alpha", "beta", "vault", "backup", "restore", "chunk", "pack", "index", "tree", "\n" };
        var sb = new System.Text.StringBuilder(length + 16);
        while (sb.Length < length)
        {
            sb.Append(words[rng.Next(words.Length)]).Append(' ');
        }

        return System.Text.Encoding.ASCII.GetBytes(sb.ToString(0, length));
    }

    /// <summary>
    /// A description of every entry under <paramref name="root"/>: type, permissions, size, mtime,
    /// content hash, link target, and hard-link groups. Two trees are equal when these are equal.
    /// </summary>
    public static SortedDictionary<string, string> Describe(string root, bool withMtime = true, bool withRoot = true)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var inodes = new Dictionary<ulong, string>();
        string Meta(string path)
        {
            Assert.Equal(0, Arca.Storage.Platform.Posix.LStat(path, out var st));
            var mode = Convert.ToString(st.Mode & 0xFFF, 8);
            return withMtime ? $"{mode} {st.MtimeNs}" : mode;
        }

        void Visit(string dir)
        {
            foreach (var path in Directory.EnumerateFileSystemEntries(dir).Order(StringComparer.Ordinal))
            {
                var rel = Path.GetRelativePath(root, path);
                var info = new FileInfo(path);
                if (info.LinkTarget is { } target)
                {
                    result[rel] = $"symlink -> {target} {(withMtime ? Meta(path).Split(' ')[1] : "")}";
                }
                else if ((info.Attributes & FileAttributes.Directory) != 0)
                {
                    result[rel] = $"dir {Meta(path)}";
                    Visit(path);
                }
                else
                {
                    var hash = Convert.ToHexString(SHA256.HashData(System.IO.File.ReadAllBytes(path)))[..16];
                    var st = StatOf(path);
                    var link = "";
                    if (st.Links > 1)
                    {
                        link = inodes.TryGetValue(st.Inode, out var first) ? $" hardlink-of {first}" : "";
                        inodes.TryAdd(st.Inode, rel);
                    }

                    result[rel] = $"file {Meta(path)} {info.Length} {hash}{link}";
                }
            }
        }

        if (withRoot)
        {
            result["."] = $"dir {Meta(root)}";
        }

        Visit(root);
        return result;
    }

    private static (ulong Inode, uint Links) StatOf(string path)
    {
        Assert.Equal(0, Arca.Storage.Platform.Posix.LStat(path, out var st));
        return (st.Inode, st.Links);
    }
}
