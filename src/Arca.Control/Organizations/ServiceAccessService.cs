using Arca.Control.Iam;
using Arca.Control.Identity;
using Arca.Control.Metadata;
using Arca.Control.Organizations.Internal;

namespace Arca.Control.Organizations;

/// <summary>
/// Trusted access of services to the organization: EnableAWSServiceAccess, DisableAWSServiceAccess,
/// ListAWSServiceAccessForOrganization. <c>backup.amazonaws.com</c> is the switch of Backup's cross-account
/// monitoring; <see cref="IsEnabledAsync"/> is how Backup reads it.
/// </summary>
/// <remarks>Thread-safe. Enabling or disabling twice is not an error, as in AWS.</remarks>
public sealed class ServiceAccessService(IMetadataStore store, Authorizer authorizer, PageTokens tokens, TimeProvider time)
{
    /// <summary>AWS Backup's service principal: trusted access turns on cross-account monitoring.</summary>
    public const string BackupServicePrincipal = "backup.amazonaws.com";

    private readonly OrganizationAccess _access = new(store, authorizer);

    public async Task EnableAwsServiceAccessAsync(CallerIdentity caller, string? servicePrincipal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        string principal = OrganizationValidation.ServicePrincipal(servicePrincipal);
        OrganizationRecord organization = await _access.RequireAsync(caller, "EnableAWSServiceAccess", CallerAccess.Management, null, cancellationToken)
            .ConfigureAwait(false);
        await store.TransactAsync(
            tx => OrganizationCollections.ServiceAccess.InsertAsync(tx, new ServiceAccessRecord(organization.Id, principal, time.GetUtcNow())),
            cancellationToken).ConfigureAwait(false);
    }

    public async Task DisableAwsServiceAccessAsync(CallerIdentity caller, string? servicePrincipal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        string principal = OrganizationValidation.ServicePrincipal(servicePrincipal);
        OrganizationRecord organization = await _access.RequireAsync(caller, "DisableAWSServiceAccess", CallerAccess.Management, null, cancellationToken)
            .ConfigureAwait(false);
        await store.TransactAsync(
            tx => OrganizationCollections.ServiceAccess.DeleteAsync(tx, OrganizationCollections.ServiceAccessKey(organization.Id, principal)),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The services with trusted access, by principal.</summary>
    public async Task<OrganizationPage<EnabledServicePrincipal>> ListAwsServiceAccessForOrganizationAsync(
        CallerIdentity caller, string? nextToken, int? maxResults, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        int limit = Paging.Limit(maxResults);
        OrganizationRecord organization = await _access.RequireAsync(
            caller, "ListAWSServiceAccessForOrganization", CallerAccess.ManagementOrDelegatedAdministrator, null, cancellationToken).ConfigureAwait(false);
        string scope = $"org-service-access:{organization.Id}";
        string? after = Paging.After(tokens, scope, nextToken);
        IReadOnlyList<ServiceAccessRecord> found = await store.TransactAsync(tx => OrganizationCollections.ServiceAccess.ListAsync(
            tx, new DocumentQuery { I1 = organization.Id, AfterKey = after, Limit = limit + 1 }), cancellationToken).ConfigureAwait(false);
        return Paging.Page(found, limit, OrganizationCollections.ServiceAccess.KeyOf, s => new EnabledServicePrincipal(s.ServicePrincipal, s.EnabledAt),
            tokens, scope);
    }

    /// <summary>Whether <paramref name="servicePrincipal"/> has trusted access to <paramref name="organizationId"/>; no authorization (for other services).</summary>
    public Task<bool> IsEnabledAsync(string organizationId, string servicePrincipal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(organizationId);
        ArgumentNullException.ThrowIfNull(servicePrincipal);
        return store.TransactAsync(async tx => await OrganizationCollections.ServiceAccess.GetAsync(
            tx, OrganizationCollections.ServiceAccessKey(organizationId, servicePrincipal)).ConfigureAwait(false) is not null, cancellationToken);
    }
}
