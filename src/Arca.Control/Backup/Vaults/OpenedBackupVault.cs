using Arca.Storage.Repository;

namespace Arca.Control.Backup.Vaults;

/// <summary>An open backup vault: who and where it is, its key, its lock, and the engine vault (writable).</summary>
public sealed record OpenedBackupVault(
    string AccountId,
    string Region,
    string Name,
    string Arn,
    string EncryptionKeyArn,
    VaultLockSettings? Lock,
    Vault Vault);
