namespace Arca.Control.Backup.Copies;

/// <summary>ListCopyJobs' filters (every one optional, as in AWS <c>ListCopyJobsInput</c>) and paging.</summary>
public sealed record CopyJobFilter
{
    public string? ByResourceArn { get; init; }

    public string? ByState { get; init; }

    public DateTimeOffset? ByCreatedBefore { get; init; }

    public DateTimeOffset? ByCreatedAfter { get; init; }

    public string? ByResourceType { get; init; }

    public string? ByDestinationVaultArn { get; init; }

    /// <summary>A 12-digit account id or <c>*</c>; who may see which accounts is <c>IJobVisibility</c>'s decision.</summary>
    public string? ByAccountId { get; init; }

    public DateTimeOffset? ByCompleteBefore { get; init; }

    public DateTimeOffset? ByCompleteAfter { get; init; }

    public string? ByParentJobId { get; init; }

    public string? ByMessageCategory { get; init; }

    public string? BySourceRecoveryPointArn { get; init; }

    public string? NextToken { get; init; }

    public int? MaxResults { get; init; }
}
