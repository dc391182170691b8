using Arca.Control.Backup.RecoveryPoints;
using Arca.Domain.Plans;

namespace Arca.Control.Backup.Copies;

/// <summary>A copy job as DescribeCopyJob and ListCopyJobs show it (AWS <c>CopyJob</c>), plus what actually moved.</summary>
public sealed record CopyJobDetails
{
    /// <summary>The source account, which the job belongs to (as on AWS).</summary>
    public required string AccountId { get; init; }

    public required string CopyJobId { get; init; }

    public required string SourceBackupVaultArn { get; init; }

    public required string SourceRecoveryPointArn { get; init; }

    public required string DestinationBackupVaultArn { get; init; }

    /// <summary>Always <c>BACKUP_VAULT</c>.</summary>
    public string DestinationVaultType { get; init; } = "BACKUP_VAULT";

    public string? DestinationVaultLockState { get; init; }

    /// <summary>Set once the copy is committed.</summary>
    public string? DestinationRecoveryPointArn { get; init; }

    public string? DestinationEncryptionKeyArn { get; init; }

    public Lifecycle? DestinationRecoveryPointLifecycle { get; init; }

    public required string ResourceArn { get; init; }

    public required string ResourceType { get; init; }

    public string? ResourceName { get; init; }

    public required DateTimeOffset CreationDate { get; init; }

    public DateTimeOffset? CompletionDate { get; init; }

    public required string State { get; init; }

    public string? StatusMessage { get; init; }

    public string? MessageCategory { get; init; }

    public long BackupSizeInBytes { get; init; }

    /// <summary>Stored bytes written into the destination vault (only the chunks it lacked); not in AWS's CopyJob shape.</summary>
    public long BytesTransferred { get; init; }

    public required string IamRoleArn { get; init; }

    public RecoveryPointCreator? CreatedBy { get; init; }

    public string? CreatedByBackupJobId { get; init; }

    public bool IsParent { get; init; }
}
