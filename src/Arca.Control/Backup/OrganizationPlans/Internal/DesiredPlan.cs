using Arca.Domain.Plans;

namespace Arca.Control.Backup.OrganizationPlans.Internal;

/// <summary>An organization-managed plan as it must be in one account and region: what the materializer writes.</summary>
/// <param name="BackupPlanId">Its name-based id (<see cref="OrganizationPlanIds.Plan"/>).</param>
/// <param name="PolicyPlanName">Its key in the effective policy.</param>
/// <param name="Plan">The plan with defaults and name-based RuleIds filled in, as GetBackupPlan shows it.</param>
/// <param name="Tags">From <c>backup_plan_tags</c>.</param>
/// <param name="Selections">From <c>selections</c>, each with its name-based id.</param>
internal sealed record DesiredPlan(
    string BackupPlanId, string PolicyPlanName, BackupPlanInput Plan, IReadOnlyDictionary<string, string> Tags, IReadOnlyList<DesiredSelection> Selections);
