namespace Arca.Control.Backup.Jobs;

/// <summary>GetRecoveryPointRestoreMetadata's output: the metadata the resource type suggests for restoring the recovery point.</summary>
public sealed record RecoveryPointRestoreMetadata(
    string BackupVaultArn, string RecoveryPointArn, string ResourceType, IReadOnlyDictionary<string, string> RestoreMetadata);
