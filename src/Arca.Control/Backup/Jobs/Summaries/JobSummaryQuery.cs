namespace Arca.Control.Backup.Jobs.Summaries;

/// <summary>What a summary counts and how (every dimension's <see cref="JobSummarySelector"/>) over which period.</summary>
public sealed record JobSummaryQuery
{
    public JobSummaryPeriod Period { get; init; } = JobSummaryPeriod.OneDay;

    public JobSummarySelector Account { get; init; } = JobSummarySelector.Split;

    public JobSummarySelector State { get; init; } = JobSummarySelector.Split;

    public JobSummarySelector ResourceType { get; init; } = JobSummarySelector.Split;

    /// <summary>Ignored (and rows carry no category) when <see cref="HasMessageCategory"/> is false (restore jobs).</summary>
    public JobSummarySelector MessageCategory { get; init; } = JobSummarySelector.Split;

    public bool HasMessageCategory { get; init; } = true;
}
