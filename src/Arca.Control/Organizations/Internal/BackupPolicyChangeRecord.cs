namespace Arca.Control.Organizations.Internal;

/// <summary>
/// Persisted state of an account's effective backup policy: when it last changed, and whether that change still waits for
/// the materializer (<see cref="Pending"/>). Written in the transaction of the change itself, so a crash loses nothing.
/// </summary>
internal sealed record BackupPolicyChangeRecord
{
    public required string AccountId { get; init; }

    /// <summary>The organization the account was in at the change (after the change; before it for removals).</summary>
    public required string OrganizationId { get; init; }

    public required BackupPolicyChangeReason Reason { get; init; }

    public required DateTimeOffset ChangedAt { get; init; }

    public required bool Pending { get; init; }
}
