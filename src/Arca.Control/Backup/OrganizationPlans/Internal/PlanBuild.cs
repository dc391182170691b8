namespace Arca.Control.Backup.OrganizationPlans.Internal;

/// <summary>What <see cref="OrganizationPlanBuilder"/> made of one effective plan for one account and region: the plan, or why not.</summary>
internal sealed record PlanBuild(DesiredPlan? Plan, IReadOnlyList<string> Problems);
