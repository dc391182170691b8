using Arca.Control.Iam;
using Arca.Control.Identity;
using Arca.Control.Metadata;
using Arca.Control.Organizations.Internal;
using Arca.Domain.Organizations.BackupPolicies;

namespace Arca.Control.Organizations;

/// <summary>
/// Effective backup policies: DescribeEffectivePolicy (AWS), the provenance view (Arca's extension), and the unauthorized read
/// the materializer uses. The levels root → OUs → account come from the stored tree, each with its policies in attachment
/// order, and go through <see cref="EffectiveBackupPolicyCalculator.Compute"/>.
/// </summary>
/// <remarks>Thread-safe; reads only. Errors are <see cref="Errors.AwsServiceException"/>s (<see cref="OrganizationPolicyErrors"/>).</remarks>
public sealed class BackupPolicyService(IMetadataStore store, Authorizer authorizer)
{
    private readonly OrganizationAccess _access = new(store, authorizer);

    /// <summary>
    /// The effective policy of an account (default: the caller's). Any account may ask for itself; the management account and
    /// delegated administrators for any account of the organization. A root or OU target is not supported, as in AWS.
    /// </summary>
    /// <exception cref="Errors.AwsServiceException"><c>EffectivePolicyNotFoundException</c> while the type is not enabled or no
    /// policy contributes anything; <c>TargetNotFoundException</c>; <c>InvalidInputException</c> for a root or OU.</exception>
    public async Task<EffectivePolicyDescription> DescribeEffectivePolicyAsync(
        CallerIdentity caller, string? policyType, string? targetId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        string type = EffectiveType(policyType);
        string target = targetId is null ? caller.AccountId : PolicyValidation.TargetId(targetId);
        if (!OrganizationIds.AccountId().IsMatch(target))
        {
            throw OrganizationErrors.InvalidInput(
                $"TargetId {target} is a root or OU: specifying an organization root or organizational unit (OU) as the target is not supported (TARGET_NOT_SUPPORTED).");
        }

        OrganizationRecord organization = await _access.RequireAsync(caller, "DescribeEffectivePolicy",
            target == caller.AccountId ? CallerAccess.Member : CallerAccess.ManagementOrDelegatedAdministrator,
            o => OrganizationArns.Account(o.ManagementAccountId, o.Id, target), cancellationToken).ConfigureAwait(false);
        if (type != OrganizationPolicyTypes.BackupPolicy)
        {
            throw NotFound($"The policy type {type} is not enabled in this organization, so {target} has no effective policy of that type.");
        }

        AccountBackupPolicy? effective = await store.TransactAsync(async tx =>
        {
            MemberRecord member = await OrganizationTree.FindMemberAsync(tx, organization, target).ConfigureAwait(false)
                ?? throw OrganizationPolicyErrors.TargetNotFound(target);
            return await ComputeAsync(tx, member).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        return effective is null || effective.Policy.IsEmpty
            ? throw NotFound($"No effective policy of type {type} exists for the account {target}: backup policies are not enabled, or none attached to it or above it sets anything.")
            : new EffectivePolicyDescription(effective.Policy.ToJson(), effective.LastUpdated, target, type);
    }

    /// <summary>
    /// The effective backup policy of an account, OU or root with the policy and target that supplied every value, and what was
    /// ignored. The management account and delegated administrators may ask; the caller's identity needs
    /// <c>organizations:DescribeEffectivePolicyProvenance</c> (an Arca action: <c>organizations:Describe*</c> grants it).
    /// </summary>
    /// <exception cref="Errors.AwsServiceException"><c>EffectivePolicyNotFoundException</c> while the type is not enabled or no backup
    /// policy is attached on the path; <c>TargetNotFoundException</c>.</exception>
    public async Task<EffectiveBackupPolicyReport> DescribeProvenanceAsync(CallerIdentity caller, string? targetId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        string target = PolicyValidation.TargetId(targetId);
        OrganizationRecord organization = await _access.RequireAsync(caller, "DescribeEffectivePolicyProvenance",
            CallerAccess.ManagementOrDelegatedAdministrator, o => PolicyReads.TargetArn(o, target), cancellationToken).ConfigureAwait(false);
        return await store.TransactAsync(async tx =>
        {
            OrganizationRecord current = await OrganizationCollections.Organizations.GetAsync(tx, organization.Id).ConfigureAwait(false)
                ?? throw OrganizationErrors.NotInUse();
            PolicyTarget found = await PolicyReads.RequireTargetAsync(tx, current, target).ConfigureAwait(false);
            IReadOnlyList<string> path = found.Type switch
            {
                PolicyTargetType.Root => [target],
                PolicyTargetType.OrganizationalUnit => PolicyLevels.PathOf((await OrganizationTree.FindUnitAsync(tx, current, target).ConfigureAwait(false))!.Path),
                _ => PolicyLevels.PathOfAccount((await OrganizationTree.FindMemberAsync(tx, current, target).ConfigureAwait(false))!.ParentPath, target),
            };
            PolicyLevels levels = await PolicyLevels.ReadAsync(tx, current, path).ConfigureAwait(false);
            if (!BackupPolicyChanges.IsEnabled(current) || levels.AttachedCount == 0)
            {
                throw NotFound($"No backup policy applies to {target}: backup policies are not enabled, or none is attached to it or above it.");
            }

            DateTimeOffset lastUpdated = found.Type == PolicyTargetType.Account
                ? await LastChangeAsync(tx, current.Id, target).ConfigureAwait(false) ?? levels.LatestInput!.Value
                : levels.LatestInput!.Value;
            return new EffectiveBackupPolicyReport(target, found.Type, EffectiveBackupPolicyCalculator.Compute(levels.Levels), lastUpdated, levels.Levels);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The effective backup policy of <paramref name="accountId"/>, without authorization (for the materializer); null when no
    /// backup policy applies: the account is in no organization, backup policies are not enabled, or none is attached on its path.
    /// </summary>
    public Task<AccountBackupPolicy?> GetAccountPolicyAsync(string accountId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        return store.TransactAsync(async tx => await OrganizationCollections.Members.GetAsync(tx, accountId).ConfigureAwait(false) is { } member
            ? await ComputeAsync(tx, member).ConfigureAwait(false)
            : null, cancellationToken);
    }

    private static async Task<AccountBackupPolicy?> ComputeAsync(IMetadataTransaction tx, MemberRecord member)
    {
        OrganizationRecord? organization = await OrganizationCollections.Organizations.GetAsync(tx, member.OrganizationId).ConfigureAwait(false);
        if (organization is null || !BackupPolicyChanges.IsEnabled(organization))
        {
            return null;
        }

        PolicyLevels levels = await PolicyLevels.ReadAsync(tx, organization, PolicyLevels.PathOfAccount(member.ParentPath, member.AccountId)).ConfigureAwait(false);
        if (levels.AttachedCount == 0)
        {
            return null;
        }

        DateTimeOffset lastUpdated = await LastChangeAsync(tx, organization.Id, member.AccountId).ConfigureAwait(false) ?? levels.LatestInput!.Value;
        return new AccountBackupPolicy(organization.Id, member.AccountId, EffectiveBackupPolicyCalculator.Compute(levels.Levels), lastUpdated);
    }

    /// <summary>When the account's effective backup policy last changed in this organization, as the change feed recorded it.</summary>
    private static async Task<DateTimeOffset?> LastChangeAsync(IMetadataTransaction tx, string organizationId, string accountId)
    {
        BackupPolicyChangeRecord? change = await PolicyCollections.BackupPolicyChanges.GetAsync(tx, accountId).ConfigureAwait(false);
        return change?.OrganizationId == organizationId ? change.ChangedAt : null;
    }

    /// <summary>A type DescribeEffectivePolicy accepts: the model's types without the authorization policies (SCPs, RCPs).</summary>
    private static string EffectiveType(string? value)
    {
        string type = PolicyValidation.Type(value, "PolicyType");
        return type is OrganizationPolicyTypes.ServiceControlPolicy or "RESOURCE_CONTROL_POLICY"
            ? throw OrganizationErrors.InvalidInput($"PolicyType {type} has no effective policy: DescribeEffectivePolicy applies to management policies only (INVALID_ENUM_POLICY_TYPE).")
            : type;
    }

    private static Errors.AwsServiceException NotFound(string message) => OrganizationPolicyErrors.EffectivePolicyNotFound(message);
}
