namespace Arca.Domain.Scheduling;

/// <summary>
/// AWS <c>CopyJobState</c>. Wire names are the upper-case member names. Allowed transitions:
/// <see cref="JobStateMachines.Copy"/>.
/// </summary>
public enum CopyJobState
{
    /// <summary>Accepted, not yet copying.</summary>
    Created,

    /// <summary>Copying chunks to the destination vault.</summary>
    Running,

    /// <summary>The destination recovery point is available. Terminal.</summary>
    Completed,

    /// <summary>Ended with an error (cross-account checks included). Terminal.</summary>
    Failed,

    /// <summary>A composite copy some of whose members failed. Terminal.</summary>
    Partial,
}
