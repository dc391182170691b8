using Arca.Control.Identity;
using Arca.Domain.Arns;
using Arca.Domain.Iam;

namespace Arca.Control.Kms.Internal;

/// <summary>
/// How the backup service calls KMS on behalf of an account: as the account (its root principal, whose identity side allows
/// everything, so the key policy decides), with <c>kms:ViaService</c> = <c>backup.REGION.amazonaws.com</c> and the account's
/// organization keys, like AWS's forward-access sessions of a service.
/// </summary>
internal static class BackupServiceCaller
{
    /// <summary>The access key id a backup-service caller carries (none: it never signs a request).</summary>
    public const string NoAccessKey = "(backup service)";

    public static async Task<CallerIdentity> ForAsync(IOrganizationMembership organizations, string accountId, string region, CancellationToken cancellationToken)
    {
        OrganizationMembership? membership = await organizations.GetMembershipAsync(accountId, cancellationToken).ConfigureAwait(false);
        return new CallerIdentity
        {
            AccountId = accountId,
            PrincipalArn = Arn.AccountRoot(accountId).ToString(),
            Kind = Identity.PrincipalKind.AccountRoot,
            AccessKeyId = NoAccessKey,
            Region = region,
            OrganizationId = membership?.OrganizationId,
            OrganizationPaths = membership?.OrganizationPaths ?? [],
        };
    }

    /// <summary>The condition keys of a call through the backup service in <paramref name="region"/>.</summary>
    public static ConditionKeys Via(string region) => ConditionKeys.Empty.With(ConditionKeyNames.KmsViaService, KeyPolicies.ViaBackup(region));
}
