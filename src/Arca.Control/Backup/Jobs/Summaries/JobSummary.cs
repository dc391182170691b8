namespace Arca.Control.Backup.Jobs.Summaries;

/// <summary>
/// One row of ListBackupJobSummaries, ListCopyJobSummaries or ListRestoreJobSummaries: how many jobs of
/// <see cref="AccountId"/> in <see cref="Region"/> with <see cref="State"/>, <see cref="ResourceType"/> and
/// <see cref="MessageCategory"/> were created in [<see cref="StartTime"/>, <see cref="EndTime"/>). A dimension summed
/// with <c>AGGREGATE_ALL</c> carries that word instead of a value.
/// </summary>
public sealed record JobSummary(
    string Region,
    string AccountId,
    string State,
    string ResourceType,
    string? MessageCategory,
    int Count,
    DateTimeOffset StartTime,
    DateTimeOffset EndTime);
