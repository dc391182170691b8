namespace Arca.Control.Backup.Vaults.Internal;

/// <summary>A vault lock as stored: the retention bounds, when it becomes immutable, and when it was first applied.</summary>
internal sealed record VaultLockDocument
{
    public long? MinRetentionDays { get; init; }

    public long? MaxRetentionDays { get; init; }

    /// <summary>When the lock becomes immutable (compliance mode); null while it stays changeable (governance mode).</summary>
    public DateTimeOffset? LockDate { get; init; }

    /// <summary>When a lock was first put on the vault (kept across changes); recovery points cataloged before are not bound by it.</summary>
    public required DateTimeOffset AppliedAt { get; init; }

    /// <summary>Whether the lock can no longer be changed or deleted at <paramref name="now"/>.</summary>
    public bool IsImmutableAt(DateTimeOffset now) => LockDate is { } date && now >= date;
}
