using Arca.Control.Iam;
using Arca.Control.Identity;
using Arca.Control.Identity.Internal;
using Arca.Control.Metadata;
using Arca.Control.Organizations.Internal;

namespace Arca.Control.Organizations;

/// <summary>
/// Organizations themselves: CreateOrganization, DescribeOrganization, DeleteOrganization, ListRoots. An
/// organization lives in the global store with its one root; the account that creates it is its management
/// account, placed under the root.
/// </summary>
/// <remarks>Thread-safe. Errors are <see cref="Errors.AwsServiceException"/>s with Organizations' codes (<see cref="OrganizationErrors"/>).</remarks>
public sealed class OrganizationService(
    IMetadataStore store, Authorizer authorizer, PageTokens tokens, TimeProvider time, IEnumerable<IOrganizationTreeListener> listeners)
{
    private readonly OrganizationAccess _access = new(store, authorizer);

    /// <summary>Creates an organization whose management account is the caller's, with all features unless <paramref name="featureSet"/> says <c>CONSOLIDATED_BILLING</c>.</summary>
    /// <exception cref="Errors.AwsServiceException"><c>AlreadyInOrganizationException</c> when the caller's account is in one.</exception>
    public async Task<Organization> CreateOrganizationAsync(CallerIdentity caller, string? featureSet, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        OrganizationFeatureSet features = OrganizationValidation.FeatureSet(featureSet);
        await authorizer.AuthorizeAsync(caller, "organizations:CreateOrganization", null, cancellationToken: cancellationToken).ConfigureAwait(false);
        DateTimeOffset now = time.GetUtcNow();
        (Organization created, MemberRecord management) = await store.TransactAsync(async tx =>
        {
            if (await OrganizationCollections.Members.GetAsync(tx, caller.AccountId).ConfigureAwait(false) is { } existing)
            {
                throw OrganizationErrors.AlreadyInOrganization(existing.OrganizationId);
            }

            OrganizationRecord organization;
            do
            {
                organization = new OrganizationRecord
                {
                    Id = OrganizationIds.NewOrganizationId(),
                    FeatureSet = features,
                    ManagementAccountId = caller.AccountId,
                    RootId = OrganizationIds.NewRootId(),
                    RootPolicyTypes = features == OrganizationFeatureSet.All
                        ? [new PolicyTypeSummary(OrganizationPolicyTypes.ServiceControlPolicy, PolicyTypeStatus.Enabled)]
                        : [],
                    CreatedAt = now,
                };
            }
            while (!await OrganizationCollections.Organizations.InsertAsync(tx, organization).ConfigureAwait(false));

            var member = new MemberRecord
            {
                AccountId = caller.AccountId,
                OrganizationId = organization.Id,
                ManagementAccountId = caller.AccountId,
                ParentId = organization.RootId,
                ParentPath = organization.RootPath,
                JoinedMethod = AccountJoinedMethod.Invited,
                JoinedAt = now,
            };
            await OrganizationCollections.Members.InsertAsync(tx, member).ConfigureAwait(false);
            return (await DescribeAsync(tx, organization).ConfigureAwait(false), member);
        }, cancellationToken).ConfigureAwait(false);
        await OrganizationTree.PublishAsync(listeners, new OrganizationTreeChange(
            OrganizationTreeChangeKind.AccountJoined, created.Id, caller.AccountId, null, management.ParentId, now), cancellationToken).ConfigureAwait(false);
        return created;
    }

    /// <summary>The caller's organization; any account of it may ask.</summary>
    public async Task<Organization> DescribeOrganizationAsync(CallerIdentity caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        OrganizationRecord organization = await _access.RequireAsync(caller, "DescribeOrganization", CallerAccess.Member,
            o => OrganizationArns.Organization(o.ManagementAccountId, o.Id), cancellationToken).ConfigureAwait(false);
        return await store.TransactAsync(tx => DescribeAsync(tx, organization), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes the caller's organization, which must have no account but the management account; its OUs go with it.</summary>
    /// <exception cref="Errors.AwsServiceException"><c>OrganizationNotEmptyException</c> while member accounts remain.</exception>
    public async Task DeleteOrganizationAsync(CallerIdentity caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        OrganizationRecord organization = await _access.RequireAsync(caller, "DeleteOrganization", CallerAccess.Management,
            o => OrganizationArns.Organization(o.ManagementAccountId, o.Id), cancellationToken).ConfigureAwait(false);
        DateTimeOffset now = time.GetUtcNow();
        MemberRecord management = await store.TransactAsync(async tx =>
        {
            IReadOnlyList<MemberRecord> members = await OrganizationCollections.OfOrganizationAsync(tx, OrganizationCollections.Members, organization.Id)
                .ConfigureAwait(false);
            if (members.Count > 1)
            {
                throw OrganizationErrors.OrganizationNotEmpty(members.Count - 1);
            }

            await BackupPolicyChanges.MarkIfEnabledAsync(tx, organization.Id, [members[0].AccountId], BackupPolicyChangeReason.OrganizationDeleted, now)
                .ConfigureAwait(false);
            await DeleteAllAsync(tx, PolicyCollections.Attachments, organization.Id).ConfigureAwait(false);
            await DeleteAllAsync(tx, PolicyCollections.Policies, organization.Id).ConfigureAwait(false);
            await DeleteAllAsync(tx, OrganizationCollections.Units, organization.Id).ConfigureAwait(false);
            await DeleteAllAsync(tx, OrganizationCollections.CreateAccountStatuses, organization.Id).ConfigureAwait(false);
            await DeleteAllAsync(tx, OrganizationCollections.ServiceAccess, organization.Id).ConfigureAwait(false);
            await DeleteAllAsync(tx, OrganizationCollections.DelegatedAdministrators, organization.Id).ConfigureAwait(false);
            await DeleteAllAsync(tx, OrganizationCollections.Members, organization.Id).ConfigureAwait(false);
            await OrganizationCollections.Organizations.DeleteAsync(tx, organization.Id).ConfigureAwait(false);
            return members[0];
        }, cancellationToken).ConfigureAwait(false);
        await OrganizationTree.PublishAsync(listeners, new OrganizationTreeChange(
            OrganizationTreeChangeKind.OrganizationDeleted, organization.Id, management.AccountId, management.ParentId, null, now),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The roots of the caller's organization (always one), with their policy types.</summary>
    public async Task<OrganizationPage<OrganizationRoot>> ListRootsAsync(
        CallerIdentity caller, string? nextToken, int? maxResults, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        int limit = Paging.Limit(maxResults);
        OrganizationRecord organization = await _access.RequireAsync(
            caller, "ListRoots", CallerAccess.ManagementOrDelegatedAdministrator, null, cancellationToken).ConfigureAwait(false);
        string scope = $"org-roots:{organization.Id}";
        string? after = Paging.After(tokens, scope, nextToken);
        OrganizationRecord[] roots = after is null ? [organization] : []; // one root: a page never ends before it
        return Paging.Page(roots, limit, o => o.RootId, OrganizationTree.ToRoot, tokens, scope);
    }

    private static async Task<Organization> DescribeAsync(IMetadataTransaction tx, OrganizationRecord organization)
    {
        Account management = await IdentityCollections.Accounts.GetAsync(tx, organization.ManagementAccountId).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"organization {organization.Id} names a management account that does not exist");
        return new Organization(
            organization.Id,
            OrganizationArns.Organization(organization.ManagementAccountId, organization.Id),
            organization.FeatureSet,
            organization.ManagementAccountId,
            OrganizationArns.Account(organization.ManagementAccountId, organization.Id, organization.ManagementAccountId),
            management.Email,
            organization.RootPolicyTypes);
    }

    private static async Task DeleteAllAsync<T>(IMetadataTransaction tx, Collection<T> collection, string organizationId)
        where T : class
    {
        foreach (StoredDocument document in await tx.ListAsync(collection.Name, new DocumentQuery { I1 = organizationId }).ConfigureAwait(false))
        {
            await tx.DeleteAsync(collection.Name, document.Key).ConfigureAwait(false);
        }
    }
}
