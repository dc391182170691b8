namespace Arca.Control.Backup.Vaults.Internal;

/// <summary>
/// <c>vaults/{account}/{name}</c> (i1 = account): a backup vault (docs/design/backup-service.md §2). Written only after its
/// engine vault exists, so a document always names a complete engine vault.
/// </summary>
internal sealed record VaultDocument
{
    public required string AccountId { get; init; }

    public required string BackupVaultName { get; init; }

    public required string BackupVaultArn { get; init; }

    /// <summary>The KMS key ARN (never an alias) that wraps the engine vault's master key.</summary>
    public required string EncryptionKeyArn { get; init; }

    /// <summary><c>AWS_OWNED_KMS_KEY</c> for the account's <c>alias/aws/backup</c> key, <c>CUSTOMER_MANAGED_KMS_KEY</c> otherwise.</summary>
    public required string EncryptionKeyType { get; init; }

    /// <summary>The engine vault's directory name under <c>regions/REGION/vaults/ACCOUNT/</c>.</summary>
    public required string EngineId { get; init; }

    public string? CreatorRequestId { get; init; }

    public required DateTimeOffset CreationDate { get; init; }

    /// <summary>The vault access policy as the client sent it, or null.</summary>
    public string? AccessPolicy { get; init; }

    public VaultLockDocument? Lock { get; init; }

    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    /// <summary>Catalog entries of the vault, kept in the transactions that add and remove them.</summary>
    public long NumberOfRecoveryPoints { get; init; }

    /// <summary>Set when a recovery point was deleted and the engine's garbage collection has not run since.</summary>
    public bool GcPending { get; init; }
}
