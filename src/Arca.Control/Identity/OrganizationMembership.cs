using Arca.Domain.Iam;

namespace Arca.Control.Identity;

/// <summary>An account's place in an organization, as authorization needs it.</summary>
/// <param name="OrganizationId">The organization id, <c>o-…</c> (<c>aws:PrincipalOrgID</c>).</param>
/// <param name="ManagementAccountId">The organization's management account.</param>
/// <param name="OrganizationPaths">The account's paths, <c>o-…/r-…/ou-…/</c> (<c>aws:PrincipalOrgPaths</c>).</param>
public sealed record OrganizationMembership(string OrganizationId, string ManagementAccountId, IReadOnlyList<string> OrganizationPaths)
{
    /// <summary>
    /// Service control policies that apply to the account, one list per level (root, each OU down the path,
    /// the account). Empty when SCPs are not enabled; ignored for the management account.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<NamedPolicy>> ServiceControlPolicies { get; init; } = [];
}
