namespace Arca.Control.Backup.OrganizationPlans.Internal;

/// <summary>The organization an account's organization-managed plans come from, and its management account.</summary>
internal sealed record PlanOwner(string OrganizationId, string ManagementAccountId);
