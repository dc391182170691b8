using System.Globalization;
using System.Security.Cryptography;

namespace Arca.Cli.Quickstart;

/// <summary>
/// Compares a restored tree with its source: the same entries, and for each its type, permission bits, size, content
/// (SHA-256 of every byte), modification time (files and directories) and link target.
/// </summary>
internal static class TreeComparison
{
    /// <summary>The differences (empty when the trees are identical) and what was compared.</summary>
    public static (IReadOnlyList<string> Differences, int Files, int Directories, long Bytes) Compare(string source, string restored)
    {
        SortedDictionary<string, Entry> expected = Describe(source);
        SortedDictionary<string, Entry> actual = Describe(restored);
        var differences = new List<string>();
        foreach ((string path, Entry entry) in expected)
        {
            if (!actual.TryGetValue(path, out Entry? other))
            {
                differences.Add($"{path}: missing from the restore");
            }
            else if (other != entry)
            {
                differences.Add($"{path}: {entry} in the source, {other} restored");
            }
        }

        differences.AddRange(actual.Keys.Where(p => !expected.ContainsKey(p)).Select(p => $"{p}: restored but not in the source"));
        return (differences, expected.Values.Count(e => e.Type == "file"), expected.Values.Count(e => e.Type == "dir"), expected.Values.Sum(e => e.Size));
    }

    private static SortedDictionary<string, Entry> Describe(string root)
    {
        var entries = new SortedDictionary<string, Entry>(StringComparer.Ordinal) { ["."] = Of(new DirectoryInfo(root)) };
        foreach (FileSystemInfo info in new DirectoryInfo(root).EnumerateFileSystemInfos("*", new EnumerationOptions
        {
            RecurseSubdirectories = true,
            AttributesToSkip = 0,
            IgnoreInaccessible = false,
        }))
        {
            entries[Path.GetRelativePath(root, info.FullName)] = Of(info);
        }

        return entries;
    }

    private static Entry Of(FileSystemInfo info)
    {
        string mode = Convert.ToString((int)info.UnixFileMode, 8);
        if (info.LinkTarget is { } target)
        {
            return new Entry("symlink", string.Empty, 0, string.Empty, target, string.Empty);
        }

        string modified = info.LastWriteTimeUtc.ToString("O", CultureInfo.InvariantCulture);
        if (info is DirectoryInfo)
        {
            return new Entry("dir", mode, 0, string.Empty, string.Empty, modified);
        }

        long size = ((FileInfo)info).Length;
        using FileStream stream = File.OpenRead(info.FullName);
        return new Entry("file", mode, size, Convert.ToHexStringLower(SHA256.HashData(stream)), string.Empty, modified);
    }

    private sealed record Entry(string Type, string Mode, long Size, string Sha256, string Target, string Modified)
    {
        public override string ToString() => Type switch
        {
            "symlink" => $"symlink to {Target}",
            "dir" => $"dir mode {Mode} modified {Modified}",
            _ => $"file mode {Mode} size {Size} sha256 {Sha256[..12]}… modified {Modified}",
        };
    }
}
