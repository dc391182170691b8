namespace Arca.Control.Backup.Jobs.Summaries;

/// <summary>One page of summaries, the period they cover (as AWS names it) and the token of the next page (null on the last).</summary>
public sealed record JobSummaryPage(IReadOnlyList<JobSummary> Summaries, string AggregationPeriod, string? NextToken);
