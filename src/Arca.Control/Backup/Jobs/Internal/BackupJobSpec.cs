using Arca.Control.Backup.RecoveryPoints;
using Arca.Domain.Plans;

namespace Arca.Control.Backup.Jobs.Internal;

/// <summary>
/// A backup job's request (<see cref="Control.Jobs.JobRecord.Spec"/> of a <c>backup-jobs</c> document): what to back
/// up, where, with which retention, and the recovery point ARN reserved for it, so a retried attempt recognises the
/// recovery point an interrupted attempt committed.
/// </summary>
internal sealed record BackupJobSpec
{
    public required string Region { get; init; }

    public required string BackupVaultName { get; init; }

    public required string BackupVaultArn { get; init; }

    public required string ResourceArn { get; init; }

    public required string ResourceType { get; init; }

    public string? ResourceName { get; init; }

    public required string IamRoleArn { get; init; }

    /// <summary>The ARN the recovery point gets when the job commits one.</summary>
    public required string RecoveryPointArn { get; init; }

    public Lifecycle? Lifecycle { get; init; }

    public IReadOnlyDictionary<string, string> RecoveryPointTags { get; init; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string>? BackupOptions { get; init; }

    /// <summary>The plan and rule of a scheduled job; null on demand.</summary>
    public RecoveryPointCreator? CreatedBy { get; init; }

    /// <summary>A scheduled job's fingerprint of the request, for idempotent on-demand replays.</summary>
    public string? Fingerprint { get; init; }
}
