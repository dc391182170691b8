using Arca.Control.Kms;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Arca.Api.Hosting;

/// <summary>Removes KMS keys whose deletion date has passed (and their aliases and sealed material), at start and hourly.</summary>
internal sealed partial class KeyDeletionSweeper(KeyService keys, TimeProvider time, ILogger<KeyDeletionSweeper> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                int purged = await keys.PurgeDeletedKeysAsync(stoppingToken).ConfigureAwait(false);
                if (purged > 0)
                {
                    LogPurged(logger, purged);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} KMS keys whose deletion date had passed")]
    private static partial void LogPurged(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deleting KMS keys past their deletion date failed; retrying in an hour")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
