using Arca.Control.Errors;
using Microsoft.Extensions.Logging;

namespace Arca.Control.Jobs;

/// <summary>
/// Runs one region's durable jobs with bounded concurrency (docs/design/backup-service.md §4).
/// Workers claim due jobs, renew their leases while the runner works, and record the outcome; a
/// sweeper expires jobs that missed their windows and restarts jobs whose node died. Time comes
/// from the injected <see cref="TimeProvider"/>; <see cref="Wake"/> starts idle workers at once.
/// </summary>
public sealed class JobEngine : IAsyncDisposable
{
    private readonly IReadOnlyList<(JobQueue Queue, IJobRunner Runner)> _kinds;
    private readonly JobEngineOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _wake = new(0, int.MaxValue);
    private readonly CancellationTokenSource _stopping = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (CancellationTokenSource Run, StopReason Reason)> _running = new(StringComparer.Ordinal);
    private Task[] _loops = [];

    public JobEngine(IReadOnlyList<(JobQueue Queue, IJobRunner Runner)> kinds, JobNode node, JobEngineOptions options, TimeProvider time, ILogger logger)
    {
        _kinds = kinds;
        Node = node;
        _options = options;
        _time = time;
        _logger = logger;
    }

    public JobNode Node { get; }

    /// <summary>Raised after a job was finished and stored (any outcome); handlers must be quick.</summary>
    public event Action<JobRecord>? JobFinished;

