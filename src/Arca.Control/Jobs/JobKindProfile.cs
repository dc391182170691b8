using Arca.Domain.Scheduling;

namespace Arca.Control.Jobs;

/// <summary>
/// What the engine needs to know about a kind of job: its collection and which of its AWS states mean
/// waiting, running, stopping and stopped, and which transitions are allowed (from
/// <see cref="JobStateMachines"/>).
/// </summary>
public sealed record JobKindProfile
{
    public static JobKindProfile Backup { get; } = new()
    {
        Kind = JobKind.Backup,
        Collection = "backup-jobs",
        Waiting = "CREATED",
        Stopping = "ABORTING",
        Stopped = "ABORTED",
        Expired = "EXPIRED",
        CanTransition = (from, to) => JobStateNames.TryParse(from, out BackupJobState f) && JobStateNames.TryParse(to, out BackupJobState t) && JobStateMachines.Backup.TryTransition(f, t, out _),
        IsTerminal = s => JobStateNames.TryParse(s, out BackupJobState x) && JobStateMachines.Backup.IsTerminal(x),
    };

    public static JobKindProfile Copy { get; } = new()
    {
        Kind = JobKind.Copy,
        Collection = "copy-jobs",
        Waiting = "CREATED",
        CanTransition = (from, to) => JobStateNames.TryParse(from, out CopyJobState f) && JobStateNames.TryParse(to, out CopyJobState t) && JobStateMachines.Copy.TryTransition(f, t, out _),
        IsTerminal = s => JobStateNames.TryParse(s, out CopyJobState x) && JobStateMachines.Copy.IsTerminal(x),
    };

    public static JobKindProfile Restore { get; } = new()
    {
        Kind = JobKind.Restore,
        Collection = "restore-jobs",
        Waiting = "PENDING",
        Stopped = "ABORTED",
        CanTransition = (from, to) => JobStateNames.TryParse(from, out RestoreJobStatus f) && JobStateNames.TryParse(to, out RestoreJobStatus t) && JobStateMachines.Restore.TryTransition(f, t, out _),
        IsTerminal = s => JobStateNames.TryParse(s, out RestoreJobStatus x) && JobStateMachines.Restore.IsTerminal(x),
    };

    public required JobKind Kind { get; init; }

    public required string Collection { get; init; }

    /// <summary>The state of a job that waits for a worker.</summary>
    public required string Waiting { get; init; }

    public string Running { get; init; } = "RUNNING";

    public string Failed { get; init; } = "FAILED";

    /// <summary>The state of a job whose work succeeded.</summary>
    public string Completed { get; init; } = "COMPLETED";

    /// <summary>The state a stop request puts a running job in, or null when the kind goes straight to <see cref="Stopped"/>.</summary>
    public string? Stopping { get; init; }

    /// <summary>The state of a stopped job, or null when the kind cannot be stopped.</summary>
    public string? Stopped { get; init; }

    /// <summary>The state of a job that missed its window, or null when the kind has no windows (it fails instead).</summary>
    public string? Expired { get; init; }

    public required Func<string, string, bool> CanTransition { get; init; }

    public required Func<string, bool> IsTerminal { get; init; }
}
