using Arca.Control.Iam;
using Arca.Control.Identity;
using Arca.Control.Organizations;
using Arca.Control.Sts;

namespace Arca.Control.Tests.Organizations;

/// <summary>aws:PrincipalOrgID and aws:PrincipalOrgPaths in policy evaluation, from the stored organization.</summary>
public sealed class OrganizationMembershipTests : IAsyncLifetime
{
    private readonly OrganizationFixture _f = new();
    private CallerIdentity _management = null!;
    private Organization _organization = null!;

    public async Task InitializeAsync() => (_management, _organization) = await _f.NewOrganizationAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Membership_is_the_organization_its_management_account_and_the_accounts_parent_path()
    {
        string rootId = Assert.Single((await _f.Organizations.ListRootsAsync(_management, null, null)).Items).Id;
        OrganizationMembership membership = (await _f.Membership.GetMembershipAsync(_management.AccountId))!;
        Assert.Equal((_organization.Id, _management.AccountId), (membership.OrganizationId, membership.ManagementAccountId));
        Assert.Equal([$"{_organization.Id}/{rootId}/"], membership.OrganizationPaths);
        Assert.Empty(membership.ServiceControlPolicies);
        Assert.Equal(_organization.Id, _management.OrganizationId);
        Assert.Null(await _f.Membership.GetMembershipAsync("999999999999"));
    }

    [Fact]
    public async Task A_trust_policy_on_aws_PrincipalOrgID_admits_the_organization_only()
    {
        (_, CallerIdentity member) = await _f.NewMemberAsync(_management, "member");
        string trust = $$"""
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"sts:AssumeRole",
              "Condition":{"StringEquals":{"aws:PrincipalOrgID":"{{_organization.Id}}"} } }]}
            """;
        Role role = await _f.Roles.CreateRoleAsync(member, new CreateRoleRequest { RoleName = "org-only", AssumeRolePolicyDocument = trust });

        await _f.Sts.AssumeRoleAsync(_management, new AssumeRoleRequest { RoleArn = role.Arn, RoleSessionName = "in" });
        CallerIdentity outsider = await _f.NewRootAsync("outsider");
        await Assert.ThrowsAsync<AccessDeniedException>(() => _f.Sts.AssumeRoleAsync(outsider, new AssumeRoleRequest { RoleArn = role.Arn, RoleSessionName = "out" }));
    }

    [Fact]
    public async Task A_policy_on_aws_PrincipalOrgPaths_follows_the_account_when_it_moves()
    {
        string rootId = Assert.Single((await _f.Organizations.ListRootsAsync(_management, null, null)).Items).Id;
        OrganizationalUnit prod = await _f.Units.CreateOrganizationalUnitAsync(_management, rootId, "prod", null);
        (string memberId, CallerIdentity member) = await _f.NewMemberAsync(_management, "member");
        string trust = $$"""
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"sts:AssumeRole",
              "Condition":{"ForAnyValue:StringLike":{"aws:PrincipalOrgPaths":"{{prod.Path}}*"} } }]}
            """;
        Role role = await _f.Roles.CreateRoleAsync(_management, new CreateRoleRequest { RoleName = "prod-only", AssumeRolePolicyDocument = trust });

        await Assert.ThrowsAsync<AccessDeniedException>(() => _f.Sts.AssumeRoleAsync(member, new AssumeRoleRequest { RoleArn = role.Arn, RoleSessionName = "before" }));
        await _f.Members.MoveAccountAsync(_management, memberId, rootId, prod.Id);
        await _f.Sts.AssumeRoleAsync(await _f.RefreshAsync(member), new AssumeRoleRequest { RoleArn = role.Arn, RoleSessionName = "after" });
    }
}
