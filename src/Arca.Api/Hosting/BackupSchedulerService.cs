using Arca.Control.Backup.Scheduling;
using Arca.Control.Regions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Arca.Api.Hosting;

/// <summary>
/// Ticks the <see cref="BackupScheduler"/> of every served region at start and then every
/// <see cref="BackupJobHostOptions.SchedulerTick"/> (a <see cref="PeriodicTimer"/> on the injected clock).
/// </summary>
internal sealed partial class BackupSchedulerService(
    BackupScheduler scheduler, RegionSet regions, IOptions<BackupJobHostOptions> options, TimeProvider time, ILogger<BackupSchedulerService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SchedulerTick, time);
        do
        {
            foreach (string region in regions.Names)
            {
                try
                {
                    SchedulerTickResult result = await scheduler.TickAsync(region, stoppingToken).ConfigureAwait(false);
                    if (result.Created + result.Expired + result.Skipped > 0)
                    {
                        LogTick(logger, region, result.Created, result.Expired, result.Skipped);
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
                {
                    LogFailed(logger, e, region);
                }
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduler in {Region}: {Created} backup jobs created, {Expired} recorded EXPIRED, {Skipped} missed firings skipped")]
    private static partial void LogTick(ILogger logger, string region, int created, int expired, int skipped);

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduler tick in {Region} failed; retrying at the next tick")]
    private static partial void LogFailed(ILogger logger, Exception exception, string region);
}
