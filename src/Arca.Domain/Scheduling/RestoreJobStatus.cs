namespace Arca.Domain.Scheduling;

/// <summary>
/// AWS <c>RestoreJobStatus</c>. Wire names are the upper-case member names. Allowed transitions:
/// <see cref="JobStateMachines.Restore"/>.
/// </summary>
public enum RestoreJobStatus
{
    /// <summary>Accepted, not yet writing.</summary>
    Pending,

    /// <summary>Writing the resource back.</summary>
    Running,

    /// <summary>The resource was restored (CreatedResourceArn is set). Terminal.</summary>
    Completed,

    /// <summary>Stopped before completion. Terminal.</summary>
    Aborted,

    /// <summary>Ended with an error. Terminal.</summary>
    Failed,
}
