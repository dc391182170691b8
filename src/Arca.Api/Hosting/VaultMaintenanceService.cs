using Arca.Control.Backup.RecoveryPoints;
using Arca.Control.Backup.Vaults;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Arca.Api.Hosting;

/// <summary>
/// Vault upkeep in the background: at start, <see cref="VaultStartupRecovery"/> (abandoned engine directories, catalog entries
/// missing for committed manifests); then the lifecycle sweep of every region at once, hourly on the injected clock, and
/// whenever <see cref="VaultMaintenanceQueue"/> asks (a deleted recovery point's garbage collection).
/// </summary>
internal sealed partial class VaultMaintenanceService(
    VaultStartupRecovery startup, RecoveryPointLifecycleSweeper sweeper, VaultMaintenanceQueue queue, TimeProvider time, ILogger<VaultMaintenanceService> logger)
    : BackgroundService
{
    /// <summary>How often the sweep runs without being asked (AWS deletes expired recovery points within 8 hours).</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await startup.RunAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogStartupFailed(logger, e);
        }

        using ITimer timer = time.CreateTimer(_ => queue.Request(), null, Interval, Interval);
        queue.Request();
        while (true)
        {
            await queue.WaitAsync(stoppingToken).ConfigureAwait(false);
            try
            {
                LifecycleSweepReport report = await sweeper.SweepAllAsync(stoppingToken).ConfigureAwait(false);
                if (report != new LifecycleSweepReport())
                {
                    LogSwept(logger, report.MovedToCold, report.Deleted, report.Deferred, report.Collected, report.Failures);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogSweepFailed(logger, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Vault start-up recovery failed; abandoned directories and missing catalog entries are handled at the next start")]
    private static partial void LogStartupFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Lifecycle sweep: {Moved} moved to cold storage, {Deleted} deleted, {Deferred} deletions deferred, {Collected} vaults collected, {Failures} vaults failed")]
    private static partial void LogSwept(ILogger logger, int moved, int deleted, int deferred, int collected, int failures);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lifecycle sweep failed; retrying at the next one")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
