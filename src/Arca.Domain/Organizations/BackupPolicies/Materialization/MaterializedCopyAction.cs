namespace Arca.Domain.Organizations.BackupPolicies.Materialization;

/// <summary>Backup API <c>CopyAction</c>, with <c>$account</c> substituted.</summary>
public sealed record MaterializedCopyAction(string DestinationBackupVaultArn, MaterializedLifecycle? Lifecycle);
