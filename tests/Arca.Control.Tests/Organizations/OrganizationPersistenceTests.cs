using Arca.Control.Identity;
using Arca.Control.Metadata;
using Arca.Control.Organizations;

namespace Arca.Control.Tests.Organizations;

/// <summary>The organization lives in the global store: it is all there after the SQLite store is reopened.</summary>
public sealed class OrganizationPersistenceTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("arca-org-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task The_tree_and_memberships_survive_a_reopen()
    {
        string path = Path.Combine(_dir, "global.db");
        MasterKey key = MasterKey.Generate();
        string managementKey, memberId, ouPath;
        await using (SqliteMetadataStore store = await SqliteMetadataStore.OpenAsync(path))
        {
            var f = new OrganizationFixture(store, key);
            (CallerIdentity management, Organization organization) = await f.NewOrganizationAsync();
            managementKey = management.AccessKeyId;
            string rootId = Assert.Single((await f.Organizations.ListRootsAsync(management, null, null)).Items).Id;
            OrganizationalUnit prod = await f.Units.CreateOrganizationalUnitAsync(management, rootId, "prod", [new OrganizationTag("k", "v")]);
            (memberId, _) = await f.NewMemberAsync(management, "member");
            await f.Members.MoveAccountAsync(management, memberId, rootId, prod.Id);
            await f.ServiceAccess.EnableAwsServiceAccessAsync(management, ServiceAccessService.BackupServicePrincipal);
            ouPath = prod.Path;
            Assert.StartsWith(organization.Id, ouPath, StringComparison.Ordinal);
        }

        await using (SqliteMetadataStore reopened = await SqliteMetadataStore.OpenAsync(path))
        {
            var f = new OrganizationFixture(reopened, key);
            CallerIdentity management = await f.CallerOfAsync(managementKey);
            Assert.Equal([ouPath], (await f.Membership.GetMembershipAsync(memberId))!.OrganizationPaths);
            Assert.Equal($"{ouPath}{memberId}/", (await f.Members.DescribeAccountAsync(management, memberId)).Path);
            Assert.Equal(2, (await f.Members.ListAccountsAsync(management, null, null)).Items.Count);
            Assert.True(await f.ServiceAccess.IsEnabledAsync(management.OrganizationId!, "backup.amazonaws.com"));
        }
    }
}
