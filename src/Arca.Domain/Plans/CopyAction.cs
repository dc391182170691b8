namespace Arca.Domain.Plans;

/// <summary>
/// AWS <c>CopyAction</c>: after a successful backup, copy the recovery point to another vault (any
/// account and Region of the organization) with its own optional lifecycle. Immutable.
/// </summary>
/// <param name="DestinationBackupVaultArn">Required. <c>arn:aws:backup:&lt;region&gt;:&lt;account&gt;:backup-vault:&lt;name&gt;</c>.</param>
/// <param name="Lifecycle">Retention of the copy; null = never expire.</param>
public sealed record CopyAction(string? DestinationBackupVaultArn, Lifecycle? Lifecycle = null);
