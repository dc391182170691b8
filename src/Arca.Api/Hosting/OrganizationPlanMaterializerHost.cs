using System.Threading.Channels;
using Arca.Control.Backup.OrganizationPlans;
using Arca.Control.Organizations;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Arca.Api.Hosting;

/// <summary>
/// Runs the <see cref="OrganizationPlanMaterializer"/> in the background: everything once at start, the change feed whenever a
/// backup-policy change is announced (<see cref="IBackupPolicyListener"/>), and every <see cref="SweepInterval"/> on the injected
/// clock the feed again plus a check of every organization-managed plan's findings (so they clear once the vault or role exists).
/// </summary>
/// <remarks>Thread-safe. The listener only queues a wake-up; a failed pass is logged and retried at the next wake-up or sweep.</remarks>
internal sealed partial class OrganizationPlanMaterializerHost(
    OrganizationPlanMaterializer materializer, TimeProvider time, ILogger<OrganizationPlanMaterializerHost> logger) : BackgroundService, IBackupPolicyListener
{
    /// <summary>How often findings are checked again and the feed drained without a wake-up.</summary>
    public static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(5);

    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly Lock _lock = new();
    private TaskCompletionSource _idle = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _swept = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <inheritdoc/>
    public ValueTask AccountsChangedAsync(BackupPolicyAccountsChanged change, CancellationToken cancellationToken)
    {
        Wake();
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Completes once the background loop has handled every wake-up queued before the call (the start-up pass included) and
    /// waits for the next: what tests await instead of sleeping.
    /// </summary>
    public Task WhenIdleAsync()
    {
        lock (_lock)
        {
            return _idle.Task;
        }
    }

    /// <summary>Completes when the next periodic sweep has finished: what tests await after advancing the clock.</summary>
    public Task WhenSweptAsync()
    {
        lock (_lock)
        {
            return _swept.Task;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield(); // never hold up the server's start
        await PassAsync(() => materializer.ReconcileAllAsync(stoppingToken)).ConfigureAwait(false);
        using var timer = new PeriodicTimer(SweepInterval, time);
        Task<bool> tick = timer.WaitForNextTickAsync(stoppingToken).AsTask();
        while (!stoppingToken.IsCancellationRequested)
        {
            SetIdleIfNothingQueued();
            Task<bool> wake = _wake.Reader.WaitToReadAsync(stoppingToken).AsTask();
            if (await Task.WhenAny(tick, wake).ConfigureAwait(false) == tick)
            {
                if (!await tick.ConfigureAwait(false))
                {
                    return;
                }

                tick = timer.WaitForNextTickAsync(stoppingToken).AsTask();
                await SweepAsync(stoppingToken).ConfigureAwait(false);
            }
            else if (await wake.ConfigureAwait(false) && _wake.Reader.TryRead(out _))
            {
                await PassAsync(() => materializer.DrainPendingAsync(cancellationToken: stoppingToken)).ConfigureAwait(false);
            }
        }
    }

    private void Wake()
    {
        lock (_lock)
        {
            if (_idle.Task.IsCompleted)
            {
                _idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            _wake.Writer.TryWrite(true);
        }
    }

    private void SetIdleIfNothingQueued()
    {
        lock (_lock)
        {
            if (_wake.Reader.Count == 0)
            {
                _idle.TrySetResult();
            }
        }
    }

    private async Task SweepAsync(CancellationToken stoppingToken)
    {
        await PassAsync(() => materializer.DrainPendingAsync(cancellationToken: stoppingToken)).ConfigureAwait(false);
        try
        {
            int changed = await materializer.RefreshFindingsAsync(cancellationToken: stoppingToken).ConfigureAwait(false);
            if (changed > 0)
            {
                LogFindingsChanged(logger, changed);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(logger, e);
        }

        lock (_lock)
        {
            _swept.TrySetResult();
            _swept = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    /// <summary>Runs one pass and logs what it did; a pass that left accounts pending (they changed meanwhile) wakes the loop again.</summary>
    private async Task PassAsync(Func<Task<MaterializationPass>> pass)
    {
        try
        {
            MaterializationPass result = await pass().ConfigureAwait(false);
            foreach (AccountMaterialization account in result.Accounts)
            {
                if (account.Created + account.Versioned + account.Deleted > 0)
                {
                    LogMaterialized(logger, account.AccountId, account.Created, account.Versioned, account.Deleted);
                }

                foreach (string reason in account.NotMaterialized)
                {
                    LogNotMaterialized(logger, account.AccountId, reason);
                }
            }

            if (result.StillPending > 0)
            {
                Wake();
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Organization-managed backup plans of account {AccountId}: {Created} created, {Versioned} updated, {Deleted} deleted")]
    private static partial void LogMaterialized(ILogger logger, string accountId, int created, int versioned, int deleted);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Backup policy of account {AccountId} not materialized: {Reason}")]
    private static partial void LogNotMaterialized(ILogger logger, string accountId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Findings of {Count} organization-managed backup plans changed")]
    private static partial void LogFindingsChanged(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Materializing backup policies failed; retrying at the next change or sweep")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
