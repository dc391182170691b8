using Arca.Control.Iam;
using Arca.Control.Identity;
using Arca.Control.Metadata;

namespace Arca.Control.Organizations.Internal;

/// <summary>
/// The gate of every Organizations operation except CreateOrganization: the caller's account must be in an
/// organization (<c>AWSOrganizationsNotInUseException</c>), its identity must allow <c>organizations:OPERATION</c>,
/// and its account must be one that may call the operation (<c>AccessDeniedException</c>), as AWS does.
/// </summary>
internal sealed class OrganizationAccess(IMetadataStore store, Authorizer authorizer)
{
    /// <summary>The caller's organization once the caller may call <paramref name="operation"/>.</summary>
    /// <param name="caller">The caller.</param>
    /// <param name="operation">The operation, e.g. <c>CreateOrganizationalUnit</c>.</param>
    /// <param name="access">Which accounts may call it.</param>
    /// <param name="resource">The ARN the action is authorized on (null: <c>*</c>).</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public async Task<OrganizationRecord> RequireAsync(
        CallerIdentity caller, string operation, CallerAccess access, Func<OrganizationRecord, string?>? resource, CancellationToken cancellationToken)
    {
        (OrganizationRecord? organization, bool delegated) = await store.TransactAsync(async tx =>
        {
            MemberRecord? member = await OrganizationCollections.Members.GetAsync(tx, caller.AccountId).ConfigureAwait(false);
            OrganizationRecord? org = member is null ? null
                : await OrganizationCollections.Organizations.GetAsync(tx, member.OrganizationId).ConfigureAwait(false);
            if (org is null || access is CallerAccess.Member or CallerAccess.Management || org.ManagementAccountId == caller.AccountId)
            {
                return (org, false);
            }

            // A delegated administrator of any service may read; one for Backup may also change backup policies.
            string prefix = access == CallerAccess.ManagementOrBackupAdministrator
                ? OrganizationCollections.DelegatedAdministratorKey(org.Id, caller.AccountId, ServiceAccessService.BackupServicePrincipal)
                : $"{org.Id}/{caller.AccountId}/";
            IReadOnlyList<StoredDocument> registrations = await tx.ListAsync(OrganizationCollections.DelegatedAdministrators.Name,
                new DocumentQuery { KeyPrefix = prefix, Limit = 1 }).ConfigureAwait(false);
            return (org, registrations.Count > 0);
        }, cancellationToken).ConfigureAwait(false);
        if (organization is null)
        {
            throw OrganizationErrors.NotInUse();
        }

        await authorizer.AuthorizeAsync(caller, $"organizations:{operation}", resource?.Invoke(organization), cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        bool management = organization.ManagementAccountId == caller.AccountId;
        return access switch
        {
            CallerAccess.Management when !management => throw OrganizationErrors.AccessDenied(operation),
            CallerAccess.ManagementOrDelegatedAdministrator when !management && !delegated => throw OrganizationErrors.AccessDeniedForReads(operation),
            CallerAccess.ManagementOrBackupAdministrator when !management && !delegated => throw OrganizationErrors.AccessDeniedForBackupPolicies(operation),
            _ => organization,
        };
    }
}
