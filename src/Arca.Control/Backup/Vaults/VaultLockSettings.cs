namespace Arca.Control.Backup.Vaults;

/// <summary>A vault lock (PutBackupVaultLockConfiguration): retention bounds and when the lock became immutable.</summary>
public sealed record VaultLockSettings(long? MinRetentionDays, long? MaxRetentionDays, DateTimeOffset? LockDate);
