namespace Arca.Control.Backup.Jobs.Summaries;

/// <summary>The input of ListBackupJobSummaries, ListCopyJobSummaries and ListRestoreJobSummaries, as sent (validated by the service).</summary>
public sealed record JobSummaryRequest
{
    /// <summary>A 12-digit account id, <c>ANY</c> (or <c>*</c>) or <c>AGGREGATE_ALL</c>; absent means the caller's own account.</summary>
    public string? AccountId { get; init; }

    public string? State { get; init; }

    public string? ResourceType { get; init; }

    /// <summary>Not part of ListRestoreJobSummaries.</summary>
    public string? MessageCategory { get; init; }

    /// <summary><c>ONE_DAY</c> (Arca's default), <c>SEVEN_DAYS</c> or <c>FOURTEEN_DAYS</c>.</summary>
    public string? AggregationPeriod { get; init; }

    public int? MaxResults { get; init; }

    public string? NextToken { get; init; }
}
