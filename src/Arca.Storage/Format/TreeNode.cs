namespace Arca.Storage.Format;

/// <summary>One entry of a tree blob (vault-format.md §7). Times are nanoseconds since the epoch.</summary>
public sealed record TreeNode
{
    public required string Name { get; init; }

    public required NodeType Type { get; init; }

    /// <summary>Permission bits, including setuid, setgid and sticky (07777).</summary>
    public uint Mode { get; init; }

    public uint Uid { get; init; }

    public uint Gid { get; init; }

    public long Mtime { get; init; }

    public long Ctime { get; init; }

    public ulong Inode { get; init; }

    public ulong Dev { get; init; }

    public uint Links { get; init; }

    public long Size { get; init; }

    /// <summary>Data blobs of a file, in order.</summary>
    public IReadOnlyList<BlobId>? Content { get; init; }

    /// <summary>Tree blob of a directory.</summary>
    public BlobId? Subtree { get; init; }

    /// <summary>Target of a symlink, verbatim.</summary>
    public string? Target { get; init; }

    /// <summary>Device number of a character or block device.</summary>
    public ulong? Rdev { get; init; }
}
