using Arca.Control.Backup.Internal;
using Arca.Control.Backup.Vaults.Internal;
using Arca.Control.Identity;
using Arca.Control.Metadata;
using Arca.Control.Regions;

namespace Arca.Control.Backup.Vaults;

/// <summary>The read side of backup vaults: DescribeBackupVault, ListBackupVaults.</summary>
public sealed partial class BackupVaultService
{
    /// <summary>The vault, with its recovery point count and lock.</summary>
    /// <param name="caller">The caller.</param>
    /// <param name="vaultName">The vault's name.</param>
    /// <param name="vaultAccountId">The optional <c>backupVaultAccountId</c>; another account is refused (standard vaults are not shared).</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public async Task<BackupVaultDetails> DescribeAsync(CallerIdentity caller, string? vaultName, string? vaultAccountId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        VaultDocument vault = await _access.AuthorizeAsync(caller, vaultName, "backup:DescribeBackupVault", vaultAccountId: vaultAccountId, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        return Details(_regions.Get(caller.Region), vault);
    }

    /// <summary>The account's vaults in the caller's region, in name order (ordinal).</summary>
    /// <param name="caller">The caller.</param>
    /// <param name="vaultType">ByVaultType: BACKUP_VAULT (all of Arca's vaults), LOGICALLY_AIR_GAPPED_BACKUP_VAULT or RESTORE_ACCESS_BACKUP_VAULT (none).</param>
    /// <param name="shared">ByShared: true lists vaults shared with the account (none: Arca does not share vaults).</param>
    /// <param name="nextToken">The previous page's token.</param>
    /// <param name="maxResults">1–1000.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public async Task<BackupPage<BackupVaultDetails>> ListAsync(
        CallerIdentity caller, string? vaultType = null, bool shared = false, string? nextToken = null, int? maxResults = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        int limit = BackupPaging.Limit(maxResults);
        if (vaultType is not (null or BackupVaultDetails.StandardVaultType or "LOGICALLY_AIR_GAPPED_BACKUP_VAULT" or "RESTORE_ACCESS_BACKUP_VAULT"))
        {
            throw BackupErrors.InvalidParameterValue(
                $"ByVaultType: '{VaultNames.Cut(vaultType)}' must be BACKUP_VAULT, LOGICALLY_AIR_GAPPED_BACKUP_VAULT or RESTORE_ACCESS_BACKUP_VAULT");
        }

        string scope = $"vaults:{caller.AccountId}:{vaultType}:{shared}";
        string? after = BackupPaging.After(_tokens, scope, nextToken);
        await _authorizer.AuthorizeAsync(caller, "backup:ListBackupVaults", null, cancellationToken: cancellationToken).ConfigureAwait(false);
        Region region = _regions.Get(caller.Region);
        if (shared || vaultType is not (null or BackupVaultDetails.StandardVaultType))
        {
            return new BackupPage<BackupVaultDetails>([], null);
        }

        IReadOnlyList<VaultDocument> vaults = await region.Store.TransactAsync(tx => VaultCollections.ReadableVaultsAsync(tx, new DocumentQuery
        {
            KeyPrefix = caller.AccountId + "/",
            I1 = caller.AccountId,
            AfterKey = after,
            Limit = limit + 1,
        }), cancellationToken).ConfigureAwait(false);
        return BackupPaging.Page(vaults, limit, _tokens, scope, VaultCollections.Vaults.KeyOf, v => Details(region, v));
    }
}
