using Arca.Control.Iam;
using Arca.Control.Identity;
using Arca.Domain.Iam;

namespace Arca.Control.Tests.Iam;

public sealed class AuthorizerTests
{
    private const string Vault = "arn:aws:backup:us-east-1:{0}:backup-vault:v";

    [Fact]
    public async Task A_root_may_do_anything_in_its_own_account()
    {
        var f = new ControlFixture();
        CallerIdentity root = await f.NewRootAsync();
        await f.Authorizer.AuthorizeAsync(root, "backup:DeleteBackupVault", string.Format(Vault, root.AccountId));
    }

    [Fact]
    public async Task A_session_has_exactly_its_roles_inline_policies()
    {
        var f = new ControlFixture();
        CallerIdentity root = await f.NewRootAsync();
        Role role = await f.NewRoleAsync(root, "r", root.AccountId, ("p", ControlFixture.Allow("backup:List*")));
        CallerIdentity session = await f.AssumeAsync(root, role);

        await f.Authorizer.AuthorizeAsync(session, "backup:ListBackupVaults", null);
        var e = await Assert.ThrowsAsync<AccessDeniedException>(() =>
            f.Authorizer.AuthorizeAsync(session, "backup:DeleteBackupVault", string.Format(Vault, root.AccountId)));
        Assert.Equal(("AccessDeniedException", 403), (e.Code, e.HttpStatus));
        Assert.Equal(
            $"User: {session.PrincipalArn} is not authorized to perform: backup:DeleteBackupVault on resource: {string.Format(Vault, root.AccountId)} "
            + "because no identity-based policy allows the backup:DeleteBackupVault action",
            e.Message);
    }

    [Fact]
    public async Task An_explicit_deny_in_an_inline_policy_wins()
    {
        var f = new ControlFixture();
        CallerIdentity root = await f.NewRootAsync();
        Role role = await f.NewRoleAsync(root, "r", root.AccountId, ("all", ControlFixture.Allow("*")), ("no", ControlFixture.Deny("iam:*")));
        CallerIdentity session = await f.AssumeAsync(root, role);
        var e = await Assert.ThrowsAsync<AccessDeniedException>(() => f.Authorizer.AuthorizeAsync(session, "iam:CreateRole", "arn:aws:iam::111111111111:role/x"));
        Assert.Equal(("AccessDenied", 403, AccessOutcome.ExplicitDeny), (e.Code, e.HttpStatus, e.Decision.Outcome));
        Assert.EndsWith("with an explicit deny in an identity-based policy", e.Message);
    }

    [Fact]
    public async Task A_session_of_a_deleted_and_recreated_role_has_no_permissions()
    {
        var f = new ControlFixture();
        CallerIdentity root = await f.NewRootAsync();
        Role role = await f.NewRoleAsync(root, "r", root.AccountId, ("p", ControlFixture.Allow("*")));
        CallerIdentity session = await f.AssumeAsync(root, role);
        await f.RolePolicies.DeleteRolePolicyAsync(root, "r", "p");
        await f.Roles.DeleteRoleAsync(root, "r");
        await f.NewRoleAsync(root, "r", root.AccountId, ("p", ControlFixture.Allow("*")));

        await Assert.ThrowsAsync<AccessDeniedException>(() => f.Authorizer.AuthorizeAsync(session, "backup:ListBackupVaults", null));
    }

    [Fact]
    public async Task Cross_account_access_needs_the_resource_policy_even_for_a_root()
    {
        var f = new ControlFixture();
        CallerIdentity a = await f.NewRootAsync("a");
        CallerIdentity b = await f.NewRootAsync("b");
        string vault = string.Format(Vault, b.AccountId);
        var e = await Assert.ThrowsAsync<AccessDeniedException>(() =>
            f.Authorizer.AuthorizeAsync(a, "backup:CopyIntoBackupVault", vault, b.AccountId));
        Assert.EndsWith("because no resource-based policy allows the backup:CopyIntoBackupVault action", e.Message);

        var policy = new NamedPolicy("vault access policy", PolicyDocument.Parse(
            $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"{{a.AccountId}}"},"Action":"backup:CopyIntoBackupVault","Resource":"*"}]}""",
            PolicyKind.Resource, 20480));
        await f.Authorizer.AuthorizeAsync(a, "backup:CopyIntoBackupVault", vault, b.AccountId, policy);
    }

    [Fact]
    public async Task Organization_keys_come_from_the_membership_seam_and_scps_apply_to_members()
    {
        var orgs = new FakeOrganizations();
        var f = new ControlFixture(orgs);
        CallerIdentity management = await f.NewRootAsync("mgmt");
        CallerIdentity member = await f.NewRootAsync("member");
        orgs.Add(member.AccountId, new OrganizationMembership("o-abc", management.AccountId, ["o-abc/r-ab12/ou-ab12-11111111/"])
        {
            ServiceControlPolicies = [[new NamedPolicy("scp deny-kms", PolicyDocument.Parse(ControlFixture.Allow("backup:*"), PolicyKind.Identity, 5120))]],
        });
        member = await f.CallerOfAsync(member.AccessKeyId);
        Assert.Equal(("o-abc", "o-abc/r-ab12/ou-ab12-11111111/"), (member.OrganizationId, member.OrganizationPaths.Single()));

        string vault = string.Format(Vault, management.AccountId);
        var orgPolicy = new NamedPolicy("vault access policy", PolicyDocument.Parse(
            """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"backup:CopyIntoBackupVault","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-abc"}}}]}""",
            PolicyKind.Resource, 20480));
        await f.Authorizer.AuthorizeAsync(member, "backup:CopyIntoBackupVault", vault, management.AccountId, orgPolicy);

        var e = await Assert.ThrowsAsync<AccessDeniedException>(() => f.Authorizer.AuthorizeAsync(member, "kms:Decrypt", null));
        Assert.EndsWith("because no service control policy allows the kms:Decrypt action", e.Message);
        Assert.Equal(400, e.HttpStatus);
    }

    private sealed class FakeOrganizations : IOrganizationMembership
    {
        private readonly Dictionary<string, OrganizationMembership> _members = [];

        public void Add(string accountId, OrganizationMembership membership) => _members[accountId] = membership;

        public Task<OrganizationMembership?> GetMembershipAsync(string accountId, CancellationToken cancellationToken = default) =>
            Task.FromResult(_members.GetValueOrDefault(accountId));
    }
}
