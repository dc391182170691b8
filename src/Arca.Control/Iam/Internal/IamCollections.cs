using Arca.Control.Metadata;

namespace Arca.Control.Iam.Internal;

/// <summary>The IAM collections of the global store and what their keys and index fields mean.</summary>
internal static class IamCollections
{
    /// <summary><c>iam-roles</c>: key = <c>ACCOUNT/rolename</c> (lower case: names are unique regardless of case); i1 = account, i2 = path.</summary>
    public static readonly Collection<Role> Roles = new(
        "iam-roles", IamJson.Default.Role, r => RoleKey(r.AccountId, r.RoleName), r => new IndexFields(r.AccountId, r.Path));

    /// <summary><c>iam-role-policies</c>: key = <c>ACCOUNT/rolename/PolicyName</c>; i1 = account.</summary>
    public static readonly Collection<RolePolicy> RolePolicies = new(
        "iam-role-policies", IamJson.Default.RolePolicy, p => PolicyKey(p.AccountId, p.RoleName, p.PolicyName), p => new IndexFields(p.AccountId));

    public static string RoleKey(string accountId, string roleName) => $"{accountId}/{roleName.ToLowerInvariant()}";

    public static string PolicyPrefix(string accountId, string roleName) => RoleKey(accountId, roleName) + "/";

    public static string PolicyKey(string accountId, string roleName, string policyName) => PolicyPrefix(accountId, roleName) + policyName;
}
