using Arca.Control.Jobs.Internal;
using Arca.Control.Metadata;

namespace Arca.Control.Jobs;

/// <summary>
/// The durable queue of one kind of job in one region's store. Every state change happens in one
/// store transaction, so two workers can never hold the same job and a crash never leaves a job
/// half-changed. Index fields: i1 = account, i2 = state, i3 = creation time.
/// </summary>
public sealed class JobQueue
{
    /// <summary>After this many interrupted attempts a job fails instead of being retried.</summary>
    public const int MaxAttempts = 3;

    public const string InterruptedMessage = "The job was interrupted by a restart of Arca and started again.";

    private readonly IMetadataStore _store;
    private readonly TimeProvider _time;
    private readonly Collection<JobRecord> _jobs;

    public JobQueue(IMetadataStore store, JobKindProfile profile, TimeProvider time)
    {
        _store = store;
        _time = time;
        Profile = profile;
        _jobs = new Collection<JobRecord>(profile.Collection, JobsJson.Default.JobRecord, j => j.JobId, j => new IndexFields(j.AccountId, j.State, SortableTime.ToIndex(j.CreationDate)));
    }

    public JobKindProfile Profile { get; }

    /// <summary>The collection, for services that enqueue inside their own transaction.</summary>
    public Collection<JobRecord> Jobs => _jobs;

    public Task<JobRecord?> GetAsync(string jobId, CancellationToken cancellationToken = default) =>
        _store.TransactAsync(tx => _jobs.GetAsync(tx, jobId), cancellationToken);

    public Task<IReadOnlyList<JobRecord>> ListAsync(DocumentQuery query, CancellationToken cancellationToken = default) =>
        _store.TransactAsync(tx => _jobs.ListAsync(tx, query), cancellationToken);

