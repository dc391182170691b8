using Arca.Control.Backup.RecoveryPoints;
using Arca.Domain.Plans;

namespace Arca.Control.Backup.Copies.Internal;

/// <summary>
/// A copy job's request (<see cref="Control.Jobs.JobRecord.Spec"/> of a <c>copy-jobs</c> document, in the SOURCE region and
/// account): which recovery point goes where, with which role and retention, and the destination recovery point ARN reserved
/// for it, so a retried attempt recognises the copy an interrupted attempt committed.
/// </summary>
internal sealed record CopyJobSpec
{
    /// <summary>The source region (where the job lives).</summary>
    public required string Region { get; init; }

    public required string SourceBackupVaultName { get; init; }

    public required string SourceBackupVaultArn { get; init; }

    public required string SourceRecoveryPointArn { get; init; }

    public required string DestinationBackupVaultArn { get; init; }

    /// <summary>The ARN the copy gets in the destination vault when the job commits it.</summary>
    public required string DestinationRecoveryPointArn { get; init; }

    public required string IamRoleArn { get; init; }

    public required string ResourceArn { get; init; }

    public required string ResourceType { get; init; }

    public string? ResourceName { get; init; }

    public long BackupSizeInBytes { get; init; }

    /// <summary>The lifecycle of the copy: the request's or copy action's, else the source recovery point's.</summary>
    public Lifecycle? Lifecycle { get; init; }

    /// <summary>The plan and rule of a copy action; null on demand.</summary>
    public RecoveryPointCreator? CreatedBy { get; init; }

    /// <summary>The backup job whose rule's copy action started this copy.</summary>
    public string? CreatedByBackupJobId { get; init; }

    /// <summary>The request's fingerprint, for idempotent replays.</summary>
    public string? Fingerprint { get; init; }
}
