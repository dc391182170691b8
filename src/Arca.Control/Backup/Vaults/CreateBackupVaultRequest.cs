namespace Arca.Control.Backup.Vaults;

/// <summary>CreateBackupVault's input.</summary>
/// <param name="BackupVaultName">2–50 letters, digits, hyphens and underscores.</param>
/// <param name="EncryptionKeyArn">A KMS key ARN or alias ARN of the vault's region; null for the account's <c>alias/aws/backup</c> key.</param>
/// <param name="BackupVaultTags">Tags of the vault.</param>
/// <param name="CreatorRequestId">Makes a retried request return the vault the first one created.</param>
public sealed record CreateBackupVaultRequest(
    string? BackupVaultName, string? EncryptionKeyArn = null, IReadOnlyDictionary<string, string>? BackupVaultTags = null, string? CreatorRequestId = null);
