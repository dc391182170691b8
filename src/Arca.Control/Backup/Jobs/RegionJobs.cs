using System.Collections.Concurrent;
using Arca.Control.Jobs;
using Arca.Control.Regions;

namespace Arca.Control.Backup.Jobs;

/// <summary>
/// The job queues of every served region (backup, copy, restore) and the running engine of each, so services can
/// enqueue and wake the engine without knowing who hosts it. Thread-safe.
/// </summary>
public sealed class RegionJobs(RegionSet regions, TimeProvider time)
{
    private readonly ConcurrentDictionary<(string Region, JobKind Kind), JobQueue> _queues = new();
    private readonly ConcurrentDictionary<string, JobEngine> _engines = new(StringComparer.Ordinal);

    public JobQueue Backup(string region) => Queue(region, JobKindProfile.Backup);

    public JobQueue Restore(string region) => Queue(region, JobKindProfile.Restore);

    /// <summary>Copy jobs, in the source region (as on AWS); run by <see cref="Copies.CopyJobRunner"/>.</summary>
    public JobQueue Copy(string region) => Queue(region, JobKindProfile.Copy);

    /// <summary>
    /// Raised after any attached engine stored a job's end (region, job). Handlers must be quick; the hook for work that
    /// follows a job and for tests that wait for a job (a rule's copy actions are enqueued by the backup runner itself, durably).
    /// </summary>
    public event Action<string, JobRecord>? JobFinished;

    /// <summary>Records the engine that runs <paramref name="region"/>'s jobs (the host calls it once started).</summary>
    public void Attach(string region, JobEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        engine.JobFinished += job => JobFinished?.Invoke(region, job);
        _engines[region] = engine;
    }

    public void Detach(string region) => _engines.TryRemove(region, out _);

    /// <summary>Wakes the region's engine after jobs were enqueued; nothing happens when no engine runs (tests of services alone).</summary>
    public void Wake(string region)
    {
        if (_engines.TryGetValue(region, out JobEngine? engine))
        {
            engine.Wake();
        }
    }

    /// <summary>Cancels a job the region's engine is running here, after its stop was recorded; false when it does not run here.</summary>
    public bool StopRunning(string region, string jobId) => _engines.TryGetValue(region, out JobEngine? engine) && engine.StopRunning(jobId);

    private JobQueue Queue(string region, JobKindProfile profile) =>
        _queues.GetOrAdd((region, profile.Kind), key => new JobQueue(regions.Get(key.Region).Store, profile, time));
}
