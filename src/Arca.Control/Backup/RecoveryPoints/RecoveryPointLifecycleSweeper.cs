using Arca.Control.Backup.RecoveryPoints.Internal;
using Arca.Control.Backup.Vaults;
using Arca.Control.Backup.Vaults.Internal;
using Arca.Control.Metadata;
using Arca.Control.Regions;
using Arca.Domain.Plans;
using Microsoft.Extensions.Logging;

namespace Arca.Control.Backup.RecoveryPoints;

/// <summary>
/// The lifecycle sweeper (docs/design/backup-service.md §3): for every recovery point of every vault of a region it applies
/// <see cref="RecoveryPointLifecycle.Decide"/> at the injected clock's now — moving to cold storage is a catalog change (WARM →
/// COLD), deleting is the engine delete and the catalog removal — finishes deletions left DELETING, then runs the garbage
/// collection of vaults that lost recovery points. A vault lock's MinRetentionDays keeps recovery points cataloged after the
/// lock was first applied until their creation date plus MinRetentionDays (AWS: points stored before the lock are not bound).
/// </summary>
/// <remarks>
/// Thread-safe, but meant to run from one loop (the server's hosted service). A vault that fails (its key disabled, its storage
/// unreadable) is logged and skipped; the others proceed. Every type of Arca resource supports cold storage (a catalog state).
/// </remarks>
public sealed class RecoveryPointLifecycleSweeper(RegionSet regions, BackupVaults vaults, TimeProvider time, ILogger<RecoveryPointLifecycleSweeper> logger)
{
    private const int Batch = 200;
    private readonly RecoveryPointRemoval _removal = new(vaults);
    private readonly VaultGarbageCollection _gc = new(vaults);
    private TaskCompletionSource _swept = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the next <see cref="SweepAllAsync"/> finishes (for callers that wait for the background loop).</summary>
    public Task NextSweep => Volatile.Read(ref _swept).Task;

    /// <summary>Sweeps every served region.</summary>
    public async Task<LifecycleSweepReport> SweepAllAsync(CancellationToken cancellationToken = default)
    {
        var report = new LifecycleSweepReport();
        foreach (string region in regions.Names)
        {
            report = report.Add(await SweepAsync(region, cancellationToken).ConfigureAwait(false));
        }

        Interlocked.Exchange(ref _swept, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        return report;
    }

    /// <summary>Sweeps one region.</summary>
    public async Task<LifecycleSweepReport> SweepAsync(string region, CancellationToken cancellationToken = default)
    {
        Region served = regions.Get(region);
        IReadOnlyList<VaultDocument> all = await served.Store.TransactAsync(
            tx => VaultCollections.ReadableVaultsAsync(tx, DocumentQuery.All), cancellationToken).ConfigureAwait(false);
        var report = new LifecycleSweepReport();
        foreach (VaultDocument vault in all)
        {
            try
            {
                report = report.Add(await SweepVaultAsync(served, vault, cancellationToken).ConfigureAwait(false));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "lifecycle sweep of backup vault {VaultArn} failed; retrying at the next sweep", vault.BackupVaultArn);
                report = report.Add(new LifecycleSweepReport(Failures: 1));
            }
        }

        return report;
    }

    private async Task<LifecycleSweepReport> SweepVaultAsync(Region region, VaultDocument vault, CancellationToken cancellationToken)
    {
        int moved = 0, deleted = 0, deferred = 0, collected = 0;
        string? after = null;
        while (true)
        {
            IReadOnlyList<RecoveryPointDocument> page = await RecoveryPointCatalog.ListVaultAsync(region, vault.AccountId, vault.BackupVaultName, after, Batch, cancellationToken)
                .ConfigureAwait(false);
            foreach (RecoveryPointDocument entry in page)
            {
                switch (Decide(vault, entry))
                {
                    case LifecycleAction.MoveToColdStorage:
                        await RecoveryPointCatalog.UpdateAsync(region, entry, rp => rp with { StorageClass = "COLD" }, cancellationToken).ConfigureAwait(false);
                        moved++;
                        break;
                    case LifecycleAction.Delete:
                        bool gone = await _removal.RemoveAsync(region, vault, entry, cancellationToken).ConfigureAwait(false);
                        deleted += gone ? 1 : 0;
                        deferred += gone ? 0 : 1;
                        break;
                }
            }

            if (page.Count < Batch)
            {
                break;
            }

            after = VaultCollections.RecoveryPoints.KeyOf(page[^1]);
        }

        VaultDocument? current = await region.Store.TransactAsync(
            tx => VaultCollections.Vaults.GetAsync(tx, VaultCollections.VaultKey(vault.AccountId, vault.BackupVaultName)), cancellationToken).ConfigureAwait(false);
        if (current is { GcPending: true } && current.EngineId == vault.EngineId)
        {
            collected = await _gc.CollectAsync(region, current, cancellationToken).ConfigureAwait(false) is null ? 0 : 1;
        }

        return new LifecycleSweepReport(moved, deleted, deferred, collected);
    }

    /// <summary>What to do with an entry now: DELETING ones are finished; usable ones follow their lifecycle.</summary>
    private LifecycleAction Decide(VaultDocument vault, RecoveryPointDocument entry)
    {
        RecoveryPointRecord rp = entry.RecoveryPoint;
        if (rp.Status == RecoveryPointCatalog.Deleting)
        {
            return LifecycleAction.Delete;
        }

        if (rp.Status is not (RecoveryPointCatalog.Completed or "PARTIAL" or "AVAILABLE" or "EXPIRED"))
        {
            return LifecycleAction.Keep;
        }

        VaultLockRetention? retention = vault.Lock is { } l && entry.CatalogedAt >= l.AppliedAt
            ? new VaultLockRetention(l.MinRetentionDays, l.MaxRetentionDays)
            : null;
        var state = new RecoveryPointLifecycleState(
            rp.CreationDate, rp.Lifecycle, rp.StorageClass == "COLD" ? RecoveryPointStorageClass.Cold : RecoveryPointStorageClass.Warm);
        return RecoveryPointLifecycle.Decide(state, retention, time.GetUtcNow()).Action;
    }
}
