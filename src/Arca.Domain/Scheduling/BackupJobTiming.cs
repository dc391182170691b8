namespace Arca.Domain.Scheduling;

/// <summary>
/// Pure deadline rules of backup jobs. A job has not started while CREATED or PENDING (AWS: it "remains
/// in CREATED status until it has successfully begun … (the job status changes to RUNNING)"); it
/// expires at StartBy (the deadline itself is already too late: the window is [ScheduledAt, StartBy)).
/// A RUNNING job expires at CompleteBy. ABORTING and terminal jobs are left alone.
/// </summary>
public static class BackupJobTiming
{
    /// <summary>
    /// AWS's status message for an expired backup job. It is the one wording published for EXPIRED
    /// jobs; AWS uses it whichever window was missed, and so does Arca (the outcome tells them apart).
    /// </summary>
    public const string ExpiredMessage = "Backup job expired before completion.";

    /// <summary>Decides, from the clock alone, whether a job in <paramref name="state"/> expires at <paramref name="now"/>.</summary>
    public static BackupJobTimingDecision Decide(BackupJobState state, BackupWindow window, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(window);
        switch (state)
        {
            case BackupJobState.Created or BackupJobState.Pending:
                DateTimeOffset startDeadline = window.StartBy < window.CompleteBy ? window.StartBy : window.CompleteBy;
                return now >= startDeadline
                    ? Expire(BackupJobTimingOutcome.ExpireNotStarted)
                    : new BackupJobTimingDecision(BackupJobTimingOutcome.Continue, null, null, startDeadline);
            case BackupJobState.Running:
                return now >= window.CompleteBy
                    ? Expire(BackupJobTimingOutcome.ExpireNotCompleted)
                    : new BackupJobTimingDecision(BackupJobTimingOutcome.Continue, null, null, window.CompleteBy);
            default:
                return new BackupJobTimingDecision(BackupJobTimingOutcome.Continue, null, null, null);
        }
    }

    private static BackupJobTimingDecision Expire(BackupJobTimingOutcome outcome)
    {
        return new BackupJobTimingDecision(outcome, BackupJobState.Expired, ExpiredMessage, null);
    }
}
