namespace Arca.Domain.Iam;

/// <summary>The inputs of <see cref="PolicyAuthorizer.Authorize"/>.</summary>
public sealed record AuthorizationRequest
{
    /// <summary>The request: principal, action, resource, condition keys.</summary>
    public required RequestContext Context { get; init; }

    /// <summary>
    /// The caller's identity-based policies (a role's or session's inline policies), all of
    /// <see cref="PolicyKind.Identity"/>. Empty for account roots (whose permissions are implicit) and services.
    /// </summary>
    public IReadOnlyList<NamedPolicy> IdentityPolicies { get; init; } = [];

    /// <summary>
    /// The resource's policy (vault access policy, key policy, role trust policy), of
    /// <see cref="PolicyKind.Resource"/> or <see cref="PolicyKind.RoleTrust"/>; null when the resource has none.
    /// </summary>
    public NamedPolicy? ResourcePolicy { get; init; }

    /// <summary>Standard IAM combination, or KMS's key-policy rule.</summary>
    public AuthorizationMode Mode { get; init; } = AuthorizationMode.Standard;

    /// <summary>
    /// Service control policies that apply to the caller's account, one list per level of the organization
    /// (root, each OU down the path, the account), each of <see cref="PolicyKind.Identity"/>. Every level must
    /// allow the action and any Deny wins. Leave empty outside an organization and for the management account;
    /// ignored for service principals.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<NamedPolicy>> ServiceControlPolicies { get; init; } = [];
}
