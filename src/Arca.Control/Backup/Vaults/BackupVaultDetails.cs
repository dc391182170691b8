namespace Arca.Control.Backup.Vaults;

/// <summary>What DescribeBackupVault and ListBackupVaults say about a backup vault.</summary>
public sealed record BackupVaultDetails
{
    /// <summary>VaultType of every vault Arca has.</summary>
    public const string StandardVaultType = "BACKUP_VAULT";

    /// <summary>VaultState of every vault Arca shows (a vault being created is not visible yet).</summary>
    public const string AvailableState = "AVAILABLE";

    /// <summary>EncryptionKeyType of a vault under a customer managed key.</summary>
    public const string CustomerManagedKey = "CUSTOMER_MANAGED_KMS_KEY";

    /// <summary>
    /// EncryptionKeyType of a vault under the account's <c>alias/aws/backup</c> key. The model has no value for AWS-managed keys
    /// (only AWS-owned and customer managed); Arca reports AWS_OWNED_KMS_KEY for them (docs/design/backup-service.md §2).
    /// </summary>
    public const string AwsOwnedKey = "AWS_OWNED_KMS_KEY";

    public required string AccountId { get; init; }

    public required string Region { get; init; }

    public required string BackupVaultName { get; init; }

    public required string BackupVaultArn { get; init; }

    public required string EncryptionKeyArn { get; init; }

    /// <summary><see cref="CustomerManagedKey"/> or <see cref="AwsOwnedKey"/>.</summary>
    public required string EncryptionKeyType { get; init; }

    public required DateTimeOffset CreationDate { get; init; }

    public string? CreatorRequestId { get; init; }

    public long NumberOfRecoveryPoints { get; init; }

    /// <summary>The vault lock, or null when the vault is not locked.</summary>
    public VaultLockSettings? Lock { get; init; }

    /// <summary>True while a vault lock is configured (it protects the recovery points from deletion and shorter lifecycles).</summary>
    public bool Locked => Lock is not null;
}
