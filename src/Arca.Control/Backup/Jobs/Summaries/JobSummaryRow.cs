namespace Arca.Control.Backup.Jobs.Summaries;

/// <summary>
/// What the summaries count of one job, whatever its kind (backup, copy, restore): the owning account, the region it ran
/// in, its state, the resource type, its message category (null while it has none, and for restores) and when it was created.
/// </summary>
public sealed record JobSummaryRow(string AccountId, string Region, string State, string ResourceType, string? MessageCategory, DateTimeOffset CreationDate);
