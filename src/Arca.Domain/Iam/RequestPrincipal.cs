using Arca.Domain.Arns;

namespace Arca.Domain.Iam;

/// <summary>
/// The authenticated caller of a request. Build one with <see cref="AccountRoot"/>, <see cref="Role"/>,
/// <see cref="AssumedRole"/> or <see cref="Service"/>; the factories validate the ARNs.
/// </summary>
public sealed record RequestPrincipal
{
    private RequestPrincipal(PrincipalKind kind, string? arn, string? accountId, string? roleArn, string? serviceName)
    {
        Kind = kind;
        Arn = arn;
        AccountId = accountId;
        RoleArn = roleArn;
        ServiceName = serviceName;
    }

    /// <summary>The kind of principal.</summary>
    public PrincipalKind Kind { get; }

    /// <summary>The principal's own ARN (account root, role or assumed-role session); null for a service.</summary>
    public string? Arn { get; }

    /// <summary>The account the principal belongs to; null for a service.</summary>
    public string? AccountId { get; }

    /// <summary>The role ARN (with its path) of a role or of the role behind a session; otherwise null.</summary>
    public string? RoleArn { get; }

    /// <summary>The service principal name, such as <c>backup.amazonaws.com</c>; null for other kinds.</summary>
    public string? ServiceName { get; }

    /// <summary>
    /// The value of <c>aws:PrincipalArn</c>: the role ARN for roles and sessions (as AWS sets it), the root ARN
    /// for the account; null for a service.
    /// </summary>
    public string? PrincipalArn => RoleArn ?? Arn;

    /// <summary>The root principal of an account, <c>arn:aws:iam::ACCOUNT:root</c>.</summary>
    /// <exception cref="ArgumentException"><paramref name="accountId"/> is not twelve digits.</exception>
    public static RequestPrincipal AccountRoot(string accountId) =>
        new(PrincipalKind.AccountRoot, Arns.Arn.AccountRoot(accountId).ToString(), accountId, null, null);

    /// <summary>A role acting directly.</summary>
    /// <exception cref="ArgumentException"><paramref name="roleArn"/> is not a role ARN.</exception>
    public static RequestPrincipal Role(string roleArn)
    {
        Arn role = ParseRole(roleArn);
        return new(PrincipalKind.Role, roleArn, role.Account, roleArn, null);
    }

    /// <summary>
    /// A session of <paramref name="roleArn"/> named <paramref name="sessionName"/>; its ARN is
    /// <c>arn:aws:sts::ACCOUNT:assumed-role/RoleName/SessionName</c> (without the role's path).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="roleArn"/> is not a role ARN, or the session name is empty or has a <c>/</c>.</exception>
    public static RequestPrincipal AssumedRole(string roleArn, string sessionName)
    {
        Arn role = ParseRole(roleArn);
        string session = Arns.Arn.AssumedRole(role.Account, role.RoleName!, sessionName).ToString();
        return new(PrincipalKind.AssumedRole, session, role.Account, roleArn, null);
    }

    /// <summary>A service principal such as <c>backup.amazonaws.com</c>.</summary>
    public static RequestPrincipal Service(string servicePrincipal)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(servicePrincipal);
        return new(PrincipalKind.Service, null, null, null, servicePrincipal);
    }

    /// <inheritdoc/>
    public override string ToString() => Arn ?? ServiceName!;

    /// <summary>
    /// The identities a <c>Principal</c> element can name to match this caller, most specific first: the
    /// session, its role, then the account (flagged, because naming the account delegates to its identity
    /// policies rather than granting directly). The root's own ARN is not flagged: it is the caller itself.
    /// </summary>
    internal IEnumerable<(string Id, bool IsAccount)> IdentityChain()
    {
        if (Kind == PrincipalKind.Service)
        {
            yield break;
        }

        yield return (Arn!, false);
        if (Kind == PrincipalKind.AssumedRole)
        {
            yield return (RoleArn!, false);
        }

        if (Kind != PrincipalKind.AccountRoot)
        {
            yield return (Arns.Arn.AccountRoot(AccountId!).ToString(), true);
        }
    }

    private static Arn ParseRole(string roleArn)
    {
        if (!Arns.Arn.TryParse(roleArn, out Arn? arn, out string? reason))
        {
            throw new ArgumentException(reason, nameof(roleArn));
        }

        return arn.Kind == ArnKind.Role ? arn : throw new ArgumentException($"'{roleArn}' is not a role ARN", nameof(roleArn));
    }
}