    /// <summary>Adds a job in the kind's waiting state. Fails when the id exists.</summary>
    public async Task<JobRecord> EnqueueAsync(JobRecord job, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (!await _store.TransactAsync(tx => _jobs.InsertAsync(tx, job), cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException($"job {job.JobId} already exists");
        }

        return job;
    }

    /// <summary>Claims the waiting job that is due first; null when none is due.</summary>
    public Task<JobRecord?> ClaimAsync(JobNode node, TimeSpan lease, CancellationToken cancellationToken = default) =>
        _store.TransactAsync(
            async tx =>
            {
                var now = _time.GetUtcNow();
                var waiting = await _jobs.ListAsync(tx, new DocumentQuery { I2 = Profile.Waiting }).ConfigureAwait(false);
                var next = waiting.Where(j => j.StartAfter <= now && (j.StartBy is null || now < j.StartBy))
                    .OrderBy(j => j.StartAfter).ThenBy(j => j.CreationDate).FirstOrDefault();
                if (next is null)
                {
                    return null;
                }

                var claimed = next with
                {
                    State = Profile.Running,
                    InitiationDate = next.InitiationDate ?? now,
                    Attempts = next.Attempts + 1,
                    LeaseOwner = node.LeaseOwner,
                    LeaseUntil = now + lease,
                };
                await _jobs.PutAsync(tx, claimed).ConfigureAwait(false);
                return claimed;
            },
            cancellationToken);

    /// <summary>
    /// Extends a running job's lease and records its progress. Returns the job as stored (so the
    /// worker sees a stop request), or null when this node no longer holds it.
    /// </summary>
    public Task<JobRecord?> RenewAsync(string jobId, JobNode node, JobProgress progress, TimeSpan lease, CancellationToken cancellationToken = default) =>
        _store.TransactAsync(
            async tx =>
            {
                var job = await _jobs.GetAsync(tx, jobId).ConfigureAwait(false);
                if (job is null || job.LeaseOwner != node.LeaseOwner || Profile.IsTerminal(job.State))
                {
                    return null;
                }

                var now = progress.Current();
                var renewed = job with
                {
                    LeaseUntil = _time.GetUtcNow() + lease,
                    PercentDone = now.PercentDone,
                    BytesTransferred = now.BytesTransferred,
                    BackupSizeInBytes = now.BackupSizeInBytes,
                };
                await _jobs.PutAsync(tx, renewed).ConfigureAwait(false);
                return renewed;
            },
            cancellationToken);

    /// <summary>Ends a job this node holds with <paramref name="outcome"/>; returns it, or null when the lease was lost.</summary>
    public Task<JobRecord?> FinishAsync(string jobId, JobNode node, JobOutcome outcome, CancellationToken cancellationToken = default) =>
        _store.TransactAsync(
            async tx =>
            {
                ArgumentNullException.ThrowIfNull(outcome);
                var job = await _jobs.GetAsync(tx, jobId).ConfigureAwait(false);
                if (job is null || job.LeaseOwner != node.LeaseOwner || Profile.IsTerminal(job.State))
                {
                    return null;
                }

                // A stop that arrives after the work was committed (the recovery point exists) does not undo it.
                var committedWhileStopping = job.State == Profile.Stopping && outcome.State == Profile.Completed;
                var state = committedWhileStopping || Profile.CanTransition(job.State, outcome.State) ? outcome.State : Profile.Failed;
                var finished = Finish(job, state, outcome.StatusMessage, outcome.MessageCategory) with
                {
                    Result = outcome.Result ?? job.Result,
                    PercentDone = state == Profile.Completed ? 100 : job.PercentDone,
                    BackupSizeInBytes = outcome.BackupSizeInBytes ?? job.BackupSizeInBytes,
                    BytesTransferred = outcome.BytesTransferred ?? job.BytesTransferred,
                };
                await _jobs.PutAsync(tx, finished).ConfigureAwait(false);
                return finished;
            },
            cancellationToken);

    /// <summary>
    /// Asks a job to stop: a waiting job stops at once; a running one moves to the stopping state and
    /// its worker stops it. Returns the job, or null when it does not exist; throws
    /// <see cref="InvalidOperationException"/> when the job cannot be stopped in its state.
    /// </summary>
    public Task<JobRecord?> RequestStopAsync(string jobId, CancellationToken cancellationToken = default) =>
        _store.TransactAsync(
            async tx =>
            {
                var job = await _jobs.GetAsync(tx, jobId).ConfigureAwait(false);
                if (job is null)
                {
                    return null;
                }

                var stopped = Profile.Stopped ?? throw new InvalidOperationException($"a {Profile.Kind} job cannot be stopped");
                JobRecord next;
                if (job.State == Profile.Waiting && Profile.CanTransition(job.State, stopped))
                {
                    next = Finish(job, stopped, "The job was stopped before it started.", null);
                }
                else if (job.State == Profile.Running && Profile.Stopping is { } stopping && Profile.CanTransition(job.State, stopping))
                {
                    next = job with { State = stopping };
                }
                else
                {
                    throw new InvalidOperationException($"job {jobId} is {job.State} and cannot be stopped");
                }

                await _jobs.PutAsync(tx, next).ConfigureAwait(false);
                return next;
            },
            cancellationToken);

    /// <summary>
    /// Ends what time and crashes left behind: waiting jobs past their start window expire; jobs whose
    /// lease expired or belongs to an earlier incarnation of this node are started again (within their
    /// window and attempt budget) or ended with the reason. Returns how many jobs changed.
    /// </summary>
    public Task<int> SweepAsync(JobNode node, CancellationToken cancellationToken = default) =>
        _store.TransactAsync(
            async tx =>
            {
                var now = _time.GetUtcNow();
                var changed = 0;
                foreach (var state in new[] { Profile.Waiting, Profile.Running, Profile.Stopping }.OfType<string>())
                {
                    foreach (var job in await _jobs.ListAsync(tx, new DocumentQuery { I2 = state }).ConfigureAwait(false))
                    {
                        if (Recover(job, node, now) is { } next)
                        {
                            await _jobs.PutAsync(tx, next).ConfigureAwait(false);
                            changed++;
                        }
                    }
                }

                return changed;
            },
            cancellationToken);

    private JobRecord? Recover(JobRecord job, JobNode node, DateTimeOffset now)
    {
        if (job.State == Profile.Waiting)
        {
            return job.StartBy is { } startBy && now >= startBy
                ? Finish(job, Profile.Expired ?? Profile.Failed, Profile.Expired is null ? "The job did not start within its start window." : Domain.Scheduling.BackupJobTiming.ExpiredMessage, null)
                : null;
        }

        var dead = node.IsEarlierIncarnation(job.LeaseOwner) || job.LeaseUntil is null || now >= job.LeaseUntil;
        if (!dead)
        {
            return null;
        }

        if (job.State == Profile.Stopping)
        {
            return Finish(job, Profile.Stopped!, "The job was stopped.", null);
        }

        if (job.CompleteBy is { } completeBy && now >= completeBy)
        {
            return Finish(job, Profile.Expired ?? Profile.Failed, (Profile.Expired is null ? "The job did not complete within its window. " : Domain.Scheduling.BackupJobTiming.ExpiredMessage + " ") + InterruptedReason, null);
        }

        return job.Attempts >= MaxAttempts
            ? Finish(job, Profile.Failed, $"{InterruptedReason} It was interrupted {job.Attempts} times and is not retried again.", null)
            : job with { State = Profile.Waiting, StartAfter = now, LeaseOwner = null, LeaseUntil = null, StatusMessage = InterruptedMessage };
    }

    private const string InterruptedReason = "The job was interrupted by a restart of Arca.";

    private JobRecord Finish(JobRecord job, string state, string? message, string? category) => job with
    {
        State = state,
        StatusMessage = message,
        MessageCategory = category ?? (state == "COMPLETED" ? "SUCCESS" : state),
        CompletionDate = _time.GetUtcNow(),
        LeaseOwner = null,
        LeaseUntil = null,
    };
}
