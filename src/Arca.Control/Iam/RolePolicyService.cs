using Arca.Control.Iam.Internal;
using Arca.Control.Identity;
using Arca.Control.Metadata;
using Arca.Domain.Iam;

namespace Arca.Control.Iam;

/// <summary>
/// Inline policies of roles: PutRolePolicy, GetRolePolicy, ListRolePolicies, DeleteRolePolicy. A session's
/// permissions are its role's inline policies (<see cref="Authorizer"/>).
/// </summary>
/// <remarks>Thread-safe. Errors are <see cref="Errors.AwsServiceException"/>s with IAM's codes (<see cref="IamErrors"/>).</remarks>
public sealed class RolePolicyService(IMetadataStore store, RoleService roles, PageTokens tokens)
{
    /// <exception cref="Errors.AwsServiceException"><c>MalformedPolicyDocument</c> with the parser's message;
    /// <c>LimitExceeded</c> when the role's inline policies together pass 10,240 characters (white space not counted).</exception>
    public async Task PutRolePolicyAsync(
        CallerIdentity caller, string? roleName, string? policyName, string? policyDocument, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        string role = IamValidation.RoleName(roleName);
        string name = IamValidation.PolicyName(policyName);
        string document = IamValidation.PolicyText(policyDocument, "policyDocument");
        IamValidation.ParsePolicy(document, PolicyKind.Identity);
        await roles.AuthorizeOnRoleAsync(caller, "iam:PutRolePolicy", role, cancellationToken).ConfigureAwait(false);
        await store.TransactAsync(async tx =>
        {
            Role existing = await RoleService.RequireRoleAsync(tx, caller.AccountId, role).ConfigureAwait(false);
            IReadOnlyList<RolePolicy> others = await IamCollections.RolePolicies.ListAsync(
                tx, new DocumentQuery { KeyPrefix = IamCollections.PolicyPrefix(caller.AccountId, role) }).ConfigureAwait(false);
            int total = others.Where(p => p.PolicyName != name).Sum(p => IamValidation.SizeWithoutWhitespace(p.PolicyDocument))
                + IamValidation.SizeWithoutWhitespace(document);
            if (total > IamValidation.MaxInlinePolicySizePerRole)
            {
                throw IamErrors.LimitExceeded(
                    $"Maximum policy size of {IamValidation.MaxInlinePolicySizePerRole} bytes exceeded for role {existing.RoleName}");
            }

            return await IamCollections.RolePolicies.PutAsync(tx, new RolePolicy(caller.AccountId, existing.RoleName, name, document))
                .ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<RolePolicy> GetRolePolicyAsync(
        CallerIdentity caller, string? roleName, string? policyName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        string role = IamValidation.RoleName(roleName);
        string name = IamValidation.PolicyName(policyName);
        await roles.AuthorizeOnRoleAsync(caller, "iam:GetRolePolicy", role, cancellationToken).ConfigureAwait(false);
        return await store.TransactAsync(async tx =>
        {
            await RoleService.RequireRoleAsync(tx, caller.AccountId, role).ConfigureAwait(false);
            return await IamCollections.RolePolicies.GetAsync(tx, IamCollections.PolicyKey(caller.AccountId, role, name)).ConfigureAwait(false)
                ?? throw IamErrors.NoSuchEntity($"The role policy with name {name} cannot be found.");
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The names of the role's inline policies, in name order, one page at a time.</summary>
    public async Task<ListRolePoliciesResult> ListRolePoliciesAsync(
        CallerIdentity caller, string? roleName, string? marker, int? maxItems, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        string role = IamValidation.RoleName(roleName);
        int limit = IamValidation.MaxItems(maxItems);
        string scope = $"iam-role-policies:{IamCollections.RoleKey(caller.AccountId, role)}";
        string? after = Markers.Decode(tokens, scope, marker);
        await roles.AuthorizeOnRoleAsync(caller, "iam:ListRolePolicies", role, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<RolePolicy> found = await store.TransactAsync(async tx =>
        {
            await RoleService.RequireRoleAsync(tx, caller.AccountId, role).ConfigureAwait(false);
            return await IamCollections.RolePolicies.ListAsync(tx, new DocumentQuery
            {
                KeyPrefix = IamCollections.PolicyPrefix(caller.AccountId, role),
                AfterKey = after,
                Limit = limit + 1,
            }).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        bool truncated = found.Count > limit;
        IReadOnlyList<RolePolicy> page = truncated ? [.. found.Take(limit)] : found;
        return new ListRolePoliciesResult(
            [.. page.Select(p => p.PolicyName)], truncated, truncated ? tokens.Encode(scope, IamCollections.RolePolicies.KeyOf(page[^1])) : null);
    }

    public async Task DeleteRolePolicyAsync(
        CallerIdentity caller, string? roleName, string? policyName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        string role = IamValidation.RoleName(roleName);
        string name = IamValidation.PolicyName(policyName);
        await roles.AuthorizeOnRoleAsync(caller, "iam:DeleteRolePolicy", role, cancellationToken).ConfigureAwait(false);
        await store.TransactAsync(async tx =>
        {
            await RoleService.RequireRoleAsync(tx, caller.AccountId, role).ConfigureAwait(false);
            return await IamCollections.RolePolicies.DeleteAsync(tx, IamCollections.PolicyKey(caller.AccountId, role, name)).ConfigureAwait(false)
                ? true
                : throw IamErrors.NoSuchEntity($"The role policy with name {name} cannot be found.");
        }, cancellationToken).ConfigureAwait(false);
    }
}
