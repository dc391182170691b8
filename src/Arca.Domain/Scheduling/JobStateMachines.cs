namespace Arca.Domain.Scheduling;

/// <summary>
/// The transition tables of AWS Backup's backup, copy and restore jobs. The AWS documentation names
/// the states but publishes no table; these follow the documented lifecycle (reference §2.8):
/// a backup job stays CREATED until it starts (PENDING while it is prepared, RUNNING while data
/// moves), StopBackupJob goes through ABORTING to ABORTED, a job that misses its start or completion
/// window becomes EXPIRED; copy jobs go CREATED → RUNNING → COMPLETED/FAILED/PARTIAL (cross-account
/// precondition failures may fail a CREATED job directly); restore jobs go PENDING → RUNNING →
/// COMPLETED/FAILED/ABORTED.
/// </summary>
public static class JobStateMachines
{
    /// <summary>Backup jobs. Terminal: ABORTED, COMPLETED, FAILED, EXPIRED, PARTIAL.</summary>
    public static JobStateMachine<BackupJobState> Backup { get; } = new(
        "Backup job",
        new Dictionary<BackupJobState, BackupJobState[]>
        {
            [BackupJobState.Created] =
            [
                BackupJobState.Pending, BackupJobState.Running, BackupJobState.Aborting, BackupJobState.Aborted,
                BackupJobState.Expired, BackupJobState.Failed,
            ],
            [BackupJobState.Pending] =
            [
                BackupJobState.Running, BackupJobState.Aborting, BackupJobState.Aborted, BackupJobState.Expired,
                BackupJobState.Failed,
            ],
            [BackupJobState.Running] =
            [
                BackupJobState.Completed, BackupJobState.Partial, BackupJobState.Failed, BackupJobState.Aborting,
                BackupJobState.Expired,
            ],
            [BackupJobState.Aborting] = [BackupJobState.Aborted, BackupJobState.Failed],
        });

    /// <summary>Copy jobs. Terminal: COMPLETED, FAILED, PARTIAL.</summary>
    public static JobStateMachine<CopyJobState> Copy { get; } = new(
        "Copy job",
        new Dictionary<CopyJobState, CopyJobState[]>
        {
            [CopyJobState.Created] = [CopyJobState.Running, CopyJobState.Failed],
            [CopyJobState.Running] = [CopyJobState.Completed, CopyJobState.Partial, CopyJobState.Failed],
        });

    /// <summary>Restore jobs. Terminal: COMPLETED, ABORTED, FAILED.</summary>
    public static JobStateMachine<RestoreJobStatus> Restore { get; } = new(
        "Restore job",
        new Dictionary<RestoreJobStatus, RestoreJobStatus[]>
        {
            [RestoreJobStatus.Pending] = [RestoreJobStatus.Running, RestoreJobStatus.Aborted, RestoreJobStatus.Failed],
            [RestoreJobStatus.Running] = [RestoreJobStatus.Completed, RestoreJobStatus.Aborted, RestoreJobStatus.Failed],
        });
}
