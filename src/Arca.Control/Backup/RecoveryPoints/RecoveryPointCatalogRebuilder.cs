using Arca.Control.Backup.RecoveryPoints.Internal;
using Arca.Control.Backup.Vaults;
using Arca.Control.Backup.Vaults.Internal;
using Arca.Control.Metadata;
using Arca.Control.Regions;
using Arca.Storage.Blobs;
using Arca.Storage.Format;
using Arca.Storage.Repository;
using Microsoft.Extensions.Logging;

namespace Arca.Control.Backup.RecoveryPoints;

/// <summary>
/// Rebuilds a vault's missing catalog entries from its engine manifests (docs/design/backup-service.md §3): a job that crashed
/// between the engine's commit and the catalog write left a manifest whose tags (<see cref="RecoveryPointManifestTags"/>) say
/// everything the entry holds. Manifests without a recovery point ARN (not made by a Backup job) are left alone; entries that
/// exist (DELETING ones included) are never touched.
/// </summary>
/// <remarks>
/// Thread-safe. <see cref="RebuildRegionAsync"/> runs at start-up: it counts each vault's manifests by listing its
/// <c>recovery-points/</c> directory (no key needed) and opens only vaults with more manifests than entries.
/// Entries rebuilt carry the lifecycle written at backup time (a later UpdateRecoveryPointLifecycle lived only in the catalog).
/// </remarks>
public sealed class RecoveryPointCatalogRebuilder(RegionSet regions, BackupVaults vaults, RecoveryPointCatalog catalog, ILogger<RecoveryPointCatalogRebuilder> logger)
{
    /// <summary>Adds the entries missing for vault <paramref name="vaultName"/>; returns how many.</summary>
    public async Task<int> RebuildAsync(string region, string accountId, string vaultName, CancellationToken cancellationToken = default)
    {
        Region served = regions.Get(region);
        VaultDocument vault = await served.Store.TransactAsync(
            tx => VaultCollections.Vaults.GetAsync(tx, VaultCollections.VaultKey(accountId, vaultName)), cancellationToken).ConfigureAwait(false)
            ?? throw VaultErrors.VaultNotFound(accountId, region, vaultName);
        return await RebuildAsync(served, vault, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Rebuilds every vault of the region that has more manifests than entries; returns how many entries were added.</summary>
    public async Task<int> RebuildRegionAsync(string region, CancellationToken cancellationToken = default)
    {
        Region served = regions.Get(region);
        IReadOnlyList<VaultDocument> all = await served.Store.TransactAsync(
            tx => VaultCollections.ReadableVaultsAsync(tx, DocumentQuery.All), cancellationToken).ConfigureAwait(false);
        int added = 0;
        foreach (VaultDocument vault in all)
        {
            try
            {
                if (await ManifestCountAsync(served, vault, cancellationToken).ConfigureAwait(false) > await EntryCountAsync(served, vault, cancellationToken).ConfigureAwait(false))
                {
                    added += await RebuildAsync(served, vault, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "rebuilding the catalog of backup vault {VaultArn} failed", vault.BackupVaultArn);
            }
        }

        return added;
    }

    private async Task<int> RebuildAsync(Region region, VaultDocument vault, CancellationToken cancellationToken)
    {
        Vault engine = await vaults.EngineAsync(region, vault, cancellationToken).ConfigureAwait(false);
        var known = new HashSet<string>(StringComparer.Ordinal);
        string? after = null;
        while (true)
        {
            IReadOnlyList<RecoveryPointDocument> page = await RecoveryPointCatalog.ListVaultAsync(region, vault.AccountId, vault.BackupVaultName, after, 500, cancellationToken)
                .ConfigureAwait(false);
            known.UnionWith(page.Select(d => d.RecoveryPoint.EngineRecoveryPointId));
            if (page.Count < 500)
            {
                break;
            }

            after = VaultCollections.RecoveryPoints.KeyOf(page[^1]);
        }

        int added = 0;
        foreach (BlobId id in await engine.Reader.ListRecoveryPointIdsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (known.Contains(id.ToString()))
            {
                continue;
            }

            Manifest manifest = await engine.Reader.LoadManifestAsync(id, cancellationToken).ConfigureAwait(false);
            if (RecoveryPointManifestTags.Read(id, manifest, region.Name, vault.AccountId, vault.BackupVaultName, vault.BackupVaultArn, vault.EncryptionKeyArn) is not { } record
                || await catalog.FindAsync(region.Name, record.RecoveryPointArn, cancellationToken).ConfigureAwait(false) is not null)
            {
                continue;
            }

            await catalog.AddAsync(record, cancellationToken).ConfigureAwait(false);
            logger.LogInformation("recovery point {RecoveryPointArn} was missing from the catalog of {VaultArn}; rebuilt from its manifest", record.RecoveryPointArn, vault.BackupVaultArn);
            added++;
        }

        return added;
    }

    private static async Task<int> ManifestCountAsync(Region region, VaultDocument vault, CancellationToken cancellationToken)
    {
        string path = VaultEngineDirectories.PathOf(region, vault.AccountId, vault.EngineId);
        if (!Directory.Exists(path))
        {
            return 0;
        }

        int count = 0;
        await foreach (BlobInfo _ in new LocalBlobStore(path).ListAsync(FormatIds.RecoveryPointsPrefix, cancellationToken).ConfigureAwait(false))
        {
            count++;
        }

        return count;
    }

    private static Task<int> EntryCountAsync(Region region, VaultDocument vault, CancellationToken cancellationToken) =>
        region.Store.TransactAsync(
            async tx => (await tx.ListAsync(
                VaultCollections.RecoveryPoints.Name,
                new DocumentQuery { KeyPrefix = VaultCollections.RecoveryPointPrefix(vault.AccountId, vault.BackupVaultName) }).ConfigureAwait(false)).Count,
            cancellationToken);
}
