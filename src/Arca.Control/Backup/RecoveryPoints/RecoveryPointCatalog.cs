using Arca.Control.Backup.RecoveryPoints.Internal;
using Arca.Control.Backup.Vaults.Internal;
using Arca.Control.Metadata;
using Arca.Control.Regions;
using Arca.Domain.Arns;
using Arca.Storage.Format;

namespace Arca.Control.Backup.RecoveryPoints;

/// <summary>
/// <see cref="IRecoveryPointCatalog"/> on the regional store: <c>recovery-points/{account}/{vault}/{id}</c> (i1 account, i2
/// resource ARN, i3 creation date), with <c>recovery-point-ids/{account}/{id}</c> to find an entry by ARN alone, the vault's
/// NumberOfRecoveryPoints and the account's <c>protected-resources</c> kept in the same transactions.
/// </summary>
/// <remarks>
/// Thread-safe; each call is one transaction. <see cref="AddAsync"/> is idempotent for the same ARN and engine recovery
/// point (a job retried after the rebuilder found its manifest first); the same ARN with another engine recovery point fails.
/// </remarks>
public sealed partial class RecoveryPointCatalog(RegionSet regions, TimeProvider time) : IRecoveryPointCatalog
{
    /// <summary>Status of a usable recovery point.</summary>
    public const string Completed = "COMPLETED";

