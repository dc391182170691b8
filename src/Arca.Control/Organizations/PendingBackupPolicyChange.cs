namespace Arca.Control.Organizations;

/// <summary>
/// An account whose effective backup policy changed since it was last materialized, as <see cref="BackupPolicyChangeFeed"/>
/// lists it. Hand it back to <see cref="BackupPolicyChangeFeed.CompleteAsync"/> once the account's organization-managed plans
/// match <see cref="BackupPolicyService.GetAccountPolicyAsync"/>.
/// </summary>
/// <param name="AccountId">The account.</param>
/// <param name="OrganizationId">Its organization at the change (for a removal or a deleted organization, the one it left).</param>
/// <param name="Reason">The last change.</param>
/// <param name="ChangedAt">When the last change committed.</param>
/// <param name="Version">The store version of the marker: completing succeeds only while no newer change arrived.</param>
public sealed record PendingBackupPolicyChange(string AccountId, string OrganizationId, BackupPolicyChangeReason Reason, DateTimeOffset ChangedAt, long Version);
