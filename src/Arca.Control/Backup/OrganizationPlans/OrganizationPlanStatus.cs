namespace Arca.Control.Backup.OrganizationPlans;

/// <summary>One plan of an account's effective backup policy in one region it lists (<c>arca organizations backup-plan-status</c>).</summary>
/// <param name="AccountId">The member account.</param>
/// <param name="Region">The region; null for an invalid plan that lists none.</param>
/// <param name="BackupPlanName">The plan's name in the policy (and of the backup plan).</param>
/// <param name="BackupPlanId">The organization-managed plan's id (<c>orgs/…</c>), the same in every account and region.</param>
/// <param name="VersionId">The materialized plan's current version, or null when it is not materialized there.</param>
/// <param name="State">Current, incomplete or pending.</param>
/// <param name="Findings">What is missing; empty when current.</param>
/// <param name="CheckedAt">When the findings were checked, or null when the plan is not materialized there.</param>
public sealed record OrganizationPlanStatus(
    string AccountId,
    string? Region,
    string BackupPlanName,
    string BackupPlanId,
    string? VersionId,
    OrganizationPlanState State,
    IReadOnlyList<OrganizationPlanFinding> Findings,
    DateTimeOffset? CheckedAt);
