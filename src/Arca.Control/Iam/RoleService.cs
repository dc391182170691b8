using Arca.Control.Iam.Internal;
using Arca.Control.Identity;
using Arca.Control.Metadata;
using Arca.Domain.Arns;
using Arca.Domain.Iam;

namespace Arca.Control.Iam;

/// <summary>
/// IAM roles: CreateRole, GetRole, ListRoles, DeleteRole, UpdateAssumeRolePolicy, UpdateRole, UpdateRoleDescription, with IAM's validation,
/// errors and limits. Every operation is authorized for the caller in its own account.
/// </summary>
/// <remarks>Thread-safe. Errors are <see cref="Errors.AwsServiceException"/>s with IAM's codes (<see cref="IamErrors"/>).</remarks>
public sealed class RoleService(IMetadataStore store, Authorizer authorizer, PageTokens tokens, TimeProvider time)
{
    /// <summary>Roles per account, IAM's default quota.</summary>
    public const int MaxRolesPerAccount = 1000;

    public async Task<Role> CreateRoleAsync(CallerIdentity caller, CreateRoleRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        string name = IamValidation.RoleName(request.RoleName);
        string path = request.Path is null ? "/" : IamValidation.Path(request.Path, "path");
        string trust = ValidTrustPolicy(request.AssumeRolePolicyDocument);
        string? description = IamValidation.Description(request.Description);
        int maxSession = IamValidation.MaxSessionDuration(request.MaxSessionDuration);
        IReadOnlyList<RoleTag> tags = IamValidation.Tags(request.Tags);
        string arn = Arn.Role(caller.AccountId, name, path).ToString();
        await authorizer.AuthorizeAsync(caller, "iam:CreateRole", arn, cancellationToken: cancellationToken).ConfigureAwait(false);

        var role = new Role
        {
            AccountId = caller.AccountId,
            RoleName = name,
            Path = path,
            RoleId = Identity.Internal.CredentialGenerator.RoleId(),
            Arn = arn,
            AssumeRolePolicyDocument = trust,
            Description = description,
            MaxSessionDuration = maxSession,
            CreateDate = time.GetUtcNow(),
            Tags = tags,
        };
        return await store.TransactAsync(async tx =>
        {
            IReadOnlyList<StoredDocument> existing = await tx.ListAsync(
                IamCollections.Roles.Name, new DocumentQuery { I1 = caller.AccountId, Limit = MaxRolesPerAccount }).ConfigureAwait(false);
            if (existing.Count >= MaxRolesPerAccount)
            {
                throw IamErrors.LimitExceeded($"Cannot exceed quota for RolesPerAccount: {MaxRolesPerAccount}");
            }

            return await IamCollections.Roles.InsertAsync(tx, role).ConfigureAwait(false)
                ? role
                : throw IamErrors.EntityAlreadyExists($"Role with name {name} already exists.");
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Role> GetRoleAsync(CallerIdentity caller, string? roleName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        string name = IamValidation.RoleName(roleName);
        await AuthorizeOnRoleAsync(caller, "iam:GetRole", name, cancellationToken).ConfigureAwait(false);
        return await store.TransactAsync(tx => RequireRoleAsync(tx, caller.AccountId, name), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Roles of the caller's account whose path starts with <paramref name="pathPrefix"/>, by name, one page at a time.</summary>
    public async Task<ListRolesResult> ListRolesAsync(
        CallerIdentity caller, string? pathPrefix, string? marker, int? maxItems, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        string prefix = pathPrefix is null ? "/" : IamValidation.PathPrefix(pathPrefix);
        int limit = IamValidation.MaxItems(maxItems);
        string scope = $"iam-roles:{caller.AccountId}:{prefix}";
        string? after = Markers.Decode(tokens, scope, marker);
        await authorizer.AuthorizeAsync(caller, "iam:ListRoles", $"arn:aws:iam::{caller.AccountId}:role{prefix}*", cancellationToken: cancellationToken)
            .ConfigureAwait(false);

        IReadOnlyList<Role> roles = await store.TransactAsync(
            tx => IamCollections.Roles.ListAsync(tx, new DocumentQuery { I1 = caller.AccountId, AfterKey = after }), cancellationToken).ConfigureAwait(false);
        List<Role> matching = [.. roles.Where(r => r.Path.StartsWith(prefix, StringComparison.Ordinal)).Take(limit + 1)];
        bool truncated = matching.Count > limit;
        List<Role> page = truncated ? matching[..limit] : matching;
        return new ListRolesResult(page, truncated, truncated ? tokens.Encode(scope, IamCollections.Roles.KeyOf(page[^1])) : null);
    }

    /// <exception cref="Errors.AwsServiceException"><c>DeleteConflict</c> while the role has inline policies.</exception>
    public async Task DeleteRoleAsync(CallerIdentity caller, string? roleName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        string name = IamValidation.RoleName(roleName);
        await AuthorizeOnRoleAsync(caller, "iam:DeleteRole", name, cancellationToken).ConfigureAwait(false);
        await store.TransactAsync(async tx =>
        {
            await RequireRoleAsync(tx, caller.AccountId, name).ConfigureAwait(false);
            IReadOnlyList<StoredDocument> policies = await tx.ListAsync(
                IamCollections.RolePolicies.Name, new DocumentQuery { KeyPrefix = IamCollections.PolicyPrefix(caller.AccountId, name), Limit = 1 })
                .ConfigureAwait(false);
            if (policies.Count > 0)
            {
                throw IamErrors.DeleteConflict("Cannot delete entity, must delete policies first.");
            }

            return await IamCollections.Roles.DeleteAsync(tx, IamCollections.RoleKey(caller.AccountId, name)).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task UpdateAssumeRolePolicyAsync(
        CallerIdentity caller, string? roleName, string? policyDocument, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        string name = IamValidation.RoleName(roleName);
        string trust = ValidTrustPolicy(policyDocument, "policyDocument");
        await AuthorizeOnRoleAsync(caller, "iam:UpdateAssumeRolePolicy", name, cancellationToken).ConfigureAwait(false);
        await store.TransactAsync(async tx =>
        {
            Role role = await RequireRoleAsync(tx, caller.AccountId, name).ConfigureAwait(false);
            return await IamCollections.Roles.PutAsync(tx, role with { AssumeRolePolicyDocument = trust }).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// UpdateRole: sets the description and/or the maximum session duration. A setting the request leaves out keeps its
    /// value; an empty description removes it.
    /// </summary>
    public async Task UpdateRoleAsync(
        CallerIdentity caller, string? roleName, string? description, int? maxSessionDuration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        string name = IamValidation.RoleName(roleName);
        string? newDescription = IamValidation.Description(description);
        int? maxSession = maxSessionDuration is null ? null : IamValidation.MaxSessionDuration(maxSessionDuration);
        await AuthorizeOnRoleAsync(caller, "iam:UpdateRole", name, cancellationToken).ConfigureAwait(false);
        await store.TransactAsync(async tx =>
        {
            Role role = await RequireRoleAsync(tx, caller.AccountId, name).ConfigureAwait(false);
            return await IamCollections.Roles.PutAsync(tx, role with
            {
                Description = newDescription is null ? role.Description : NullIfEmpty(newDescription),
                MaxSessionDuration = maxSession ?? role.MaxSessionDuration,
            }).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>UpdateRoleDescription: replaces the description (an empty one removes it); returns the updated role.</summary>
    public async Task<Role> UpdateRoleDescriptionAsync(CallerIdentity caller, string? roleName, string? description, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        string name = IamValidation.RoleName(roleName);
        string newDescription = IamValidation.RequiredDescription(description);
        await AuthorizeOnRoleAsync(caller, "iam:UpdateRoleDescription", name, cancellationToken).ConfigureAwait(false);
        return await store.TransactAsync(async tx =>
        {
            Role role = await RequireRoleAsync(tx, caller.AccountId, name).ConfigureAwait(false);
            Role updated = role with { Description = NullIfEmpty(newDescription) };
            await IamCollections.Roles.PutAsync(tx, updated).ConfigureAwait(false);
            return updated;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The role <paramref name="roleName"/> of <paramref name="accountId"/>, or null; no authorization (for STS and the Backup service).</summary>
    public Task<Role?> FindRoleAsync(string accountId, string roleName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        ArgumentNullException.ThrowIfNull(roleName);
        return store.TransactAsync(tx => IamCollections.Roles.GetAsync(tx, IamCollections.RoleKey(accountId, roleName)), cancellationToken);
    }

    internal static async Task<Role> RequireRoleAsync(IMetadataTransaction tx, string accountId, string roleName) =>
        await IamCollections.Roles.GetAsync(tx, IamCollections.RoleKey(accountId, roleName)).ConfigureAwait(false)
        ?? throw IamErrors.NoSuchEntity($"The role with name {roleName} cannot be found.");

    /// <summary>Authorizes on the role's ARN: with its path when the role exists (policies may name paths), else with the default path.</summary>
    internal async Task AuthorizeOnRoleAsync(CallerIdentity caller, string action, string roleName, CancellationToken cancellationToken)
    {
        Role? role = await FindRoleAsync(caller.AccountId, roleName, cancellationToken).ConfigureAwait(false);
        string arn = role?.Arn ?? Arn.Role(caller.AccountId, roleName).ToString();
        await authorizer.AuthorizeAsync(caller, action, arn, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    private static string ValidTrustPolicy(string? text, string field = "assumeRolePolicyDocument")
    {
        string policy = IamValidation.PolicyText(text, field);
        IamValidation.ParsePolicy(policy, PolicyKind.RoleTrust);
        return IamValidation.SizeWithoutWhitespace(policy) > IamValidation.MaxTrustPolicySize
            ? throw IamErrors.LimitExceeded($"Cannot exceed quota for ACLSizePerRole: {IamValidation.MaxTrustPolicySize}")
            : policy;
    }
}
