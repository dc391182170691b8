using Arca.Control.Identity;
using Arca.Control.Identity.Internal;
using Arca.Control.Metadata;

namespace Arca.Control.Organizations.Internal;

/// <summary>Reads of policies and policy targets inside a transaction, and the mapping of records to the public types.</summary>
internal static class PolicyReads
{
    /// <summary>The policy <paramref name="policyId"/> when it belongs to the organization, or null.</summary>
    public static async Task<PolicyRecord?> FindPolicyAsync(IMetadataTransaction tx, OrganizationRecord organization, string policyId)
    {
        PolicyRecord? policy = await PolicyCollections.Policies.GetAsync(tx, policyId).ConfigureAwait(false);
        return policy?.OrganizationId == organization.Id ? policy : null;
    }

    /// <summary>The policy, or <c>PolicyNotFoundException</c>.</summary>
    public static async Task<PolicyRecord> RequirePolicyAsync(IMetadataTransaction tx, OrganizationRecord organization, string policyId) =>
        await FindPolicyAsync(tx, organization, policyId).ConfigureAwait(false) ?? throw OrganizationPolicyErrors.PolicyNotFound(policyId);

    /// <summary>The root, OU or account <paramref name="targetId"/> of the organization, or null.</summary>
    public static async Task<PolicyTarget?> FindTargetAsync(IMetadataTransaction tx, OrganizationRecord organization, string targetId)
    {
        if (OrganizationIds.IsRoot(targetId))
        {
            return targetId == organization.RootId ? new PolicyTarget(targetId,
                OrganizationArns.Root(organization.ManagementAccountId, organization.Id, targetId), organization.RootName, PolicyTargetType.Root) : null;
        }

        if (OrganizationIds.AccountId().IsMatch(targetId))
        {
            if (await OrganizationTree.FindMemberAsync(tx, organization, targetId).ConfigureAwait(false) is null)
            {
                return null;
            }

            Account? account = await IdentityCollections.Accounts.GetAsync(tx, targetId).ConfigureAwait(false);
            return new PolicyTarget(targetId, OrganizationArns.Account(organization.ManagementAccountId, organization.Id, targetId),
                account?.Name ?? targetId, PolicyTargetType.Account);
        }

        OrganizationalUnitRecord? unit = await OrganizationTree.FindUnitAsync(tx, organization, targetId).ConfigureAwait(false);
        return unit is null ? null : new PolicyTarget(targetId, OrganizationArns.OrganizationalUnit(organization.ManagementAccountId, organization.Id, targetId),
            unit.Name, PolicyTargetType.OrganizationalUnit);
    }

    /// <summary>The target, or <c>TargetNotFoundException</c>.</summary>
    public static async Task<PolicyTarget> RequireTargetAsync(IMetadataTransaction tx, OrganizationRecord organization, string targetId) =>
        await FindTargetAsync(tx, organization, targetId).ConfigureAwait(false) ?? throw OrganizationPolicyErrors.TargetNotFound(targetId);

    /// <summary>The ARN of a target, for authorization (whether it exists or not).</summary>
    public static string TargetArn(OrganizationRecord organization, string targetId) => OrganizationIds.AccountId().IsMatch(targetId)
        ? OrganizationArns.Account(organization.ManagementAccountId, organization.Id, targetId)
        : OrganizationTree.ParentArn(organization, targetId);

    public static string PolicyArn(OrganizationRecord organization, string policyId) =>
        OrganizationArns.Policy(organization.ManagementAccountId, organization.Id, OrganizationPolicyTypes.BackupPolicy, policyId);

    public static OrganizationPolicySummary ToSummary(OrganizationRecord organization, PolicyRecord policy) =>
        new(policy.Id, OrganizationArns.Policy(organization.ManagementAccountId, organization.Id, policy.Type, policy.Id), policy.Name, policy.Description,
            policy.Type, AwsManaged: false);

    public static OrganizationPolicy ToPolicy(OrganizationRecord organization, PolicyRecord policy) => new(ToSummary(organization, policy), policy.Content);
}
