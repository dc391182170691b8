using Arca.Storage.Format;

namespace Arca.Storage.Backup;

/// <summary>How one backup runs.</summary>
public sealed record BackupOptions
{
    /// <summary>The recovery point to compare against: unchanged files (size, mtime, ctime, inode) are not read again.</summary>
    public BlobId? Parent { get; init; }

    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    /// <summary>What the manifest records as the source (default: the directory's absolute path). Resource types that back up a staged copy name the original here.</summary>
    public string? SourceLabel { get; init; }

    public string Hostname { get; init; } = Environment.MachineName;

    /// <summary>Worker threads for hashing, compression and encryption.</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Test seam: runs after a file's content was read and before its status is checked again.</summary>
    internal Action<string>? AfterFileRead { get; init; }

    /// <summary>Counters the caller may watch while the backup runs.</summary>
    public BackupProgress Progress { get; init; } = new();
}
