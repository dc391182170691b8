namespace Arca.Control.Backup.Vaults;

/// <summary>
/// Opens the vault-engine vault behind a backup vault, as the backup service acting for the vault's
/// account (docs/design/backup-service.md §2). The seam between vault management and the job runners.
/// </summary>
/// <remarks>
/// Thread-safe. Call outside any metadata transaction (it reads the store and uses KMS). Errors are
/// <see cref="Errors.AwsServiceException"/>s: ResourceNotFoundException for an unknown vault, and the KMS
/// errors of the vault's key (disabled, pending deletion, denied) with AWS Backup's messages.
/// </remarks>
public interface IBackupVaults
{
    /// <summary>Opens vault <paramref name="vaultName"/> of <paramref name="accountId"/> in <paramref name="region"/>.</summary>
    Task<OpenedBackupVault> OpenAsync(string accountId, string region, string vaultName, CancellationToken cancellationToken = default);

    /// <summary>Opens the vault named by its ARN (<c>arn:aws:backup:REGION:ACCOUNT:backup-vault:NAME</c>).</summary>
    Task<OpenedBackupVault> OpenByArnAsync(string vaultArn, CancellationToken cancellationToken = default);
}
