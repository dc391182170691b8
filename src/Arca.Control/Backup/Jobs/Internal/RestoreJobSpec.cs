namespace Arca.Control.Backup.Jobs.Internal;

/// <summary>
/// A restore job's request (<c>restore-jobs</c> document). The metadata is kept twice: <see cref="Metadata"/> as shown
/// to users (a connection string without its password) and <see cref="SealedMetadata"/>, the full map sealed with the
/// region's master key, which only the runner opens.
/// </summary>
internal sealed record RestoreJobSpec
{
    public required string Region { get; init; }

    public required string RecoveryPointArn { get; init; }

    public required string BackupVaultName { get; init; }

    public required string BackupVaultArn { get; init; }

    public required string SourceResourceArn { get; init; }

    public required string ResourceType { get; init; }

    public string? ResourceName { get; init; }

    public string? IamRoleArn { get; init; }

    public required DateTimeOffset RecoveryPointCreationDate { get; init; }

    public long BackupSizeInBytes { get; init; }

    public required IReadOnlyDictionary<string, string> Metadata { get; init; }

    public required string SealedMetadata { get; init; }

    public bool CopySourceTagsToRestoredResource { get; init; }

    public string? Fingerprint { get; init; }
}
