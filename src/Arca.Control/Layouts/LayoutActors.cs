using Arca.Control.Errors;
using Arca.Control.Identity;
using Arca.Control.Sts;

namespace Arca.Control.Layouts;

/// <summary>
/// The identities the layout engine acts as (docs/design/layout.md §3): in the management account its root; in a member
/// account a session of <c>OrganizationAccountAccessRole</c> assumed by the management account through STS, so the role's
/// trust policy and permissions are checked as for any caller.
/// </summary>
/// <remarks>Thread-safe. Each session lasts STS's minimum (15 minutes); expired sessions are purged by the server's sweeper.</remarks>
public sealed class LayoutActors(StsService sts, CredentialStore credentials, CallerResolver callers)
{
    /// <summary>The role Organizations creates in every new account for the management account.</summary>
    public const string AccessRoleName = "OrganizationAccountAccessRole";

    /// <summary>The access key id the engine's management identity carries (it signs nothing).</summary>
    public const string EngineAccessKeyId = "arca-layouts";

    /// <summary>The management account's root, in <paramref name="region"/>.</summary>
    public Task<CallerIdentity> ManagementAsync(string managementAccountId, string region, CancellationToken cancellationToken) =>
        callers.ResolveAsync(new ResolvedCredential
        {
            AccessKeyId = EngineAccessKeyId,
            SecretAccessKey = string.Empty,
            AccountId = managementAccountId,
            Kind = AccessKeyKind.Root,
        }, region, cancellationToken);

    /// <summary>The identity that acts in <paramref name="accountId"/>: the management account's root there, a session of the access role elsewhere.</summary>
    /// <exception cref="AwsServiceException">The role is missing or does not trust the management account (STS's AccessDenied).</exception>
    public async Task<CallerIdentity> ForAccountAsync(
        string managementAccountId, string accountId, string layoutName, string region, CancellationToken cancellationToken)
    {
        CallerIdentity management = await ManagementAsync(managementAccountId, region, cancellationToken).ConfigureAwait(false);
        if (accountId == managementAccountId)
        {
            return management;
        }

        AssumeRoleResult session = await sts.AssumeRoleAsync(management, new AssumeRoleRequest
        {
            RoleArn = $"arn:aws:iam::{accountId}:role/{AccessRoleName}",
            RoleSessionName = $"arca-layout-{layoutName}"[..Math.Min(64, 12 + layoutName.Length)],
            DurationSeconds = StsService.MinDurationSeconds,
        }, cancellationToken).ConfigureAwait(false);
        ResolvedCredential credential = await credentials.FindAsync(session.Credentials.AccessKeyId, cancellationToken).ConfigureAwait(false)
            ?? throw new AwsServiceException($"the session issued for {accountId} was not found");
        return await callers.ResolveAsync(credential, region, cancellationToken).ConfigureAwait(false);
    }
}
