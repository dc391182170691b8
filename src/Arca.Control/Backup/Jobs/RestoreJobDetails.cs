namespace Arca.Control.Backup.Jobs;

/// <summary>A restore job as DescribeRestoreJob and ListRestoreJobs show it (AWS <c>RestoreJobsListMember</c>).</summary>
public sealed record RestoreJobDetails
{
    public required string AccountId { get; init; }

    public required string RestoreJobId { get; init; }

    public required string RecoveryPointArn { get; init; }

    public required string SourceResourceArn { get; init; }

    public required string BackupVaultArn { get; init; }

    public required DateTimeOffset CreationDate { get; init; }

    public DateTimeOffset? CompletionDate { get; init; }

    /// <summary>PENDING, RUNNING, COMPLETED, ABORTED or FAILED.</summary>
    public required string Status { get; init; }

    public string? StatusMessage { get; init; }

    public required double PercentDone { get; init; }

    public long BackupSizeInBytes { get; init; }

    public string? IamRoleArn { get; init; }

    public string? CreatedResourceArn { get; init; }

    public required string ResourceType { get; init; }

    public required DateTimeOffset RecoveryPointCreationDate { get; init; }

    public bool IsParent { get; init; }
}
