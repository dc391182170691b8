namespace Arca.Domain.Organizations.BackupPolicies.Materialization;

/// <summary>Backup API <c>Lifecycle</c>.</summary>
public sealed record MaterializedLifecycle(long? MoveToColdStorageAfterDays, long? DeleteAfterDays, bool? OptInToArchiveForSupportedResources);
