namespace Arca.Control.Backup.RecoveryPoints.Internal;

/// <summary><c>recovery-point-ids/{account}/{id}</c>: the vault that holds a recovery point, for lookups by ARN alone.</summary>
internal sealed record RecoveryPointIdDocument(string AccountId, string Id, string BackupVaultName);
