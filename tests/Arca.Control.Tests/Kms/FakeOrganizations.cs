using Arca.Control.Identity;

namespace Arca.Control.Tests.Kms;

/// <summary>An organization membership the test sets by hand.</summary>
internal sealed class FakeOrganizations : IOrganizationMembership
{
    private readonly Dictionary<string, OrganizationMembership> _members = [];

    public void Add(string accountId, OrganizationMembership membership) => _members[accountId] = membership;

    public Task<OrganizationMembership?> GetMembershipAsync(string accountId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_members.GetValueOrDefault(accountId));
}
