using Arca.Control.Backup.RecoveryPoints;
using Arca.Domain.Plans;

namespace Arca.Control.Backup.Jobs;

/// <summary>A backup job as DescribeBackupJob and ListBackupJobs show it (AWS <c>BackupJob</c>).</summary>
public sealed record BackupJobDetails
{
    public required string AccountId { get; init; }

    public required string BackupJobId { get; init; }

    public required string BackupVaultName { get; init; }

    public required string BackupVaultArn { get; init; }

    /// <summary>Always <c>BACKUP_VAULT</c> (Arca has no logically air-gapped vaults).</summary>
    public string VaultType { get; init; } = "BACKUP_VAULT";

    public string? VaultLockState { get; init; }

    /// <summary>Set once the job committed its recovery point.</summary>
    public string? RecoveryPointArn { get; init; }

    public Lifecycle? RecoveryPointLifecycle { get; init; }

    public string? EncryptionKeyArn { get; init; }

    /// <summary>Every Arca recovery point is encrypted.</summary>
    public bool IsEncrypted { get; init; } = true;

    public required string ResourceArn { get; init; }

    public required string ResourceType { get; init; }

    public string? ResourceName { get; init; }

    public required DateTimeOffset CreationDate { get; init; }

    public DateTimeOffset? InitiationDate { get; init; }

    public DateTimeOffset? CompletionDate { get; init; }

    public required string State { get; init; }

    public string? StatusMessage { get; init; }

    public string? MessageCategory { get; init; }

    /// <summary>0–100 with one decimal, as AWS prints it (<c>"37.5"</c>).</summary>
    public required double PercentDone { get; init; }

    public long BackupSizeInBytes { get; init; }

    public long BytesTransferred { get; init; }

    public required string IamRoleArn { get; init; }

    public RecoveryPointCreator? CreatedBy { get; init; }

    public DateTimeOffset? StartBy { get; init; }

    /// <summary>The completion deadline (scheduled time + completion window).</summary>
    public DateTimeOffset? ExpectedCompletionDate { get; init; }

    public IReadOnlyDictionary<string, string>? BackupOptions { get; init; }

    public bool IsParent { get; init; }
}
