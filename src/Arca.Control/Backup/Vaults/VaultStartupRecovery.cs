using Arca.Control.Backup.RecoveryPoints;
using Arca.Control.Regions;
using Microsoft.Extensions.Logging;

namespace Arca.Control.Backup.Vaults;

/// <summary>
/// What the server does for vaults when it starts (docs/design/backup-service.md §2, §3): removes engine directories that
/// crashes left behind (a create that never committed, a delete that never finished), then rebuilds catalog entries missing
/// for manifests that crashed jobs committed. Deletions left DELETING are the lifecycle sweeper's first job.
/// </summary>
/// <remarks>Thread-safe; safe to run while requests are served (each vault name is locked while its directories are handled).</remarks>
public sealed class VaultStartupRecovery(RegionSet regions, BackupVaultService vaults, RecoveryPointCatalogRebuilder rebuilder, ILogger<VaultStartupRecovery> logger)
{
    /// <summary>Runs both steps in every served region; returns (directories removed, entries rebuilt).</summary>
    public async Task<(int DirectoriesRemoved, int EntriesRebuilt)> RunAsync(CancellationToken cancellationToken = default)
    {
        int removed = 0, rebuilt = 0;
        foreach (Region region in regions.All)
        {
            removed += await vaults.Directories.CleanUpAsync(region, null, null, cancellationToken).ConfigureAwait(false);
            rebuilt += await rebuilder.RebuildRegionAsync(region.Name, cancellationToken).ConfigureAwait(false);
        }

        if (removed + rebuilt > 0)
        {
            logger.LogInformation("vault start-up recovery removed {Directories} abandoned engine directories and rebuilt {Entries} catalog entries", removed, rebuilt);
        }

        return (removed, rebuilt);
    }
}