    /// <summary>Recovers what an earlier incarnation left, then starts the workers and the sweeper.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await SweepAsync(cancellationToken).ConfigureAwait(false);
        _loops = [.. Enumerable.Range(0, _options.Workers).Select(_ => Task.Run(WorkLoopAsync)), Task.Run(SweepLoopAsync)];
    }

    /// <summary>Wakes idle workers: call after enqueueing a job that is due now.</summary>
    public void Wake()
    {
        try
        {
            _wake.Release(_options.Workers);
        }
        catch (ObjectDisposedException)
        {
            // The engine stopped (server shutting down); the job is picked up by the next start.
        }
    }

    /// <summary>
    /// Stops a job this engine is running now, after its queue recorded the stop request (the renewal would notice it
    /// within <see cref="JobEngineOptions.RenewEvery"/>; this is at once). Returns false when the job does not run here.
    /// </summary>
    public bool StopRunning(string jobId)
    {
        if (!_running.TryGetValue(jobId, out var running))
        {
            return false;
        }

        var profile = _kinds.First(k => k.Queue.Profile.Kind == running.Reason.Kind).Queue.Profile;
        running.Reason.Outcome ??= new JobOutcome(profile.Stopped ?? profile.Failed, "The job was stopped.", "ABORTED");
        try
        {
            running.Run.Cancel();
        }
        catch (ObjectDisposedException)
        {
            return false; // it finished meanwhile
        }

        return true;
    }

    /// <summary>Runs one sweep now (expiries and dead leases).</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken = default)
    {
        var changed = 0;
        foreach (var (queue, _) in _kinds)
        {
            changed += await queue.SweepAsync(Node, cancellationToken).ConfigureAwait(false);
        }

        return changed;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(_loops).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Normal shutdown.
        }

        _stopping.Dispose();
        _wake.Dispose();
    }

    private async Task WorkLoopAsync()
    {
        var token = _stopping.Token;
        while (!token.IsCancellationRequested)
        {
            try
            {
                if (!await RunOneAsync(token).ConfigureAwait(false))
                {
                    await IdleAsync(token).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A store failure must not kill the worker; the job's lease expires and the sweeper recovers it.
                _logger.LogError(e, "job worker error");
                await IdleAsync(token).ConfigureAwait(false);
            }
        }
    }

    private async Task IdleAsync(CancellationToken token)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(token);
        var wake = _wake.WaitAsync(either.Token);
        var poll = Task.Delay(_options.PollEvery, _time, either.Token);
        await Task.WhenAny(wake, poll).ConfigureAwait(false);
        await either.CancelAsync().ConfigureAwait(false);
        token.ThrowIfCancellationRequested();
    }

    private async Task SweepLoopAsync()
    {
        var token = _stopping.Token;
        while (!token.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(_options.RenewEvery, _time, token).ConfigureAwait(false);
                if (await SweepAsync(token).ConfigureAwait(false) > 0)
                {
                    Wake();
                }
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                _logger.LogError(e, "job sweeper error");
            }
        }
    }

    /// <summary>Claims and runs one due job of any kind; false when none was due.</summary>
    private async Task<bool> RunOneAsync(CancellationToken token)
    {
        foreach (var (queue, runner) in _kinds)
        {
            var job = await queue.ClaimAsync(Node, _options.Lease, token).ConfigureAwait(false);
            if (job is not null)
            {
                await RunAsync(queue, runner, job, token).ConfigureAwait(false);
                return true;
            }
        }

        return false;
    }

    private async Task RunAsync(JobQueue queue, IJobRunner runner, JobRecord job, CancellationToken shutdown)
    {
        using var run = CancellationTokenSource.CreateLinkedTokenSource(shutdown);
        var progress = new JobProgress();
        var reason = new StopReason { Kind = queue.Profile.Kind };
        _running[job.JobId] = (run, reason);
        try
        {
            await RunClaimedAsync(queue, runner, job, progress, reason, run, shutdown).ConfigureAwait(false);
        }
        finally
        {
            _running.TryRemove(job.JobId, out _);
        }
    }

    private async Task RunClaimedAsync(JobQueue queue, IJobRunner runner, JobRecord job, JobProgress progress, StopReason reason, CancellationTokenSource run, CancellationToken shutdown)
    {
        var renewal = RenewLoopAsync(queue, job, progress, reason, run);
        JobOutcome outcome;
        try
        {
            outcome = await runner.RunAsync(job, progress, run.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (run.IsCancellationRequested)
        {
            if (shutdown.IsCancellationRequested && reason.Outcome is null)
            {
                // Shutting down: leave the job to the next incarnation, which restarts it at once.
                await run.CancelAsync().ConfigureAwait(false);
                await renewal.ConfigureAwait(false);
                return;
            }

            outcome = reason.Outcome ?? new JobOutcome(queue.Profile.Failed, "The job was cancelled.");
        }
        catch (AwsServiceException e)
        {
            outcome = new JobOutcome(queue.Profile.Failed, e.Message, e.Code);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _logger.LogError(e, "{Kind} job {JobId} failed", queue.Profile.Kind, job.JobId);
            outcome = new JobOutcome(queue.Profile.Failed, "An internal error stopped the job (" + e.GetType().Name + "); see the server log.", "INTERNAL_ERROR");
        }

        await run.CancelAsync().ConfigureAwait(false);
        await renewal.ConfigureAwait(false);
        var last = progress.Current();
        outcome = outcome with
        {
            BytesTransferred = outcome.BytesTransferred ?? last.BytesTransferred,
            BackupSizeInBytes = outcome.BackupSizeInBytes ?? last.BackupSizeInBytes,
        };
        if (await queue.FinishAsync(job.JobId, Node, outcome, CancellationToken.None).ConfigureAwait(false) is { } finished)
        {
            JobFinished?.Invoke(finished);
        }
    }

    /// <summary>Renews the lease; cancels the run when the job is stopped, misses its window or the lease is lost.</summary>
    private async Task RenewLoopAsync(JobQueue queue, JobRecord job, JobProgress progress, StopReason reason, CancellationTokenSource run)
    {
        var profile = queue.Profile;
        try
        {
            while (!run.IsCancellationRequested)
            {
                await Task.Delay(_options.RenewEvery, _time, run.Token).ConfigureAwait(false);
                var current = await queue.RenewAsync(job.JobId, Node, progress, _options.Lease, run.Token).ConfigureAwait(false);
                if (current is null)
                {
                    reason.Outcome = new JobOutcome(profile.Failed, "The job's lease was lost.");
                }
                else if (current.State == profile.Stopping)
                {
                    reason.Outcome = new JobOutcome(profile.Stopped!, "The job was stopped.", "ABORTED");
                }
                else if (current.CompleteBy is { } completeBy && _time.GetUtcNow() >= completeBy)
                {
                    reason.Outcome = new JobOutcome(profile.Expired ?? profile.Failed, Domain.Scheduling.BackupJobTiming.ExpiredMessage, "EXPIRED");
                }

                if (reason.Outcome is not null)
                {
                    await run.CancelAsync().ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The run ended.
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _logger.LogError(e, "lease renewal of job {JobId} failed", job.JobId);
        }
    }

    private sealed class StopReason
    {
        public JobKind Kind { get; init; }

        public JobOutcome? Outcome { get; set; }
    }
}
