namespace Arca.Control.Organizations.Internal;

/// <summary>
/// Persisted membership of an account: everything <see cref="OrganizationMembershipReader"/> needs in one
/// document (organization, management account, path), so that authentication reads it once per request.
/// </summary>
internal sealed record MemberRecord
{
    public required string AccountId { get; init; }

    public required string OrganizationId { get; init; }

    public required string ManagementAccountId { get; init; }

    /// <summary>The root or OU the account is in.</summary>
    public required string ParentId { get; init; }

    /// <summary>The parent's path, <c>o-…/r-…/ou-…/</c> (<c>aws:PrincipalOrgPaths</c>).</summary>
    public required string ParentPath { get; init; }

    public required AccountJoinedMethod JoinedMethod { get; init; }

    public required DateTimeOffset JoinedAt { get; init; }

    public IReadOnlyList<OrganizationTag> Tags { get; init; } = [];
}
