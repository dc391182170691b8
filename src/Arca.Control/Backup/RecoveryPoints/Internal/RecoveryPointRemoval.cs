using Arca.Control.Backup.Vaults;
using Arca.Control.Backup.Vaults.Internal;
using Arca.Control.Regions;
using Arca.Storage.Format;
using Arca.Storage.Repository;
using EngineRecoveryPoints = Arca.Storage.Maintenance.RecoveryPoints;

namespace Arca.Control.Backup.RecoveryPoints.Internal;

/// <summary>
/// Deleting a recovery point, crash-safe by ordering: the entry becomes DELETING, then the engine manifest goes (ordering
/// invariant 5 of vault-format.md), then the entry. A garbage collection of this process is waited for
/// (<see cref="BackupVaults.MaintenanceGate"/>); a crash, or an engine another process holds exclusively, leaves a DELETING
/// entry, which the lifecycle sweeper finishes; a manifest whose entry is DELETING is never re-cataloged.
/// The data stays until the vault's garbage collection (the vault is marked for it).
/// </summary>
internal sealed class RecoveryPointRemoval(BackupVaults vaults)
{
    /// <summary>True when the recovery point is gone; false when the engine was busy and the entry stays DELETING.</summary>
    /// <exception cref="Kms.KmsKeyUnavailableException">The vault's key cannot be used (the entry is left as it was).</exception>
    public async Task<bool> RemoveAsync(Region region, VaultDocument vault, RecoveryPointDocument entry, CancellationToken cancellationToken)
    {
        Vault engine = await vaults.EngineAsync(region, vault, cancellationToken).ConfigureAwait(false);
        if (entry.RecoveryPoint.Status != RecoveryPointCatalog.Deleting)
        {
            RecoveryPointDocument? deleting = await RecoveryPointCatalog.UpdateAsync(
                region, entry, rp => rp with { Status = RecoveryPointCatalog.Deleting, StatusMessage = null }, cancellationToken).ConfigureAwait(false);
            if (deleting is null)
            {
                return true;
            }

            entry = deleting;
        }

        SemaphoreSlim gate = vaults.MaintenanceGate(region, vault);
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            BlobId id = BlobId.Parse(entry.RecoveryPoint.EngineRecoveryPointId);
            if (await ExistsAsync(engine, id, cancellationToken).ConfigureAwait(false))
            {
                try
                {
                    await EngineRecoveryPoints.DeleteAsync(engine, id, cancellationToken).ConfigureAwait(false);
                }
                catch (VaultException)
                {
                    if (await ExistsAsync(engine, id, cancellationToken).ConfigureAwait(false))
                    {
                        return false; // locked by another process's garbage collection: the sweeper finishes it
                    }
                }
            }

            await RecoveryPointCatalog.RemoveAsync(region, entry).ConfigureAwait(false);
            return true;
        }
        finally
        {
            gate.Release();
        }
    }

    private static async Task<bool> ExistsAsync(Vault engine, BlobId id, CancellationToken cancellationToken) =>
        await engine.Store.GetSizeAsync(FormatIds.RecoveryPointKey(id), cancellationToken).ConfigureAwait(false) is not null;
}
