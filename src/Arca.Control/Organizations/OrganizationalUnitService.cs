using Arca.Control.Iam;
using Arca.Control.Identity;
using Arca.Control.Metadata;
using Arca.Control.Organizations.Internal;

namespace Arca.Control.Organizations;

/// <summary>
/// The tree of an organization: Create/Describe/Update/DeleteOrganizationalUnit, ListOrganizationalUnitsForParent,
/// ListChildren, ListParents. OU names are unique among the OUs of a parent; OUs nest at most five deep; an OU is
/// deleted only when empty. OUs never move, so their paths never change.
/// </summary>
/// <remarks>Thread-safe. Errors are <see cref="Errors.AwsServiceException"/>s with Organizations' codes (<see cref="OrganizationErrors"/>).</remarks>
public sealed class OrganizationalUnitService(IMetadataStore store, Authorizer authorizer, PageTokens tokens, TimeProvider time)
{
    /// <summary>How deep OUs nest under the root, AWS's limit.</summary>
    public const int MaxDepth = 5;

    /// <summary>OUs per organization, AWS's default quota.</summary>
    public const int MaxUnits = 1000;

    private readonly OrganizationAccess _access = new(store, authorizer);

    public async Task<OrganizationalUnit> CreateOrganizationalUnitAsync(
        CallerIdentity caller, string? parentId, string? name, IReadOnlyList<OrganizationTag>? tags, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        string parent = OrganizationValidation.ParentId(parentId);
        string unitName = OrganizationValidation.OrganizationalUnitName(name);
        IReadOnlyList<OrganizationTag> validTags = OrganizationValidation.Tags(tags);
        OrganizationRecord organization = await _access.RequireAsync(caller, "CreateOrganizationalUnit", CallerAccess.Management,
            o => OrganizationTree.ParentArn(o, parent), cancellationToken).ConfigureAwait(false);
        return await store.TransactAsync(async tx =>
        {
            ParentNode node = await OrganizationTree.FindParentAsync(tx, organization, parent).ConfigureAwait(false)
                ?? throw OrganizationErrors.ParentNotFound(parent);
            if (node.Depth >= MaxDepth)
            {
                throw OrganizationErrors.ConstraintViolation("OU_DEPTH_LIMIT_EXCEEDED", $"OUs nest at most {MaxDepth} levels deep; {parent} is at level {node.Depth}.");
            }

            await RequireUniqueNameAsync(tx, organization, parent, unitName, null).ConfigureAwait(false);
            IReadOnlyList<StoredDocument> all = await tx.ListAsync(
                OrganizationCollections.Units.Name, new DocumentQuery { I1 = organization.Id, Limit = MaxUnits }).ConfigureAwait(false);
            if (all.Count >= MaxUnits)
            {
                throw OrganizationErrors.ConstraintViolation("OU_NUMBER_LIMIT_EXCEEDED", $"An organization has at most {MaxUnits} OUs.");
            }

            OrganizationalUnitRecord unit;
            do
            {
                string id = OrganizationIds.NewOrganizationalUnitId(organization.RootId);
                unit = new OrganizationalUnitRecord
                {
                    Id = id,
                    OrganizationId = organization.Id,
                    ParentId = parent,
                    Name = unitName,
                    Path = $"{node.Path}{id}/",
                    CreatedAt = time.GetUtcNow(),
                    Tags = validTags,
                };
            }
            while (!await OrganizationCollections.Units.InsertAsync(tx, unit).ConfigureAwait(false));

            return OrganizationTree.ToUnit(organization, unit);
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<OrganizationalUnit> DescribeOrganizationalUnitAsync(
        CallerIdentity caller, string? organizationalUnitId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        string id = OrganizationValidation.OrganizationalUnitId(organizationalUnitId);
        OrganizationRecord organization = await _access.RequireAsync(caller, "DescribeOrganizationalUnit",
            CallerAccess.ManagementOrDelegatedAdministrator, o => OrganizationTree.ParentArn(o, id), cancellationToken).ConfigureAwait(false);
        return await store.TransactAsync(async tx =>
            OrganizationTree.ToUnit(organization, await RequireUnitAsync(tx, organization, id).ConfigureAwait(false)), cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>Renames an OU; without a name, changes nothing and returns it.</summary>
    public async Task<OrganizationalUnit> UpdateOrganizationalUnitAsync(
        CallerIdentity caller, string? organizationalUnitId, string? name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        string id = OrganizationValidation.OrganizationalUnitId(organizationalUnitId);
        string? newName = name is null ? null : OrganizationValidation.OrganizationalUnitName(name);
        OrganizationRecord organization = await _access.RequireAsync(caller, "UpdateOrganizationalUnit", CallerAccess.Management,
            o => OrganizationTree.ParentArn(o, id), cancellationToken).ConfigureAwait(false);
        return await store.TransactAsync(async tx =>
        {
            OrganizationalUnitRecord unit = await RequireUnitAsync(tx, organization, id).ConfigureAwait(false);
            if (newName is not null && newName != unit.Name)
            {
                await RequireUniqueNameAsync(tx, organization, unit.ParentId, newName, id).ConfigureAwait(false);
                unit = unit with { Name = newName };
                await OrganizationCollections.Units.PutAsync(tx, unit).ConfigureAwait(false);
            }

            return OrganizationTree.ToUnit(organization, unit);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <exception cref="Errors.AwsServiceException"><c>OrganizationalUnitNotEmptyException</c> while it holds accounts or OUs.</exception>
    public async Task DeleteOrganizationalUnitAsync(CallerIdentity caller, string? organizationalUnitId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        string id = OrganizationValidation.OrganizationalUnitId(organizationalUnitId);
        OrganizationRecord organization = await _access.RequireAsync(caller, "DeleteOrganizationalUnit", CallerAccess.Management,
            o => OrganizationTree.ParentArn(o, id), cancellationToken).ConfigureAwait(false);
        await store.TransactAsync(async tx =>
        {
            await RequireUnitAsync(tx, organization, id).ConfigureAwait(false);
            if ((await OrganizationTree.MembersAsync(tx, organization, id, null, 1).ConfigureAwait(false)).Count > 0
                || (await OrganizationTree.UnitsAsync(tx, organization, id, limit: 1).ConfigureAwait(false)).Count > 0)
            {
                throw OrganizationErrors.OrganizationalUnitNotEmpty(id);
            }

            await PolicyCollections.DetachAllFromTargetAsync(tx, organization.Id, id).ConfigureAwait(false); // AWS detaches an OU's policies with it
            return await OrganizationCollections.Units.DeleteAsync(tx, id).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The OUs directly in a root or OU, by id.</summary>
    public async Task<OrganizationPage<OrganizationalUnit>> ListOrganizationalUnitsForParentAsync(
        CallerIdentity caller, string? parentId, string? nextToken, int? maxResults, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        string parent = OrganizationValidation.ParentId(parentId);
        int limit = Paging.Limit(maxResults);
        OrganizationRecord organization = await _access.RequireAsync(caller, "ListOrganizationalUnitsForParent",
            CallerAccess.ManagementOrDelegatedAdministrator, o => OrganizationTree.ParentArn(o, parent), cancellationToken).ConfigureAwait(false);
        string scope = $"org-units:{organization.Id}:{parent}";
        string? after = Paging.After(tokens, scope, nextToken);
        IReadOnlyList<OrganizationalUnitRecord> units = await store.TransactAsync(async tx =>
        {
            _ = await OrganizationTree.FindParentAsync(tx, organization, parent).ConfigureAwait(false) ?? throw OrganizationErrors.ParentNotFound(parent);
            return await OrganizationTree.UnitsAsync(tx, organization, parent, after, limit + 1).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        return Paging.Page(units, limit, u => u.Id, u => OrganizationTree.ToUnit(organization, u), tokens, scope);
    }

    /// <summary>The accounts or the OUs directly in a root or OU, by id.</summary>
    public async Task<OrganizationPage<OrganizationChild>> ListChildrenAsync(
        CallerIdentity caller, string? parentId, string? childType, string? nextToken, int? maxResults, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        string parent = OrganizationValidation.ParentId(parentId);
        OrganizationChildType type = OrganizationValidation.ChildType(childType);
        int limit = Paging.Limit(maxResults);
        OrganizationRecord organization = await _access.RequireAsync(caller, "ListChildren",
            CallerAccess.ManagementOrDelegatedAdministrator, o => OrganizationTree.ParentArn(o, parent), cancellationToken).ConfigureAwait(false);
        string scope = $"org-children:{organization.Id}:{parent}:{type}";
        string? after = Paging.After(tokens, scope, nextToken);
        IReadOnlyList<string> ids = await store.TransactAsync<IReadOnlyList<string>>(async tx =>
        {
            _ = await OrganizationTree.FindParentAsync(tx, organization, parent).ConfigureAwait(false) ?? throw OrganizationErrors.ParentNotFound(parent);
            return type == OrganizationChildType.Account
                ? [.. (await OrganizationTree.MembersAsync(tx, organization, parent, after, limit + 1).ConfigureAwait(false)).Select(m => m.AccountId)]
                : [.. (await OrganizationTree.UnitsAsync(tx, organization, parent, after, limit + 1).ConfigureAwait(false)).Select(u => u.Id)];
        }, cancellationToken).ConfigureAwait(false);
        return Paging.Page(ids, limit, id => id, id => new OrganizationChild(id, type), tokens, scope);
    }

    /// <summary>The parent of an account or OU (always one).</summary>
    public async Task<OrganizationPage<OrganizationParent>> ListParentsAsync(
        CallerIdentity caller, string? childId, string? nextToken, int? maxResults, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        string child = OrganizationValidation.ChildId(childId);
        int limit = Paging.Limit(maxResults);
        bool isAccount = OrganizationIds.AccountId().IsMatch(child);
        OrganizationRecord organization = await _access.RequireAsync(caller, "ListParents", CallerAccess.ManagementOrDelegatedAdministrator,
            o => isAccount ? OrganizationArns.Account(o.ManagementAccountId, o.Id, child) : OrganizationTree.ParentArn(o, child), cancellationToken)
            .ConfigureAwait(false);
        string scope = $"org-parents:{organization.Id}:{child}";
        string? after = Paging.After(tokens, scope, nextToken);
        string parent = await store.TransactAsync(async tx => isAccount
            ? (await OrganizationTree.FindMemberAsync(tx, organization, child).ConfigureAwait(false))?.ParentId
            : (await OrganizationTree.FindUnitAsync(tx, organization, child).ConfigureAwait(false))?.ParentId, cancellationToken).ConfigureAwait(false)
            ?? throw OrganizationErrors.ChildNotFound(child);
        string[] parents = after is null ? [parent] : []; // one parent: a page never ends before it
        return Paging.Page(parents, limit, id => id, id => new OrganizationParent(id, ParentTypeOf(id)), tokens, scope);
    }

    private static OrganizationParentType ParentTypeOf(string id) =>
        OrganizationIds.IsRoot(id) ? OrganizationParentType.Root : OrganizationParentType.OrganizationalUnit;

    private static async Task<OrganizationalUnitRecord> RequireUnitAsync(IMetadataTransaction tx, OrganizationRecord organization, string id) =>
        await OrganizationTree.FindUnitAsync(tx, organization, id).ConfigureAwait(false) ?? throw OrganizationErrors.OrganizationalUnitNotFound(id);

    private static async Task RequireUniqueNameAsync(IMetadataTransaction tx, OrganizationRecord organization, string parentId, string name, string? except)
    {
        IReadOnlyList<OrganizationalUnitRecord> siblings = await OrganizationTree.UnitsAsync(tx, organization, parentId).ConfigureAwait(false);
        if (siblings.Any(s => s.Id != except && s.Name == name))
        {
            throw OrganizationErrors.DuplicateOrganizationalUnit(name, parentId);
        }
    }
}
