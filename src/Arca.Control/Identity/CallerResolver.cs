using Arca.Domain.Arns;

namespace Arca.Control.Identity;

/// <summary>Turns an authenticated access key into the request's <see cref="CallerIdentity"/>, with the account's organization.</summary>
/// <remarks>Thread-safe.</remarks>
public sealed class CallerResolver(IOrganizationMembership organizations)
{
    /// <summary>The caller behind <paramref name="credential"/>, for a request signed for <paramref name="region"/>.</summary>
    public async Task<CallerIdentity> ResolveAsync(ResolvedCredential credential, string region, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(credential);
        ArgumentNullException.ThrowIfNull(region);
        OrganizationMembership? membership = await organizations.GetMembershipAsync(credential.AccountId, cancellationToken).ConfigureAwait(false);
        bool session = credential.Kind == AccessKeyKind.Session;
        string principal = session
            ? Arn.AssumedRole(credential.AccountId, Arn.Parse(credential.RoleArn!).RoleName!, credential.SessionName!).ToString()
            : Arn.AccountRoot(credential.AccountId).ToString();
        return new CallerIdentity
        {
            AccountId = credential.AccountId,
            PrincipalArn = principal,
            Kind = session ? PrincipalKind.AssumedRole : PrincipalKind.AccountRoot,
            RoleArn = credential.RoleArn,
            RoleId = credential.RoleId,
            SessionName = credential.SessionName,
            AccessKeyId = credential.AccessKeyId,
            Region = region,
            OrganizationId = membership?.OrganizationId,
            OrganizationPaths = membership?.OrganizationPaths ?? [],
        };
    }
}
