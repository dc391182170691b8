namespace Arca.Control.Organizations;

/// <summary>The in-process notification that the effective backup policy of some accounts may have changed.</summary>
/// <param name="OrganizationId">The organization the accounts are (or were) in.</param>
/// <param name="AccountIds">The accounts whose effective backup policy may differ now, each once, sorted.</param>
/// <param name="Reason">What changed.</param>
/// <param name="At">When the change committed (the markers' <see cref="PendingBackupPolicyChange.ChangedAt"/>).</param>
public sealed record BackupPolicyAccountsChanged(string OrganizationId, IReadOnlyList<string> AccountIds, BackupPolicyChangeReason Reason, DateTimeOffset At);
