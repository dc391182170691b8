using Arca.Control.Identity;
using Arca.Control.Metadata;
using Arca.Control.Organizations.Internal;

namespace Arca.Control.Organizations;

/// <summary>
/// <see cref="IOrganizationMembership"/> over the Organizations collections: one read of the account's
/// membership document, which carries the organization, the management account and the account's path.
/// It depends on the store only (the <see cref="Iam.Authorizer"/> depends on it, so it cannot depend on the Authorizer).
/// </summary>
/// <remarks>Thread-safe.</remarks>
public sealed class OrganizationMembershipReader(IMetadataStore store) : IOrganizationMembership
{
    /// <inheritdoc/>
    public async Task<OrganizationMembership?> GetMembershipAsync(string accountId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        MemberRecord? member = await store.TransactAsync(tx => OrganizationCollections.Members.GetAsync(tx, accountId), cancellationToken)
            .ConfigureAwait(false);
        return member is null ? null : new OrganizationMembership(member.OrganizationId, member.ManagementAccountId, [member.ParentPath]);
    }
}
