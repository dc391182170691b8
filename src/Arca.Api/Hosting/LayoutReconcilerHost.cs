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
    private readonly Lock _lock = new();
    private TaskCompletionSource _idle = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _busy = true; // until the start-up pass is done

    /// <summary>
    /// Completes once the loop has handled every account queued before the call (and the start-up pass): what tests await instead
    /// of sleeping.
    /// </summary>
    public Task WhenIdleAsync()
    {
        lock (_lock)
        {
            if (_idle.Task.IsCompleted && (_busy || reconciler.Pending.Count > 0 || reconciler.Wakes.Count > 0))
            {
                _idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            return _idle.Task;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield(); // never hold up the server's start
        await PassAsync(() => reconciler.ReconcileAllAsync(stoppingToken)).ConfigureAwait(false);
        using var timer = new PeriodicTimer(LayoutReconciler.SweepInterval, time);
        Task<bool> tick = timer.WaitForNextTickAsync(stoppingToken).AsTask();
        while (!stoppingToken.IsCancellationRequested)
        {
            SetIdleIfNothingQueued();
            Task<bool> wake = reconciler.Wakes.WaitToReadAsync(stoppingToken).AsTask();
            if (await Task.WhenAny(tick, wake).ConfigureAwait(false) == tick)
            {
                if (!await tick.ConfigureAwait(false))
                {
                    return;
                }

                tick = timer.WaitForNextTickAsync(stoppingToken).AsTask();
                SetBusy();
                await PassAsync(() => reconciler.ReconcileAllAsync(stoppingToken)).ConfigureAwait(false);
            }
            else if (await wake.ConfigureAwait(false))
            {
                SetBusy();
                if (reconciler.Wakes.TryRead(out _))
                {
                    await PassAsync(() => reconciler.DrainAsync(stoppingToken)).ConfigureAwait(false);
                }
            }
        }
    }

    private void SetBusy()
    {
        lock (_lock)
        {
            _busy = true;
        }
    }

    private void SetIdleIfNothingQueued()
    {
        lock (_lock)
        {
            _busy = false;
            if (reconciler.Pending.Count == 0 && reconciler.Wakes.Count == 0)
            {
                _idle.TrySetResult();
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
