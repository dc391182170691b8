namespace Arca.Domain.Scheduling;

/// <summary>What the clock alone says about a backup job.</summary>
public enum BackupJobTimingOutcome
{
    /// <summary>Nothing to do: within its windows, or already terminal or aborting.</summary>
    Continue,

    /// <summary>Not started (CREATED or PENDING) by StartBy (or CompleteBy, if earlier): expire it.</summary>
    ExpireNotStarted,

    /// <summary>RUNNING at CompleteBy: expire it (AWS cancels the job).</summary>
    ExpireNotCompleted,
}
