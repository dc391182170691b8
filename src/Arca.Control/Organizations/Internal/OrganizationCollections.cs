using Arca.Control.Metadata;

namespace Arca.Control.Organizations.Internal;

/// <summary>The Organizations collections of the global store and what their index fields mean.</summary>
internal static class OrganizationCollections
{
    /// <summary><c>org-organizations</c>: key = organization id; i1 = management account.</summary>
    public static readonly Collection<OrganizationRecord> Organizations = new(
        "org-organizations", OrganizationJson.Default.OrganizationRecord, o => o.Id, o => new IndexFields(o.ManagementAccountId));

    /// <summary><c>org-accounts</c>: key = account id (an account is in at most one organization); i1 = organization, i2 = parent.</summary>
    public static readonly Collection<MemberRecord> Members = new(
        "org-accounts", OrganizationJson.Default.MemberRecord, m => m.AccountId, m => new IndexFields(m.OrganizationId, m.ParentId));

    /// <summary><c>org-units</c>: key = OU id; i1 = organization, i2 = parent.</summary>
    public static readonly Collection<OrganizationalUnitRecord> Units = new(
        "org-units", OrganizationJson.Default.OrganizationalUnitRecord, u => u.Id, u => new IndexFields(u.OrganizationId, u.ParentId));

    /// <summary><c>org-create-account-status</c>: key = request id (<c>car-…</c>); i1 = organization, i2 = state, i3 = requested at.</summary>
    public static readonly Collection<CreateAccountStatusRecord> CreateAccountStatuses = new(
        "org-create-account-status",
        OrganizationJson.Default.CreateAccountStatusRecord,
        s => s.Id,
        s => new IndexFields(s.OrganizationId, s.State.ToString(), SortableTime.ToIndex(s.RequestedAt)));

    /// <summary><c>org-service-access</c>: key = <c>ORG/principal</c>; i1 = organization.</summary>
    public static readonly Collection<ServiceAccessRecord> ServiceAccess = new(
        "org-service-access", OrganizationJson.Default.ServiceAccessRecord, s => ServiceAccessKey(s.OrganizationId, s.ServicePrincipal),
        s => new IndexFields(s.OrganizationId));

    /// <summary><c>org-delegated-admins</c>: key = <c>ORG/ACCOUNT/principal</c>; i1 = organization, i2 = account, i3 = principal.</summary>
    public static readonly Collection<DelegatedAdministratorRecord> DelegatedAdministrators = new(
        "org-delegated-admins",
        OrganizationJson.Default.DelegatedAdministratorRecord,
        d => DelegatedAdministratorKey(d.OrganizationId, d.AccountId, d.ServicePrincipal),
        d => new IndexFields(d.OrganizationId, d.AccountId, d.ServicePrincipal));

    public static string ServiceAccessKey(string organizationId, string servicePrincipal) => $"{organizationId}/{servicePrincipal}";

    public static string DelegatedAdministratorKey(string organizationId, string accountId, string servicePrincipal) =>
        $"{organizationId}/{accountId}/{servicePrincipal}";

    /// <summary>Every document of an organization in <paramref name="collection"/> (i1 = organization id).</summary>
    public static Task<IReadOnlyList<T>> OfOrganizationAsync<T>(IMetadataTransaction tx, Collection<T> collection, string organizationId)
        where T : class =>
        collection.ListAsync(tx, new DocumentQuery { I1 = organizationId });
}
