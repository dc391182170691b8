namespace Arca.Control.Backup.OrganizationPlans;

/// <summary>Where one organization-managed plan stands in one account and region.</summary>
public enum OrganizationPlanState
{
    /// <summary>Materialized, and everything it needs exists.</summary>
    Current,

    /// <summary>Materialized with findings (a vault, copy destination or role missing), or not materialized (region not served, invalid plan).</summary>
    Incomplete,

    /// <summary>The account's effective policy changed and the change is not materialized yet; the rest shows the last materialization.</summary>
    Pending,
}
