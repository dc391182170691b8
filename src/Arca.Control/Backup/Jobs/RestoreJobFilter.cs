namespace Arca.Control.Backup.Jobs;

/// <summary>ListRestoreJobs' (and ListRestoreJobsByProtectedResource's) filters and paging.</summary>
public sealed record RestoreJobFilter
{
    public string? ByAccountId { get; init; }

    public string? ByResourceType { get; init; }

    public DateTimeOffset? ByCreatedBefore { get; init; }

    public DateTimeOffset? ByCreatedAfter { get; init; }

    public string? ByStatus { get; init; }

    public DateTimeOffset? ByCompleteBefore { get; init; }

    public DateTimeOffset? ByCompleteAfter { get; init; }

    public string? ByParentJobId { get; init; }

    public string? ByRestoreTestingPlanArn { get; init; }

    /// <summary>ListRestoreJobsByProtectedResource: the recovery point's source resource.</summary>
    public string? BySourceResourceArn { get; init; }

    public DateTimeOffset? ByRecoveryPointCreationDateAfter { get; init; }

    public DateTimeOffset? ByRecoveryPointCreationDateBefore { get; init; }

    public string? NextToken { get; init; }

    public int? MaxResults { get; init; }
}
