namespace Arca.Control.Organizations;

/// <summary>What an organization can do: everything (policies included), or consolidated billing only.</summary>
public enum OrganizationFeatureSet
{
    /// <summary><c>ALL</c>: every feature, policies included (the default).</summary>
    All,

    /// <summary><c>CONSOLIDATED_BILLING</c>: no organization policies.</summary>
    ConsolidatedBilling,
}
