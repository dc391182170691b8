namespace Arca.Control.Organizations;

/// <summary>
/// ARNs of Organizations resources (aws-api.md §4.1). Organizations is global: no region; the account part is the
/// management account.
/// </summary>
public static class OrganizationArns
{
    public static string Organization(string managementAccountId, string organizationId) =>
        $"arn:aws:organizations::{managementAccountId}:organization/{organizationId}";

    public static string Root(string managementAccountId, string organizationId, string rootId) =>
        $"arn:aws:organizations::{managementAccountId}:root/{organizationId}/{rootId}";

    public static string OrganizationalUnit(string managementAccountId, string organizationId, string ouId) =>
        $"arn:aws:organizations::{managementAccountId}:ou/{organizationId}/{ouId}";

    public static string Account(string managementAccountId, string organizationId, string accountId) =>
        $"arn:aws:organizations::{managementAccountId}:account/{organizationId}/{accountId}";

    /// <summary><c>arn:aws:organizations::MGMT:policy/o-…/backup_policy/p-…</c>: the type in lower case.</summary>
    public static string Policy(string managementAccountId, string organizationId, string policyType, string policyId) =>
        $"arn:aws:organizations::{managementAccountId}:policy/{organizationId}/{policyType.ToLowerInvariant()}/{policyId}";
}
