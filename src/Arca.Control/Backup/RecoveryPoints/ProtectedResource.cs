namespace Arca.Control.Backup.RecoveryPoints;

/// <summary>AWS <c>ProtectedResource</c>: a resource with at least one recovery point in the region, and its latest one.</summary>
public sealed record ProtectedResource(
    string ResourceArn,
    string ResourceType,
    string? ResourceName,
    DateTimeOffset LastBackupTime,
    string LastBackupVaultArn,
    string LastRecoveryPointArn);
