using System.Collections.Concurrent;
using System.Text.Json;
using Arca.Control.Errors;
using Arca.Control.Jobs;
using Arca.Control.Metadata;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Arca.Control.Tests.Jobs;

public sealed class JobEngineTests : IAsyncDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 26, 5, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(T0);
    private readonly InMemoryMetadataStore _store = new();
    private readonly ScriptedRunner _runner = new();
    private readonly JobQueue _queue;
    private readonly List<JobEngine> _engines = [];

    public JobEngineTests() => _queue = new JobQueue(_store, JobKindProfile.Backup, _time);

    public async ValueTask DisposeAsync()
    {
        foreach (var engine in _engines)
        {
            await engine.DisposeAsync();
        }

        _runner.ReleaseAll();
    }

    [Fact]
    public async Task A_due_job_runs_and_completes_with_its_dates_and_full_progress()
    {
        var engine = await StartAsync();
        var done = Finished(engine, "j1");
        await EnqueueAsync("j1");
        engine.Wake();
        (await _runner.Started("j1")).Complete(new JobOutcome("COMPLETED") { BackupSizeInBytes = 42 });
        var job = await done;
        Assert.Equal(("COMPLETED", 100.0, 42L, 1), (job.State, job.PercentDone, job.BackupSizeInBytes, job.Attempts));
        Assert.Equal(T0, job.InitiationDate);
        Assert.Equal("SUCCESS", job.MessageCategory);
        Assert.Null(job.LeaseOwner);
    }

    [Fact]
    public async Task A_job_does_not_start_before_its_time_and_starts_when_the_clock_gets_there()
    {
        var engine = await StartAsync();
        await EnqueueAsync("later", startAfter: T0.AddMinutes(10));
        engine.Wake();
        Assert.Null(await _queue.ClaimAsync(new JobNode("probe", "x"), TimeSpan.FromMinutes(1)));
        var started = _runner.Started("later");
        _time.Advance(TimeSpan.FromMinutes(10));
        _time.Advance(new JobEngineOptions().PollEvery);
        (await started).Complete(new JobOutcome("COMPLETED"));
    }

    [Fact]
    public async Task A_job_that_cannot_start_within_its_window_expires_with_AWS_message()
    {
        await EnqueueAsync("j", startBy: T0.AddHours(8));
        _time.Advance(TimeSpan.FromHours(8));
        var engine = await StartAsync();
        var job = (await _queue.GetAsync("j"))!;
        Assert.Equal("EXPIRED", job.State);
        Assert.Equal("Backup job expired before completion.", job.StatusMessage);
        Assert.Empty(_runner.Calls);
        _ = engine;
    }

    [Fact]
    public async Task Stopping_a_running_job_cancels_its_runner_and_ends_it_ABORTED()
    {
        var engine = await StartAsync();
        var done = Finished(engine, "j");
        await EnqueueAsync("j");
        engine.Wake();
        var run = await _runner.Started("j");
        Assert.Equal("ABORTING", (await _queue.RequestStopAsync("j"))!.State);
        _time.Advance(new JobEngineOptions().RenewEvery);
        await run.Cancelled;
        var job = await done;
        Assert.Equal("ABORTED", job.State);
    }

    [Fact]
    public async Task A_waiting_job_stops_at_once()
    {
        await EnqueueAsync("j", startAfter: T0.AddHours(1));
        Assert.Equal("ABORTED", (await _queue.RequestStopAsync("j"))!.State);
        await Assert.ThrowsAsync<InvalidOperationException>(() => _queue.RequestStopAsync("j"));
    }

    [Fact]
    public async Task A_running_job_past_its_completion_window_is_cancelled_and_expires()
    {
        var engine = await StartAsync();
        var done = Finished(engine, "j");
        await EnqueueAsync("j", completeBy: T0.AddMinutes(1));
        engine.Wake();
        var run = await _runner.Started("j");
        _time.Advance(TimeSpan.FromMinutes(1));
        await run.Cancelled;
        Assert.Equal("EXPIRED", (await done).State);
    }

    [Fact]
    public async Task After_a_crash_the_next_incarnation_restarts_the_interrupted_job_at_once_and_the_old_one_cannot_finish_it()
    {
        var first = await StartAsync(JobNode.Start("node-a"));
        await EnqueueAsync("j");
        first.Wake();
        var dead = await _runner.Started("j");

        // The process "dies": its workers stop without touching the job, which stays RUNNING under the
        // dead incarnation's lease; a new incarnation of the same node starts.
        await first.DisposeAsync();
        _engines.Remove(first);
        await dead.Cancelled;
        Assert.Equal("RUNNING", (await _queue.GetAsync("j"))!.State);
        var second = await StartAsync(JobNode.Start("node-a"));
        var waiting = (await _queue.GetAsync("j"))!;
        Assert.Equal(("CREATED", JobQueue.InterruptedMessage), (waiting.State, waiting.StatusMessage));
        var done = Finished(second, "j");
        second.Wake();
        (await _runner.Started("j", attempt: 2)).Complete(new JobOutcome("COMPLETED"));
        var job = await done;
        Assert.Equal(("COMPLETED", 2), (job.State, job.Attempts));
        Assert.Null(await _queue.FinishAsync("j", first.Node, new JobOutcome("FAILED")));
    }

    [Fact]
    public async Task A_job_interrupted_too_often_fails_with_the_reason()
    {
        await EnqueueAsync("j");
        for (var attempt = 0; attempt < JobQueue.MaxAttempts; attempt++)
        {
            Assert.NotNull(await _queue.ClaimAsync(JobNode.Start("n"), TimeSpan.FromMinutes(2)));
            _time.Advance(TimeSpan.FromMinutes(2));
            await _queue.SweepAsync(JobNode.Start("other"));
        }

        var job = (await _queue.GetAsync("j"))!;
        Assert.Equal("FAILED", job.State);
        Assert.Contains("interrupted 3 times", job.StatusMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_runner_error_fails_the_job_with_its_message()
    {
        var engine = await StartAsync();
        var done = Finished(engine, "j");
        await EnqueueAsync("j");
        engine.Wake();
        (await _runner.Started("j")).Fail(new AwsServiceException("ResourceNotFoundException", "Backup vault v not found", 400));
        var job = await done;
        Assert.Equal(("FAILED", "Backup vault v not found", "ResourceNotFoundException"), (job.State, job.StatusMessage, job.MessageCategory));
    }

    [Fact]
    public async Task No_more_jobs_run_at_once_than_there_are_workers()
    {
        var engine = await StartAsync(options: new JobEngineOptions { Workers = 2 });
        var all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var finished = 0;
        engine.JobFinished += _ =>
        {
            if (Interlocked.Increment(ref finished) == 5)
            {
                all.TrySetResult();
            }
        };
        for (var i = 0; i < 5; i++)
        {
            await EnqueueAsync("j" + i);
        }

        engine.Wake();
        await _runner.RunningReached(2);
        for (var i = 0; i < 3; i++)
        {
            _time.Advance(new JobEngineOptions().PollEvery);
        }

        Assert.Equal(2, _runner.Running);
        for (var i = 0; i < 5; i++)
        {
            (await _runner.Started("j" + i)).Complete(new JobOutcome("COMPLETED"));
        }

        await all.Task;
        Assert.Equal(2, _runner.MaxRunning);
    }

    [Fact]
    public async Task Progress_is_persisted_with_each_lease_renewal()
    {
        var engine = await StartAsync();
        await EnqueueAsync("j");
        engine.Wake();
        var run = await _runner.Started("j");
        run.Progress.Report(37.5, 1000, 4000);
        _time.Advance(new JobEngineOptions().RenewEvery);
        var job = await PollUntilAsync(() => _queue.GetAsync("j"), j => j!.PercentDone > 0);
        Assert.Equal((37.5, 1000L, 4000L), (job!.PercentDone, job.BytesTransferred, job.BackupSizeInBytes));
        run.Complete(new JobOutcome("COMPLETED"));
    }

    private static async Task<T> PollUntilAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        // Renewal runs on another thread after the clock moved; yield until its transaction is visible.
        for (var i = 0; i < 100_000; i++)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            await Task.Yield();
        }

        throw new TimeoutException("condition not reached");
    }

    private async Task<JobEngine> StartAsync(JobNode? node = null, JobEngineOptions? options = null)
    {
        var engine = new JobEngine([(_queue, _runner)], node ?? JobNode.Start("node"), options ?? new JobEngineOptions(), _time, NullLogger.Instance);
        _engines.Add(engine);
        await engine.StartAsync();
        return engine;
    }

    private static Task<JobRecord> Finished(JobEngine engine, string jobId)
    {
        var done = new TaskCompletionSource<JobRecord>(TaskCreationOptions.RunContinuationsAsynchronously);
        engine.JobFinished += job =>
        {
            if (job.JobId == jobId)
            {
                done.TrySetResult(job);
            }
        };
        return done.Task;
    }

    private Task EnqueueAsync(string id, DateTimeOffset? startAfter = null, DateTimeOffset? startBy = null, DateTimeOffset? completeBy = null) =>
        _queue.EnqueueAsync(new JobRecord
        {
            JobId = id,
            Kind = JobKind.Backup,
            AccountId = "111111111111",
            State = "CREATED",
            CreationDate = _time.GetUtcNow(),
            StartAfter = startAfter ?? _time.GetUtcNow(),
            StartBy = startBy,
            CompleteBy = completeBy,
            Spec = JsonDocument.Parse("{}").RootElement,
        });

    /// <summary>A runner the test drives: each run waits until the test completes or fails it.</summary>
    private sealed class ScriptedRunner : IJobRunner
    {
        private readonly ConcurrentDictionary<(string, int), TaskCompletionSource<Run>> _started = new();
        private readonly ConcurrentBag<Run> _runs = [];
        private readonly ConcurrentBag<(int Count, TaskCompletionSource Reached)> _waiters = [];
        private int _running;
        private int _maxRunning;

        public JobKindProfile Profile => JobKindProfile.Backup;

        public ConcurrentBag<string> Calls { get; } = [];

        public int Running => Volatile.Read(ref _running);

        public Task<Run> Started(string jobId, int attempt = 1) => Slot(jobId, attempt).Task;

        public int MaxRunning => Volatile.Read(ref _maxRunning);

        /// <summary>Completes once at least <paramref name="count"/> runs are in progress at the same time.</summary>
        public Task RunningReached(int count)
        {
            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, reached));
            if (Running >= count)
            {
                reached.TrySetResult();
            }

            return reached.Task;
        }

        public void ReleaseAll()
        {
            foreach (var run in _runs)
            {
                run.Complete(new JobOutcome("COMPLETED"));
            }
        }

        public async Task<JobOutcome> RunAsync(JobRecord job, JobProgress progress, CancellationToken cancellationToken)
        {
            Calls.Add(job.JobId);
            var run = new Run(job.JobId, progress);
            _runs.Add(run);
            var running = Interlocked.Increment(ref _running);
            InterlockedMax(ref _maxRunning, running);
            foreach (var (count, reached) in _waiters.Where(w => running >= w.Count))
            {
                reached.TrySetResult();
            }

            try
            {
                using var registration = cancellationToken.Register(() => run.MarkCancelled());
                Slot(job.JobId, job.Attempts).TrySetResult(run);

                var outcome = await run.Outcome.WaitAsync(cancellationToken);
                return outcome;
            }
            finally
            {
                // The registration's callback may lose the race with this method's own exit.
                if (cancellationToken.IsCancellationRequested)
                {
                    run.MarkCancelled();
                }

                Interlocked.Decrement(ref _running);
            }
        }

        private static void InterlockedMax(ref int target, int value)
        {
            int current;
            while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
            {
            }
        }

        private TaskCompletionSource<Run> Slot(string jobId, int attempt) =>
            _started.GetOrAdd((jobId, attempt), _ => new TaskCompletionSource<Run>(TaskCreationOptions.RunContinuationsAsynchronously));
    }

    private sealed class Run(string jobId, JobProgress progress)
    {
        private readonly TaskCompletionSource<JobOutcome> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _cancelled = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string JobId { get; } = jobId;

        public JobProgress Progress { get; } = progress;

        public Task<JobOutcome> Outcome => _outcome.Task;

        public Task Cancelled => _cancelled.Task;

        public void Complete(JobOutcome outcome) => _outcome.TrySetResult(outcome);

        public void Fail(Exception e) => _outcome.TrySetException(e);

        public void MarkCancelled() => _cancelled.TrySetResult();
    }
}
