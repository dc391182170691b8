namespace Arca.Control.Backup.OrganizationPlans;

/// <summary>One thing that keeps an organization-managed plan from running as its policy intends.</summary>
/// <param name="Kind">What is wrong.</param>
/// <param name="Detail">A sentence naming the rule, selection or region and the missing thing, for people.</param>
public sealed record OrganizationPlanFinding(OrganizationPlanFindingKind Kind, string Detail);
