using Arca.Control.Jobs;

namespace Arca.Api.Hosting;

/// <summary>
/// Settings of the backup job engines and the scheduler (options pattern: settable, validated at start-up by
/// <see cref="BackupJobHostOptionsValidator"/>). <c>arca server</c> sets <see cref="NodeId"/> from its data directory.
/// </summary>
public sealed class BackupJobHostOptions
{
    /// <summary>
    /// This node's stable id (one per data directory), so a restarted server recognises the jobs its earlier
    /// incarnation held and resumes them at once; null = a random id per start (in-process tests).
    /// </summary>
    public string? NodeId { get; set; }

    /// <summary>How often the scheduler looks for due rules (default every minute, so jobs start within a minute of their time).</summary>
    public TimeSpan SchedulerTick { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Jobs run at once per region.</summary>
    public int Workers { get; set; } = new JobEngineOptions().Workers;

    /// <summary>How often a running job's lease and progress are written (and a stop or a missed window noticed).</summary>
    public TimeSpan RenewEvery { get; set; } = new JobEngineOptions().RenewEvery;

    /// <summary>The engine options these settings make.</summary>
    public JobEngineOptions Engine()
    {
        var defaults = new JobEngineOptions();
        TimeSpan lease = RenewEvery * 4 > defaults.Lease ? RenewEvery * 4 : defaults.Lease;
        return defaults with { Workers = Workers, RenewEvery = RenewEvery, Lease = lease };
    }
}
