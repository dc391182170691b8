using Arca.Control.Backup.RecoveryPoints.Internal;
using Arca.Control.Backup.Vaults.Internal;
using Arca.Control.Metadata;

namespace Arca.Control.Backup.RecoveryPoints;

/// <summary>Keeping <c>protected-resources</c> in step with the catalog, in the catalog's own transactions.</summary>
public sealed partial class RecoveryPointCatalog
{
    private static async Task ProtectAsync(IMetadataTransaction tx, RecoveryPointRecord rp)
    {
        string key = VaultCollections.ProtectedResourceKey(rp.AccountId, rp.ResourceArn);
        ProtectedResourceDocument? current = await VaultCollections.ProtectedResources.GetAsync(tx, key).ConfigureAwait(false);
        ProtectedResourceDocument updated = current is null || rp.CreationDate >= current.LastBackupTime
            ? Latest(rp, (current?.RecoveryPoints ?? 0) + 1)
            : current with { RecoveryPoints = current.RecoveryPoints + 1 };
        await VaultCollections.ProtectedResources.PutAsync(tx, updated).ConfigureAwait(false);
    }

    private static async Task UnprotectAsync(IMetadataTransaction tx, RecoveryPointRecord removed)
    {
        string key = VaultCollections.ProtectedResourceKey(removed.AccountId, removed.ResourceArn);
        if (await VaultCollections.ProtectedResources.GetAsync(tx, key).ConfigureAwait(false) is not { } current)
        {
            return;
        }

        if (current.LastRecoveryPointArn != removed.RecoveryPointArn && current.RecoveryPoints > 1)
        {
            await VaultCollections.ProtectedResources.PutAsync(tx, current with { RecoveryPoints = current.RecoveryPoints - 1 }).ConfigureAwait(false);
            return;
        }

        // The latest one went (or the count says none is left): find what remains.
        IReadOnlyList<RecoveryPointDocument> rest = await VaultCollections.RecoveryPoints.ListAsync(
            tx, new DocumentQuery { KeyPrefix = removed.AccountId + "/", I1 = removed.AccountId, I2 = removed.ResourceArn }).ConfigureAwait(false);
        if (rest.Count == 0)
        {
            await VaultCollections.ProtectedResources.DeleteAsync(tx, key).ConfigureAwait(false);
            return;
        }

        await VaultCollections.ProtectedResources.PutAsync(tx, Latest(rest.MaxBy(d => d.RecoveryPoint.CreationDate)!.RecoveryPoint, rest.Count)).ConfigureAwait(false);
    }

    private static ProtectedResourceDocument Latest(RecoveryPointRecord rp, long count) => new()
    {
        AccountId = rp.AccountId,
        ResourceArn = rp.ResourceArn,
        ResourceType = rp.ResourceType,
        ResourceName = rp.ResourceName,
        LastBackupTime = rp.CreationDate,
        LastBackupVaultArn = rp.BackupVaultArn,
        LastRecoveryPointArn = rp.RecoveryPointArn,
        RecoveryPoints = count,
    };
}
