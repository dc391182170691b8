namespace Arca.Control.Backup.OrganizationPlans.Internal;

/// <summary>
/// Where an organization-managed plan comes from and what is missing for it to run, stored on its plan document
/// (<c>Organization</c>; docs/design/backup-service.md §10). Written by <see cref="OrganizationPlanMaterializer"/> only.
/// </summary>
internal sealed record OrganizationPlanOrigin
{
    /// <summary>The organization whose backup policy the plan comes from.</summary>
    public required string OrganizationId { get; init; }

    /// <summary>Its management account: its resource opt-in governs the plan's selections (reference §2.1).</summary>
    public required string ManagementAccountId { get; init; }

    /// <summary>The plan's key in the effective policy, as spelled there.</summary>
    public required string PolicyPlanName { get; init; }

    /// <summary>What was missing at <see cref="FindingsCheckedAt"/>; empty when the plan can run as intended.</summary>
    public IReadOnlyList<OrganizationPlanFinding> Findings { get; init; } = [];

    /// <summary>When vaults, copy destinations and roles were last checked.</summary>
    public required DateTimeOffset FindingsCheckedAt { get; init; }
}
