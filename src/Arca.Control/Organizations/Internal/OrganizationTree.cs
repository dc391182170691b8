using Arca.Control.Identity;
using Arca.Control.Identity.Internal;
using Arca.Control.Metadata;

namespace Arca.Control.Organizations.Internal;

/// <summary>Reads of the tree inside a transaction, and the mapping of records to the public types.</summary>
internal static class OrganizationTree
{
    /// <summary>The root or OU <paramref name="parentId"/> of the organization, or null.</summary>
    public static async Task<ParentNode?> FindParentAsync(IMetadataTransaction tx, OrganizationRecord organization, string parentId)
    {
        if (OrganizationIds.IsRoot(parentId))
        {
            return parentId == organization.RootId ? new ParentNode(parentId, organization.RootPath, 0) : null;
        }

        OrganizationalUnitRecord? unit = await FindUnitAsync(tx, organization, parentId).ConfigureAwait(false);
        return unit is null ? null : new ParentNode(unit.Id, unit.Path, unit.Path.Count(c => c == '/') - 2);
    }

    /// <summary>The OU <paramref name="ouId"/> when it belongs to the organization, or null.</summary>
    public static async Task<OrganizationalUnitRecord?> FindUnitAsync(IMetadataTransaction tx, OrganizationRecord organization, string ouId)
    {
        OrganizationalUnitRecord? unit = await OrganizationCollections.Units.GetAsync(tx, ouId).ConfigureAwait(false);
        return unit?.OrganizationId == organization.Id ? unit : null;
    }

    /// <summary>The membership of <paramref name="accountId"/> when it belongs to the organization, or null.</summary>
    public static async Task<MemberRecord?> FindMemberAsync(IMetadataTransaction tx, OrganizationRecord organization, string accountId)
    {
        MemberRecord? member = await OrganizationCollections.Members.GetAsync(tx, accountId).ConfigureAwait(false);
        return member?.OrganizationId == organization.Id ? member : null;
    }

    /// <summary>The members of a parent (i2), or of the whole organization, from <paramref name="after"/>.</summary>
    public static Task<IReadOnlyList<MemberRecord>> MembersAsync(
        IMetadataTransaction tx, OrganizationRecord organization, string? parentId, string? after, int limit) =>
        OrganizationCollections.Members.ListAsync(tx, new DocumentQuery { I1 = organization.Id, I2 = parentId, AfterKey = after, Limit = limit });

    /// <summary>The OUs of a parent, from <paramref name="after"/>.</summary>
    public static Task<IReadOnlyList<OrganizationalUnitRecord>> UnitsAsync(
        IMetadataTransaction tx, OrganizationRecord organization, string parentId, string? after = null, int limit = int.MaxValue) =>
        OrganizationCollections.Units.ListAsync(tx, new DocumentQuery { I1 = organization.Id, I2 = parentId, AfterKey = after, Limit = limit });

    /// <summary>The public view of a member, with the account's name and email.</summary>
    public static async Task<OrganizationAccount> ToAccountAsync(IMetadataTransaction tx, OrganizationRecord organization, MemberRecord member)
    {
        Account account = await IdentityCollections.Accounts.GetAsync(tx, member.AccountId).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"org-accounts/{member.AccountId} names an account that does not exist");
        return new OrganizationAccount(
            member.AccountId,
            OrganizationArns.Account(organization.ManagementAccountId, organization.Id, member.AccountId),
            account.Email,
            account.Name,
            member.JoinedMethod,
            member.JoinedAt,
            member.ParentId,
            $"{member.ParentPath}{member.AccountId}/");
    }

    /// <summary>The public views of <paramref name="members"/>, in order.</summary>
    public static async Task<IReadOnlyList<OrganizationAccount>> ToAccountsAsync(
        IMetadataTransaction tx, OrganizationRecord organization, IEnumerable<MemberRecord> members)
    {
        var accounts = new List<OrganizationAccount>();
        foreach (MemberRecord member in members)
        {
            accounts.Add(await ToAccountAsync(tx, organization, member).ConfigureAwait(false));
        }

        return accounts;
    }

    public static OrganizationalUnit ToUnit(OrganizationRecord organization, OrganizationalUnitRecord unit) =>
        new(unit.Id, OrganizationArns.OrganizationalUnit(organization.ManagementAccountId, organization.Id, unit.Id), unit.Name, unit.Path);

    public static OrganizationRoot ToRoot(OrganizationRecord organization) =>
        new(organization.RootId, OrganizationArns.Root(organization.ManagementAccountId, organization.Id, organization.RootId),
            organization.RootName, organization.RootPolicyTypes);

    /// <summary>The ARN of a parent, for authorization.</summary>
    public static string ParentArn(OrganizationRecord organization, string parentId) => OrganizationIds.IsRoot(parentId)
        ? OrganizationArns.Root(organization.ManagementAccountId, organization.Id, parentId)
        : OrganizationArns.OrganizationalUnit(organization.ManagementAccountId, organization.Id, parentId);

    /// <summary>Tells every listener about a committed change, in registration order.</summary>
    public static async Task PublishAsync(IEnumerable<IOrganizationTreeListener> listeners, OrganizationTreeChange change, CancellationToken cancellationToken)
    {
        foreach (IOrganizationTreeListener listener in listeners)
        {
            await listener.OnTreeChangedAsync(change, cancellationToken).ConfigureAwait(false);
        }
    }
}
