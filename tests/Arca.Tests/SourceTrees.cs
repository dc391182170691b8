using System.Text;

namespace Arca.Tests;

/// <summary>
/// Source trees on disk, made once per test class: a small one, and one of about 60 MB (random and
/// text files, several packs' worth). Each test makes its vaults and targets in <see cref="NewDirectory"/>.
/// </summary>
public sealed class SourceTrees : IDisposable
{
    private readonly Lazy<(string Path, SortedDictionary<string, string> Digest)> _large;
    private int _counter;

    public SourceTrees()
    {
        Root = Path.Combine(Path.GetTempPath(), "arca-cli-" + Guid.NewGuid().ToString("N")[..12]);
        Small = Path.Combine(Root, "small");
        Write(Small, "notes/readme.txt", Text(20_000, 1));
        Write(Small, "bin/blob", Random(300_000, 2));
        Write(Small, "empty", []);
        SmallDigest = TreeDigest.Of(Small);
        _large = new(MakeLarge);
    }

    public string Root { get; }

    public string Small { get; }

    public SortedDictionary<string, string> SmallDigest { get; }

    /// <summary>About 60 MB: 40 MB of random files and 20 MB of text; made on first use.</summary>
    public string Large => _large.Value.Path;

    public SortedDictionary<string, string> LargeDigest => _large.Value.Digest;

    /// <summary>A path for a new directory (not created).</summary>
    public string NewDirectory(string name) => Path.Combine(Root, $"{name}-{Interlocked.Increment(ref _counter)}");

    /// <summary>A copy of the large tree that a test may change.</summary>
    public string CopyOfLarge()
    {
        var copy = NewDirectory("source");
        foreach (var file in Directory.EnumerateFiles(Large, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(copy, Path.GetRelativePath(Large, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }

        return copy;
    }

    public static void Write(string root, string rel, byte[] content)
    {
        var path = Path.Combine(root, rel);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
    }

    public static byte[] Random(int length, int seed)
    {
        var data = new byte[length];
        new Random(seed).NextBytes(data);
        return data;
    }

    public static byte[] Text(int length, int seed)
    {
        var rng = new Random(seed);
        var words = new[] { "vault", "pack", "index", "chunk", "restore", "backup", "recovery", "point", "\n" };
        var text = new StringBuilder(length + 16);
        while (text.Length < length)
        {
            text.Append(words[rng.Next(words.Length)]).Append(' ').Append(rng.Next(1000)).Append(' ');
        }

        return Encoding.ASCII.GetBytes(text.ToString(0, length));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }

    private (string Path, SortedDictionary<string, string> Digest) MakeLarge()
    {
        var large = Path.Combine(Root, "large");
        for (var i = 0; i < 8; i++)
        {
            Write(large, $"random/r{i}.bin", Random(5_000_000, 10 + i));
        }

        for (var i = 0; i < 4; i++)
        {
            Write(large, $"text/t{i}.txt", Text(5_000_000, 20 + i));
        }

        Write(large, "small/a.txt", Text(1_000, 30));
        return (large, TreeDigest.Of(large));
    }
}
