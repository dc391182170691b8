using System.Text.Json.Serialization;

namespace Arca.Control.Backup.OrganizationPlans;

/// <summary>
/// What keeps an organization-managed backup plan from running as its policy intends. AWS does not check any of these (a
/// missing vault or role only shows as failed jobs); Arca reports them on the plan and in <c>arca organizations
/// backup-plan-status</c>. Stored by name: a name, once used, keeps its meaning.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<OrganizationPlanFindingKind>))]
public enum OrganizationPlanFindingKind
{
    /// <summary>A rule's <c>target_backup_vault_name</c> does not exist in the plan's account and region.</summary>
    TargetVaultMissing,

    /// <summary>A copy action's destination vault does not exist in its account and region (a region this server serves).</summary>
    CopyDestinationMissing,

    /// <summary>A selection's <c>iam_role_arn</c> names no role of the plan's account (or a role of another account).</summary>
    RoleMissing,

    /// <summary>The plan lists a region, or a copy action names a region, that this server does not serve.</summary>
    RegionNotServed,

    /// <summary>The effective plan is incomplete or not a valid backup plan, so it is not materialized (it backs up nothing).</summary>
    InvalidPlan,
}
