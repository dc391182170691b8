namespace Arca.Control.Identity;

/// <summary>
/// The authenticated principal of a request (docs/design/server.md §4). Organization fields are
/// filled when the caller's account belongs to an organization; they feed aws:PrincipalOrgID and
/// aws:PrincipalOrgPaths.
/// </summary>
public sealed record CallerIdentity
{
    public required string AccountId { get; init; }

    /// <summary><c>arn:aws:iam::ACCT:root</c> or <c>arn:aws:sts::ACCT:assumed-role/ROLE/SESSION</c>.</summary>
    public required string PrincipalArn { get; init; }

    public required PrincipalKind Kind { get; init; }

    /// <summary>The assumed role's ARN (with its path), for sessions.</summary>
    public string? RoleArn { get; init; }

    /// <summary>The assumed role's unique id (<c>AROA…</c>), for sessions: a session outlives neither its role nor a role recreated under the same name.</summary>
    public string? RoleId { get; init; }

    public string? SessionName { get; init; }

    /// <summary>The access key the request was signed with.</summary>
    public required string AccessKeyId { get; init; }

    /// <summary>The region of the request's SigV4 scope.</summary>
    public required string Region { get; init; }

    public string? OrganizationId { get; init; }

    /// <summary>Org paths of the caller's account, e.g. <c>o-abc/r-ab12/ou-ab12-11111111/</c>.</summary>
    public IReadOnlyList<string> OrganizationPaths { get; init; } = [];
}
