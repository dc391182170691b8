namespace Arca.Control.Backup;

/// <summary>One page of a Backup listing; <see cref="NextToken"/> is null on the last page.</summary>
public sealed record BackupPage<T>(IReadOnlyList<T> Items, string? NextToken);
