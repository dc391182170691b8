using Arca.Control.Iam;
using Arca.Control.Identity;
using Arca.Control.Metadata;
using Arca.Control.Organizations.Internal;

namespace Arca.Control.Organizations;

/// <summary>
/// Delegated administrators: RegisterDelegatedAdministrator, DeregisterDelegatedAdministrator,
/// ListDelegatedAdministrators, ListDelegatedServicesForAccount. A delegated administrator (of any service) may
/// also call Organizations' read operations, as in AWS.
/// </summary>
/// <remarks>Thread-safe. Errors are <see cref="Errors.AwsServiceException"/>s with Organizations' codes (<see cref="OrganizationErrors"/>).</remarks>
public sealed class DelegatedAdministratorService(IMetadataStore store, Authorizer authorizer, PageTokens tokens, TimeProvider time)
{
    private readonly OrganizationAccess _access = new(store, authorizer);

    /// <exception cref="Errors.AwsServiceException"><c>ConstraintViolationException</c> for the management account;
    /// <c>AccountAlreadyRegisteredException</c> when it is registered for the service already.</exception>
    public async Task RegisterDelegatedAdministratorAsync(
        CallerIdentity caller, string? accountId, string? servicePrincipal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        string id = OrganizationValidation.AccountId(accountId);
        string principal = OrganizationValidation.ServicePrincipal(servicePrincipal);
        OrganizationRecord organization = await _access.RequireAsync(caller, "RegisterDelegatedAdministrator", CallerAccess.Management,
            o => OrganizationArns.Account(o.ManagementAccountId, o.Id, id), cancellationToken).ConfigureAwait(false);
        await store.TransactAsync(async tx =>
        {
            _ = await OrganizationTree.FindMemberAsync(tx, organization, id).ConfigureAwait(false) ?? throw OrganizationErrors.AccountNotFound(id);
            if (id == organization.ManagementAccountId)
            {
                throw OrganizationErrors.ConstraintViolation("CANNOT_REGISTER_MASTER_AS_DELEGATED_ADMINISTRATOR",
                    "You cannot register the management account of the organization as a delegated administrator.");
            }

            return await OrganizationCollections.DelegatedAdministrators.InsertAsync(
                tx, new DelegatedAdministratorRecord(organization.Id, id, principal, time.GetUtcNow())).ConfigureAwait(false)
                ? true
                : throw OrganizationErrors.AccountAlreadyRegistered(id, principal);
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task DeregisterDelegatedAdministratorAsync(
        CallerIdentity caller, string? accountId, string? servicePrincipal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        string id = OrganizationValidation.AccountId(accountId);
        string principal = OrganizationValidation.ServicePrincipal(servicePrincipal);
        OrganizationRecord organization = await _access.RequireAsync(caller, "DeregisterDelegatedAdministrator", CallerAccess.Management,
            o => OrganizationArns.Account(o.ManagementAccountId, o.Id, id), cancellationToken).ConfigureAwait(false);
        await store.TransactAsync(async tx =>
        {
            _ = await OrganizationTree.FindMemberAsync(tx, organization, id).ConfigureAwait(false) ?? throw OrganizationErrors.AccountNotFound(id);
            return await OrganizationCollections.DelegatedAdministrators.DeleteAsync(
                tx, OrganizationCollections.DelegatedAdministratorKey(organization.Id, id, principal)).ConfigureAwait(false)
                ? true
                : throw OrganizationErrors.AccountNotRegistered(id, principal);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The delegated administrators (of <paramref name="servicePrincipal"/>, or of any service), by account id.</summary>
    public async Task<OrganizationPage<DelegatedAdministrator>> ListDelegatedAdministratorsAsync(
        CallerIdentity caller, string? servicePrincipal, string? nextToken, int? maxResults, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        string? principal = servicePrincipal is null ? null : OrganizationValidation.ServicePrincipal(servicePrincipal);
        int limit = Paging.Limit(maxResults);
        OrganizationRecord organization = await _access.RequireAsync(
            caller, "ListDelegatedAdministrators", CallerAccess.ManagementOrDelegatedAdministrator, null, cancellationToken).ConfigureAwait(false);
        string scope = $"org-delegated-admins:{organization.Id}:{principal}";
        string? after = Paging.After(tokens, scope, nextToken);
        return await store.TransactAsync(async tx =>
        {
            IReadOnlyList<DelegatedAdministratorRecord> registrations = await OrganizationCollections.DelegatedAdministrators.ListAsync(
                tx, new DocumentQuery { I1 = organization.Id, I3 = principal }).ConfigureAwait(false);
            List<(string AccountId, DateTimeOffset Since)> admins = [.. registrations
                .GroupBy(r => r.AccountId, StringComparer.Ordinal)
                .Select(g => (g.Key, g.Min(r => r.EnabledAt)))
                .Where(a => after is null || string.CompareOrdinal(a.Key, after) > 0)
                .OrderBy(a => a.Key, StringComparer.Ordinal)
                .Take(limit + 1)];
            var page = new List<DelegatedAdministrator>();
            foreach ((string accountId, DateTimeOffset since) in admins.Take(limit))
            {
                MemberRecord member = await OrganizationTree.FindMemberAsync(tx, organization, accountId).ConfigureAwait(false)
                    ?? throw new InvalidOperationException($"delegated administrator {accountId} is not in {organization.Id}");
                page.Add(new DelegatedAdministrator(await OrganizationTree.ToAccountAsync(tx, organization, member).ConfigureAwait(false), since));
            }

            return new OrganizationPage<DelegatedAdministrator>(page, admins.Count > limit ? tokens.Encode(scope, admins[limit - 1].AccountId) : null);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The services <paramref name="accountId"/> is delegated administrator of, by principal.</summary>
    /// <exception cref="Errors.AwsServiceException"><c>AccountNotRegisteredException</c> when it is of none.</exception>
    public async Task<OrganizationPage<DelegatedService>> ListDelegatedServicesForAccountAsync(
        CallerIdentity caller, string? accountId, string? nextToken, int? maxResults, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        string id = OrganizationValidation.AccountId(accountId);
        int limit = Paging.Limit(maxResults);
        OrganizationRecord organization = await _access.RequireAsync(caller, "ListDelegatedServicesForAccount",
            CallerAccess.ManagementOrDelegatedAdministrator, o => OrganizationArns.Account(o.ManagementAccountId, o.Id, id), cancellationToken)
            .ConfigureAwait(false);
        string scope = $"org-delegated-services:{organization.Id}:{id}";
        string? after = Paging.After(tokens, scope, nextToken);
        IReadOnlyList<DelegatedAdministratorRecord> found = await store.TransactAsync(async tx =>
        {
            _ = await OrganizationTree.FindMemberAsync(tx, organization, id).ConfigureAwait(false) ?? throw OrganizationErrors.AccountNotFound(id);
            string prefix = $"{organization.Id}/{id}/";
            if ((await tx.ListAsync(OrganizationCollections.DelegatedAdministrators.Name, new DocumentQuery { KeyPrefix = prefix, Limit = 1 })
                .ConfigureAwait(false)).Count == 0)
            {
                throw OrganizationErrors.AccountNotRegistered(id, null);
            }

            return await OrganizationCollections.DelegatedAdministrators.ListAsync(
                tx, new DocumentQuery { KeyPrefix = prefix, AfterKey = after, Limit = limit + 1 }).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        return Paging.Page(found, limit, OrganizationCollections.DelegatedAdministrators.KeyOf,
            r => new DelegatedService(r.ServicePrincipal, r.EnabledAt), tokens, scope);
    }

    /// <summary>Whether <paramref name="accountId"/> is a delegated administrator of <paramref name="organizationId"/> for
    /// <paramref name="servicePrincipal"/>; no authorization (for other services, e.g. Backup's cross-account monitoring).</summary>
    public Task<bool> IsRegisteredAsync(string organizationId, string accountId, string servicePrincipal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(organizationId);
        ArgumentNullException.ThrowIfNull(accountId);
        ArgumentNullException.ThrowIfNull(servicePrincipal);
        return store.TransactAsync(async tx => await OrganizationCollections.DelegatedAdministrators.GetAsync(
            tx, OrganizationCollections.DelegatedAdministratorKey(organizationId, accountId, servicePrincipal)).ConfigureAwait(false) is not null,
            cancellationToken);
    }
}
