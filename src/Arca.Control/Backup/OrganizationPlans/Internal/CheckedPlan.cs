namespace Arca.Control.Backup.OrganizationPlans.Internal;

/// <summary>A <see cref="DesiredPlan"/> with what was missing for it when it was checked.</summary>
internal sealed record CheckedPlan(DesiredPlan Plan, IReadOnlyList<OrganizationPlanFinding> Findings);
