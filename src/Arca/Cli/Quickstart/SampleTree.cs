using System.Security.Cryptography;
using System.Text;

namespace Arca.Cli.Quickstart;

/// <summary>
/// The directory the quickstart backs up: text, a random binary file, an empty file, nested directories, a symbolic link,
/// several permission modes and modification times in the past, so the verified restore says something.
/// </summary>
internal static class SampleTree
{
    /// <summary>Writes the sample under <paramref name="root"/> (created; must not exist).</summary>
    public static void Write(string root)
    {
        Directory.CreateDirectory(root);
        DateTime past = new(2026, 1, 15, 9, 30, 0, DateTimeKind.Utc);
        File(root, "README.txt", Encoding.UTF8.GetBytes("Arca quickstart sample: backed up, copied to another account and region, copied back and restored.\n"), past);
        var report = new StringBuilder();
        for (int i = 0; i < 2000; i++)
        {
            report.Append("line ").Append(i).Append(": the quick brown fox jumps over the lazy dog\n");
        }

        File(Path.Combine(root, "docs"), "report.txt", Encoding.UTF8.GetBytes(report.ToString()), past.AddDays(1));
        File(Path.Combine(root, "data"), "random.bin", RandomNumberGenerator.GetBytes(1 << 20), past.AddDays(2));
        File(Path.Combine(root, "data"), "empty", [], past.AddDays(3));
        File(Path.Combine(root, "data", "nested", "deeper"), "secret.txt", Encoding.UTF8.GetBytes("only the owner may read this\n"), past.AddDays(4),
            UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File(Path.Combine(root, "bin"), "hello.sh", Encoding.UTF8.GetBytes("#!/bin/sh\necho hello from Arca\n"), past.AddDays(5),
            UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute
            | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        System.IO.File.CreateSymbolicLink(Path.Combine(root, "latest-report"), "docs/report.txt");
        foreach (string dir in new[] { "docs", "data/nested/deeper", "data/nested", "data", "bin" })
        {
            Directory.SetLastWriteTimeUtc(Path.Combine(root, dir), past.AddDays(6));
        }
    }

    private static void File(string dir, string name, byte[] content, DateTime modified, UnixFileMode? mode = null)
    {
        Directory.CreateDirectory(dir);
        string path = Path.Combine(dir, name);
        System.IO.File.WriteAllBytes(path, content);
        if (mode is { } m)
        {
            System.IO.File.SetUnixFileMode(path, m);
        }

        System.IO.File.SetLastWriteTimeUtc(path, modified);
    }
}
