using Arca.Control.Layouts;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Arca.Api.Hosting;

/// <summary>
/// Runs the <see cref="LayoutReconciler"/>: every stored layout once at start and every <see cref="LayoutReconciler.SweepInterval"/>
/// on the injected clock (drift repair), and the queued accounts whenever the organization's tree changes (accounts that join a
/// targeted OU get the layout).
/// </summary>
/// <remarks>Thread-safe. A failed pass is logged and retried at the next change or sweep.</remarks>
internal sealed partial class LayoutReconcilerHost(LayoutReconciler reconciler, TimeProvider time, ILogger<LayoutReconcilerHost> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield(); // never hold up the server's start
        await PassAsync(() => reconciler.ReconcileAllAsync(stoppingToken)).ConfigureAwait(false);
        using var timer = new PeriodicTimer(LayoutReconciler.SweepInterval, time);
        Task<bool> tick = timer.WaitForNextTickAsync(stoppingToken).AsTask();
        while (!stoppingToken.IsCancellationRequested)
        {
            Task<bool> wake = reconciler.Wakes.WaitToReadAsync(stoppingToken).AsTask();
            if (await Task.WhenAny(tick, wake).ConfigureAwait(false) == tick)
            {
                if (!await tick.ConfigureAwait(false))
                {
                    return;
                }

                tick = timer.WaitForNextTickAsync(stoppingToken).AsTask();
                await PassAsync(() => reconciler.ReconcileAllAsync(stoppingToken)).ConfigureAwait(false);
            }
            else if (await wake.ConfigureAwait(false) && reconciler.Wakes.TryRead(out _))
            {
                await PassAsync(() => reconciler.DrainAsync(stoppingToken)).ConfigureAwait(false);
            }
        }
    }

    private async Task PassAsync(Func<Task<int>> pass)
    {
        try
        {
            int count = await pass().ConfigureAwait(false);
            if (count > 0)
            {
                LogReconciled(logger, count);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied {Count} stored layouts again")]
    private static partial void LogReconciled(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reconciling layouts failed; retrying at the next change or sweep")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
