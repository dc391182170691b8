namespace Arca.Storage.Format;

/// <summary>Counters of one backup, stored in its manifest.</summary>
public sealed record BackupSummary
{
    public long Files { get; init; }

    public long Dirs { get; init; }

    public long Bytes { get; init; }

    public long FilesNew { get; init; }

    public long FilesChanged { get; init; }

    public long FilesUnmodified { get; init; }

    /// <summary>Plaintext bytes of blobs this backup added to the vault.</summary>
    public long DataAdded { get; init; }

    /// <summary>Stored (compressed, encrypted) bytes of blobs this backup added.</summary>
    public long DataAddedStored { get; init; }

    public double DurationSeconds { get; init; }
}
