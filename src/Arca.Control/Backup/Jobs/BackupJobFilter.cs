namespace Arca.Control.Backup.Jobs;

/// <summary>ListBackupJobs' filters (every one optional) and paging.</summary>
public sealed record BackupJobFilter
{
    public string? ByResourceArn { get; init; }

    public string? ByState { get; init; }

    public string? ByBackupVaultName { get; init; }

    public DateTimeOffset? ByCreatedBefore { get; init; }

    public DateTimeOffset? ByCreatedAfter { get; init; }

    public string? ByResourceType { get; init; }

    /// <summary>A 12-digit account id or <c>*</c>; who may see which accounts is <see cref="IJobVisibility"/>'s decision.</summary>
    public string? ByAccountId { get; init; }

    public DateTimeOffset? ByCompleteBefore { get; init; }

    public DateTimeOffset? ByCompleteAfter { get; init; }

    public string? ByParentJobId { get; init; }

    public string? ByMessageCategory { get; init; }

    public string? NextToken { get; init; }

    public int? MaxResults { get; init; }
}
