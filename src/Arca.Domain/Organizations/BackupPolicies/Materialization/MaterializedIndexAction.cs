namespace Arca.Domain.Organizations.BackupPolicies.Materialization;

/// <summary>Backup API <c>IndexAction</c>.</summary>
public sealed record MaterializedIndexAction(IReadOnlyList<string> ResourceTypes);
