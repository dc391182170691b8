namespace Arca.Domain.Scheduling;

/// <summary>
/// AWS <c>BackupJobState</c>. Wire names are the upper-case member names (<c>CREATED</c> …); see
/// <see cref="JobStateNames"/>. Allowed transitions: <see cref="JobStateMachines.Backup"/>.
/// </summary>
public enum BackupJobState
{
    /// <summary>Accepted; waiting inside its start window.</summary>
    Created,

    /// <summary>Being prepared or queued on the resource; not yet transferring data.</summary>
    Pending,

    /// <summary>Transferring data into the vault.</summary>
    Running,

    /// <summary>A stop was requested (StopBackupJob); winding down.</summary>
    Aborting,

    /// <summary>Stopped on request. Terminal.</summary>
    Aborted,

    /// <summary>The recovery point is available. Terminal.</summary>
    Completed,

    /// <summary>Ended with an error (StatusMessage says why). Terminal.</summary>
    Failed,

    /// <summary>Did not start within the start window or finish within the completion window. Terminal.</summary>
    Expired,

    /// <summary>A parent (composite) job some of whose children failed. Terminal.</summary>
    Partial,
}
