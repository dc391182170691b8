namespace Arca.Control.Organizations;

/// <summary>The state of a policy type in a root.</summary>
public enum PolicyTypeStatus
{
    /// <summary><c>ENABLED</c>.</summary>
    Enabled,

    /// <summary><c>PENDING_ENABLE</c>.</summary>
    PendingEnable,

    /// <summary><c>PENDING_DISABLE</c>.</summary>
    PendingDisable,
}
