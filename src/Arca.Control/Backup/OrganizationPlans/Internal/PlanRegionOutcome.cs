namespace Arca.Control.Backup.OrganizationPlans.Internal;

/// <summary>One effective plan in one region it lists (<see cref="Region"/> null: a plan that lists none), and what became of it.</summary>
internal sealed record PlanRegionOutcome(string PolicyPlanName, string BackupPlanId, string? Region, PlanOutcome Outcome, IReadOnlyList<string> Problems);