    /// <summary>Status of a recovery point whose deletion has started.</summary>
    public const string Deleting = "DELETING";

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">The record is inconsistent (ARN, account, region, vault ARN or engine id).</exception>
    /// <exception cref="Errors.AwsServiceException">ResourceNotFoundException when the vault does not exist; AlreadyExistsException
    /// when the ARN is cataloged for another engine recovery point.</exception>
    public async Task AddAsync(RecoveryPointRecord recoveryPoint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recoveryPoint);
        string id = Check(recoveryPoint);
        Region region = regions.Get(recoveryPoint.Region);
        var document = new RecoveryPointDocument { Id = id, RecoveryPoint = recoveryPoint, CatalogedAt = time.GetUtcNow() };
        await region.Store.TransactAsync(async tx =>
        {
            VaultDocument vault = await VaultCollections.Vaults.GetAsync(tx, VaultCollections.VaultKey(recoveryPoint.AccountId, recoveryPoint.BackupVaultName)).ConfigureAwait(false)
                ?? throw VaultErrors.VaultNotFound(recoveryPoint.AccountId, region.Name, recoveryPoint.BackupVaultName);
            if (await VaultCollections.RecoveryPointIds.GetAsync(tx, $"{recoveryPoint.AccountId}/{id}").ConfigureAwait(false) is { } known)
            {
                RecoveryPointDocument? existing = await VaultCollections.RecoveryPoints.GetAsync(
                    tx, VaultCollections.RecoveryPointKey(recoveryPoint.AccountId, known.BackupVaultName, id)).ConfigureAwait(false);
                return existing?.RecoveryPoint.EngineRecoveryPointId == recoveryPoint.EngineRecoveryPointId && known.BackupVaultName == recoveryPoint.BackupVaultName
                    ? false
                    : throw BackupErrors.AlreadyExists($"Recovery point {recoveryPoint.RecoveryPointArn} is already cataloged in backup vault {known.BackupVaultName}");
            }

            await VaultCollections.RecoveryPoints.InsertAsync(tx, document).ConfigureAwait(false);
            await VaultCollections.RecoveryPointIds.InsertAsync(tx, new RecoveryPointIdDocument(recoveryPoint.AccountId, id, recoveryPoint.BackupVaultName)).ConfigureAwait(false);
            await VaultCollections.Vaults.PutAsync(tx, vault with { NumberOfRecoveryPoints = vault.NumberOfRecoveryPoints + 1 }).ConfigureAwait(false);
            await ProtectAsync(tx, recoveryPoint).ConfigureAwait(false);
            return true;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<RecoveryPointRecord?> GetAsync(string region, string accountId, string vaultName, string recoveryPointArn, CancellationToken cancellationToken = default) =>
        (await GetDocumentAsync(regions.Get(region), accountId, vaultName, recoveryPointArn, cancellationToken).ConfigureAwait(false))?.RecoveryPoint;

    /// <inheritdoc/>
    public async Task<RecoveryPointRecord?> FindAsync(string region, string recoveryPointArn, CancellationToken cancellationToken = default)
    {
        if (!RecoveryPointArns.TryParse(recoveryPointArn, out Arn? arn) || arn.Region != region)
        {
            return null;
        }

        return await regions.Get(region).Store.TransactAsync(async tx =>
        {
            RecoveryPointIdDocument? known = await VaultCollections.RecoveryPointIds.GetAsync(tx, $"{arn.Account}/{arn.ResourceId}").ConfigureAwait(false);
            return known is null ? null
                : (await VaultCollections.RecoveryPoints.GetAsync(tx, VaultCollections.RecoveryPointKey(arn.Account, known.BackupVaultName, arn.ResourceId)).ConfigureAwait(false))?.RecoveryPoint;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The catalog entry of <paramref name="recoveryPointArn"/> in the vault, or null (also for an ARN of another account or region).</summary>
    internal static async Task<RecoveryPointDocument?> GetDocumentAsync(
        Region region, string accountId, string vaultName, string recoveryPointArn, CancellationToken cancellationToken)
    {
        if (!RecoveryPointArns.TryParse(recoveryPointArn, out Arn? arn) || arn.Account != accountId || arn.Region != region.Name)
        {
            return null;
        }

        return await region.Store.TransactAsync(
            tx => VaultCollections.RecoveryPoints.GetAsync(tx, VaultCollections.RecoveryPointKey(accountId, vaultName, arn.ResourceId)), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Changes an entry (re-read in the transaction); null when it is gone.</summary>
    internal static Task<RecoveryPointDocument?> UpdateAsync(
        Region region, RecoveryPointDocument entry, Func<RecoveryPointRecord, RecoveryPointRecord> change, CancellationToken cancellationToken) =>
        region.Store.TransactAsync(async tx =>
        {
            RecoveryPointDocument? current = await VaultCollections.RecoveryPoints.GetAsync(tx, VaultCollections.RecoveryPoints.KeyOf(entry)).ConfigureAwait(false);
            if (current is null)
            {
                return null;
            }

            RecoveryPointDocument updated = current with { RecoveryPoint = change(current.RecoveryPoint) };
            await VaultCollections.RecoveryPoints.PutAsync(tx, updated).ConfigureAwait(false);
            return updated;
        }, cancellationToken);

    /// <summary>
    /// Removes an entry whose engine recovery point is gone: its id record, one from the vault's count (and marks the vault
    /// for garbage collection), and the resource's protected-resource record. False when it was removed already.
    /// </summary>
    internal static Task<bool> RemoveAsync(Region region, RecoveryPointDocument entry) =>
        region.Store.TransactAsync(async tx =>
        {
            RecoveryPointRecord rp = entry.RecoveryPoint;
            if (!await VaultCollections.RecoveryPoints.DeleteAsync(tx, VaultCollections.RecoveryPoints.KeyOf(entry)).ConfigureAwait(false))
            {
                return false;
            }

            await VaultCollections.RecoveryPointIds.DeleteAsync(tx, $"{rp.AccountId}/{entry.Id}").ConfigureAwait(false);
            if (await VaultCollections.Vaults.GetAsync(tx, VaultCollections.VaultKey(rp.AccountId, rp.BackupVaultName)).ConfigureAwait(false) is { } vault)
            {
                await VaultCollections.Vaults.PutAsync(tx, vault with { NumberOfRecoveryPoints = Math.Max(0, vault.NumberOfRecoveryPoints - 1), GcPending = true })
                    .ConfigureAwait(false);
            }

            await UnprotectAsync(tx, rp).ConfigureAwait(false);
            return true;
        }, CancellationToken.None);

    /// <summary>A page of a vault's entries in key order.</summary>
    internal static Task<IReadOnlyList<RecoveryPointDocument>> ListVaultAsync(Region region, string accountId, string vaultName, string? afterKey, int limit, CancellationToken cancellationToken) =>
        region.Store.TransactAsync(
            tx => VaultCollections.RecoveryPoints.ListAsync(tx, new DocumentQuery
            {
                KeyPrefix = VaultCollections.RecoveryPointPrefix(accountId, vaultName),
                I1 = accountId,
                AfterKey = afterKey,
                Limit = limit,
            }),
            cancellationToken);

    private static string Check(RecoveryPointRecord rp)
    {
        if (!RecoveryPointArns.TryParse(rp.RecoveryPointArn, out Arn? arn) || arn.Account != rp.AccountId || arn.Region != rp.Region)
        {
            throw new ArgumentException($"'{rp.RecoveryPointArn}' is not a recovery point ARN of account {rp.AccountId} in {rp.Region}", nameof(rp));
        }

        if (rp.BackupVaultArn != Arn.BackupVault(rp.Region, rp.AccountId, rp.BackupVaultName).ToString())
        {
            throw new ArgumentException($"BackupVaultArn '{rp.BackupVaultArn}' does not name vault {rp.BackupVaultName} of account {rp.AccountId} in {rp.Region}", nameof(rp));
        }

        return BlobId.TryParse(rp.EngineRecoveryPointId, out _)
            ? arn.ResourceId
            : throw new ArgumentException($"EngineRecoveryPointId '{rp.EngineRecoveryPointId}' is not an engine recovery point id (64 hex digits)", nameof(rp));
    }
}
