using Arca.Domain.Plans;

namespace Arca.Control.Backup.RecoveryPoints;

/// <summary>
/// The catalog entry of a recovery point (docs/design/backup-service.md §3), holding what
/// DescribeRecoveryPoint and the list operations return. Written only after the engine committed the
/// recovery point; <see cref="EngineRecoveryPointId"/> names it in the engine vault.
/// </summary>
public sealed record RecoveryPointRecord
{
    /// <summary><c>arn:aws:backup:REGION:ACCOUNT:recovery-point:UUID</c>.</summary>
    public required string RecoveryPointArn { get; init; }

    public required string AccountId { get; init; }

    public required string Region { get; init; }

    public required string BackupVaultName { get; init; }

    public required string BackupVaultArn { get; init; }

    /// <summary>The engine's recovery point id (64 hex digits).</summary>
    public required string EngineRecoveryPointId { get; init; }

    public required string ResourceArn { get; init; }

    /// <summary>Directory, SQLite or PostgreSQL.</summary>
    public required string ResourceType { get; init; }

    public string? ResourceName { get; init; }

    /// <summary>COMPLETED (usable), or EXPIRED / DELETING while the lifecycle removes it.</summary>
    public required string Status { get; init; }

    public string? StatusMessage { get; init; }

    /// <summary>The creation date of the data: a copy keeps its source's.</summary>
    public required DateTimeOffset CreationDate { get; init; }

    public DateTimeOffset? InitiationDate { get; init; }

    public DateTimeOffset? CompletionDate { get; init; }

    public long BackupSizeInBytes { get; init; }

    public string? IamRoleArn { get; init; }

    /// <summary>The plan and rule that created it, for scheduled and org-managed backups.</summary>
    public RecoveryPointCreator? CreatedBy { get; init; }

    public Lifecycle? Lifecycle { get; init; }

    public required string EncryptionKeyArn { get; init; }

    /// <summary>WARM or COLD.</summary>
    public string StorageClass { get; init; } = "WARM";

    /// <summary>Set on copies: the vault it was copied from.</summary>
    public string? SourceBackupVaultArn { get; init; }

    /// <summary>The backup or copy job that created it.</summary>
    public string? CreatedByJobId { get; init; }

    public DateTimeOffset? LastRestoreTime { get; init; }

    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();
}
