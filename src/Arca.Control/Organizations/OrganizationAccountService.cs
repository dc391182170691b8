using Arca.Control.Iam;
using Arca.Control.Identity;
using Arca.Control.Metadata;
using Arca.Control.Organizations.Internal;

namespace Arca.Control.Organizations;

/// <summary>
/// The accounts of an organization: ListAccounts, ListAccountsForParent, DescribeAccount, MoveAccount,
/// RemoveAccountFromOrganization. Moves and removals are published to the <see cref="IOrganizationTreeListener"/>s.
/// </summary>
/// <remarks>Thread-safe. Errors are <see cref="Errors.AwsServiceException"/>s with Organizations' codes (<see cref="OrganizationErrors"/>).</remarks>
public sealed class OrganizationAccountService(
    IMetadataStore store, Authorizer authorizer, PageTokens tokens, TimeProvider time, IEnumerable<IOrganizationTreeListener> listeners)
{
    private readonly OrganizationAccess _access = new(store, authorizer);

    /// <summary>Every account of the organization, the management account included, by id.</summary>
    public async Task<OrganizationPage<OrganizationAccount>> ListAccountsAsync(
        CallerIdentity caller, string? nextToken, int? maxResults, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        int limit = Paging.Limit(maxResults);
        OrganizationRecord organization = await _access.RequireAsync(
            caller, "ListAccounts", CallerAccess.ManagementOrDelegatedAdministrator, null, cancellationToken).ConfigureAwait(false);
        return await ListAsync(organization, null, $"org-accounts:{organization.Id}", nextToken, limit, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The accounts directly in a root or OU, by id.</summary>
    public async Task<OrganizationPage<OrganizationAccount>> ListAccountsForParentAsync(
        CallerIdentity caller, string? parentId, string? nextToken, int? maxResults, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        string parent = OrganizationValidation.ParentId(parentId);
        int limit = Paging.Limit(maxResults);
        OrganizationRecord organization = await _access.RequireAsync(caller, "ListAccountsForParent",
            CallerAccess.ManagementOrDelegatedAdministrator, o => OrganizationTree.ParentArn(o, parent), cancellationToken).ConfigureAwait(false);
        return await ListAsync(organization, parent, $"org-accounts:{organization.Id}:{parent}", nextToken, limit, cancellationToken).ConfigureAwait(false);
    }

    public async Task<OrganizationAccount> DescribeAccountAsync(CallerIdentity caller, string? accountId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        string id = OrganizationValidation.AccountId(accountId);
        OrganizationRecord organization = await _access.RequireAsync(caller, "DescribeAccount", CallerAccess.ManagementOrDelegatedAdministrator,
            o => OrganizationArns.Account(o.ManagementAccountId, o.Id, id), cancellationToken).ConfigureAwait(false);
        return await store.TransactAsync(async tx =>
        {
            MemberRecord member = await OrganizationTree.FindMemberAsync(tx, organization, id).ConfigureAwait(false)
                ?? throw OrganizationErrors.AccountNotFound(id);
            return await OrganizationTree.ToAccountAsync(tx, organization, member).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Moves an account from <paramref name="sourceParentId"/>, where it must be, to another root or OU.</summary>
    public async Task MoveAccountAsync(
        CallerIdentity caller, string? accountId, string? sourceParentId, string? destinationParentId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        string id = OrganizationValidation.AccountId(accountId);
        string source = OrganizationValidation.ParentId(sourceParentId, "SourceParentId");
        string destination = OrganizationValidation.ParentId(destinationParentId, "DestinationParentId");
        OrganizationRecord organization = await _access.RequireAsync(caller, "MoveAccount", CallerAccess.Management,
            o => OrganizationArns.Account(o.ManagementAccountId, o.Id, id), cancellationToken).ConfigureAwait(false);
        DateTimeOffset now = time.GetUtcNow();
        await store.TransactAsync(async tx =>
        {
            MemberRecord member = await OrganizationTree.FindMemberAsync(tx, organization, id).ConfigureAwait(false)
                ?? throw OrganizationErrors.AccountNotFound(id);
            _ = await OrganizationTree.FindParentAsync(tx, organization, source).ConfigureAwait(false)
                ?? throw OrganizationErrors.SourceParentNotFound($"We can't find a source root or OU with the ParentId that you specified: {source}.");
            ParentNode target = await OrganizationTree.FindParentAsync(tx, organization, destination).ConfigureAwait(false)
                ?? throw OrganizationErrors.DestinationParentNotFound(destination);
            if (member.ParentId != source)
            {
                throw OrganizationErrors.SourceParentNotFound(
                    $"The account {id} is not in the SourceParentId that you specified: {source}; it is in {member.ParentId}.");
            }

            if (member.ParentId == destination)
            {
                throw OrganizationErrors.DuplicateAccount(id, destination);
            }

            await OrganizationCollections.Members.PutAsync(tx, member with { ParentId = target.Id, ParentPath = target.Path }).ConfigureAwait(false);
            return await BackupPolicyChanges.MarkIfEnabledAsync(tx, organization.Id, [id], BackupPolicyChangeReason.AccountMoved, now).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        await OrganizationTree.PublishAsync(listeners, new OrganizationTreeChange(
            OrganizationTreeChangeKind.AccountMoved, organization.Id, id, source, destination, now), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Makes a member account standalone. The management account cannot leave; a delegated administrator must be
    /// deregistered first. The account keeps its roles (the access role included), as in AWS.
    /// </summary>
    public async Task RemoveAccountFromOrganizationAsync(CallerIdentity caller, string? accountId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        string id = OrganizationValidation.AccountId(accountId);
        OrganizationRecord organization = await _access.RequireAsync(caller, "RemoveAccountFromOrganization", CallerAccess.Management,
            o => OrganizationArns.Account(o.ManagementAccountId, o.Id, id), cancellationToken).ConfigureAwait(false);
        DateTimeOffset now = time.GetUtcNow();
        MemberRecord removed = await store.TransactAsync(async tx =>
        {
            MemberRecord member = await OrganizationTree.FindMemberAsync(tx, organization, id).ConfigureAwait(false)
                ?? throw OrganizationErrors.AccountNotFound(id);
            if (id == organization.ManagementAccountId)
            {
                throw OrganizationErrors.ManagementCannotLeave();
            }

            IReadOnlyList<StoredDocument> delegations = await tx.ListAsync(OrganizationCollections.DelegatedAdministrators.Name,
                new DocumentQuery { KeyPrefix = $"{organization.Id}/{id}/", Limit = 1 }).ConfigureAwait(false);
            if (delegations.Count > 0)
            {
                throw OrganizationErrors.ConstraintViolation("CANNOT_REMOVE_DELEGATED_ADMINISTRATOR_FROM_ORG",
                    $"The account {id} is a delegated administrator; deregister it first.");
            }

            // Its own backup policies are detached; none applies any longer.
            await PolicyCollections.DetachAllFromTargetAsync(tx, organization.Id, id).ConfigureAwait(false);
            await BackupPolicyChanges.MarkIfEnabledAsync(tx, organization.Id, [id], BackupPolicyChangeReason.AccountRemoved, now).ConfigureAwait(false);
            await OrganizationCollections.Members.DeleteAsync(tx, id).ConfigureAwait(false);
            return member;
        }, cancellationToken).ConfigureAwait(false);
        await OrganizationTree.PublishAsync(listeners, new OrganizationTreeChange(
            OrganizationTreeChangeKind.AccountRemoved, organization.Id, id, removed.ParentId, null, now), cancellationToken).ConfigureAwait(false);
    }

    private async Task<OrganizationPage<OrganizationAccount>> ListAsync(
        OrganizationRecord organization, string? parent, string scope, string? nextToken, int limit, CancellationToken cancellationToken)
    {
        string? after = Paging.After(tokens, scope, nextToken);
        (IReadOnlyList<MemberRecord> members, IReadOnlyList<OrganizationAccount> accounts) = await store.TransactAsync(async tx =>
        {
            if (parent is not null)
            {
                _ = await OrganizationTree.FindParentAsync(tx, organization, parent).ConfigureAwait(false) ?? throw OrganizationErrors.ParentNotFound(parent);
            }

            IReadOnlyList<MemberRecord> found = await OrganizationTree.MembersAsync(tx, organization, parent, after, limit + 1).ConfigureAwait(false);
            return (found, await OrganizationTree.ToAccountsAsync(tx, organization, found.Take(limit)).ConfigureAwait(false));
        }, cancellationToken).ConfigureAwait(false);
        return new OrganizationPage<OrganizationAccount>(accounts, members.Count > limit ? tokens.Encode(scope, members[limit - 1].AccountId) : null);
    }
}
