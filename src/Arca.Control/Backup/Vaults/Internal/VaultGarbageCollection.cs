using Arca.Control.Regions;
using Arca.Storage.Maintenance;
using Arca.Storage.Repository;

namespace Arca.Control.Backup.Vaults.Internal;

/// <summary>
/// Runs the engine's garbage collection for a vault marked <see cref="VaultDocument.GcPending"/>. It takes the engine's
/// exclusive lock, so it never races a backup, copy, restore or delete (they hold shared locks): when one runs, the collection
/// fails at once and stays pending for the next sweep.
/// </summary>
internal sealed class VaultGarbageCollection(BackupVaults vaults)
{
    /// <summary>The report, or null when the vault was busy (the mark stays).</summary>
    public async Task<GcReport?> CollectAsync(Region region, VaultDocument vault, CancellationToken cancellationToken)
    {
        Vault engine = await vaults.EngineAsync(region, vault, cancellationToken).ConfigureAwait(false);
        GcReport report;
        SemaphoreSlim gate = vaults.MaintenanceGate(region, vault);
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            report = await GarbageCollector.RunAsync(engine, new GcOptions(), cancellationToken).ConfigureAwait(false);
        }
        catch (VaultException)
        {
            return null; // a shared lock is held: a job is running
        }
        finally
        {
            gate.Release();
        }

        await region.Store.TransactAsync(async tx =>
        {
            if (await VaultCollections.Vaults.GetAsync(tx, VaultCollections.VaultKey(vault.AccountId, vault.BackupVaultName)).ConfigureAwait(false) is { } current
                && current.EngineId == vault.EngineId && current.GcPending)
            {
                await VaultCollections.Vaults.PutAsync(tx, current with { GcPending = false }).ConfigureAwait(false);
            }

            return true;
        }, CancellationToken.None).ConfigureAwait(false);
        return report;
    }
}
