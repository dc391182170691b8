using System.Text.RegularExpressions;
using Arca.Control.Iam;
using Arca.Control.Identity;
using Arca.Control.Organizations;
using Arca.Control.Sts;

namespace Arca.Control.Tests.Organizations;

public sealed class OrganizationServiceTests
{
    private readonly OrganizationFixture _f = new();

    [Fact]
    public async Task CreateOrganization_makes_the_caller_the_management_account_with_awss_ids_and_arns()
    {
        CallerIdentity root = await _f.NewRootAsync("management");
        Organization created = await _f.Organizations.CreateOrganizationAsync(root, null);

        Assert.Matches("^o-[a-z0-9]{10}$", created.Id);
        Assert.Equal($"arn:aws:organizations::{root.AccountId}:organization/{created.Id}", created.Arn);
        Assert.Equal(OrganizationFeatureSet.All, created.FeatureSet);
        Assert.Equal(root.AccountId, created.ManagementAccountId);
        Assert.Equal($"arn:aws:organizations::{root.AccountId}:account/{created.Id}/{root.AccountId}", created.ManagementAccountArn);
        Assert.StartsWith("management-", created.ManagementAccountEmail, StringComparison.Ordinal);
        Organization described = await _f.Organizations.DescribeOrganizationAsync(await _f.RefreshAsync(root));
        Assert.Equal(created with { AvailablePolicyTypes = [] }, described with { AvailablePolicyTypes = [] });
        Assert.Equal(created.AvailablePolicyTypes, described.AvailablePolicyTypes);
    }

    [Fact]
    public async Task The_root_has_service_control_policies_enabled_with_all_features_and_nothing_with_consolidated_billing()
    {
        (CallerIdentity management, Organization organization) = await _f.NewOrganizationAsync();
        OrganizationPage<OrganizationRoot> roots = await _f.Organizations.ListRootsAsync(management, null, null);
        OrganizationRoot root = Assert.Single(roots.Items);
        Assert.Matches("^r-[0-9a-z]{4}$", root.Id);
        Assert.Equal(($"arn:aws:organizations::{management.AccountId}:root/{organization.Id}/{root.Id}", "Root"), (root.Arn, root.Name));
        Assert.Equal([new PolicyTypeSummary("SERVICE_CONTROL_POLICY", PolicyTypeStatus.Enabled)], root.PolicyTypes);
        Assert.Equal(root.PolicyTypes, organization.AvailablePolicyTypes);
        Assert.Null(roots.NextToken);

        CallerIdentity billing = await _f.NewRootAsync("billing");
        Organization consolidated = await _f.Organizations.CreateOrganizationAsync(billing, "CONSOLIDATED_BILLING");
        Assert.Equal(OrganizationFeatureSet.ConsolidatedBilling, consolidated.FeatureSet);
        Assert.Empty(Assert.Single((await _f.Organizations.ListRootsAsync(await _f.RefreshAsync(billing), null, null)).Items).PolicyTypes);
    }

    [Fact]
    public async Task An_account_in_an_organization_cannot_create_another()
    {
        (CallerIdentity management, Organization organization) = await _f.NewOrganizationAsync();
        var e = await OrganizationFixture.FailsAsync("AlreadyInOrganizationException", () => _f.Organizations.CreateOrganizationAsync(management, "ALL"));
        Assert.Equal(409, e.HttpStatus);
        Assert.Contains(organization.Id, e.Message, StringComparison.Ordinal);

        (_, CallerIdentity member) = await _f.NewMemberAsync(management, "member");
        await OrganizationFixture.FailsAsync("AlreadyInOrganizationException", () => _f.Organizations.CreateOrganizationAsync(member, null));
    }

    [Fact]
    public async Task A_bad_feature_set_is_invalid_input_naming_the_field()
    {
        CallerIdentity root = await _f.NewRootAsync();
        var e = await OrganizationFixture.FailsAsync("InvalidInputException", () => _f.Organizations.CreateOrganizationAsync(root, "all"));
        Assert.Equal(400, e.HttpStatus);
        Assert.Contains("FeatureSet", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_account_outside_any_organization_gets_not_in_use()
    {
        CallerIdentity loner = await _f.NewRootAsync();
        var e = await OrganizationFixture.FailsAsync("AWSOrganizationsNotInUseException", () => _f.Organizations.DescribeOrganizationAsync(loner));
        Assert.Equal((404, "Your account is not a member of an organization."), (e.HttpStatus, e.Message));
        await OrganizationFixture.FailsAsync("AWSOrganizationsNotInUseException", () => _f.Organizations.ListRootsAsync(loner, null, null));
    }

    [Fact]
    public async Task Members_may_describe_the_organization_but_not_list_its_roots_nor_delete_it()
    {
        (CallerIdentity management, Organization organization) = await _f.NewOrganizationAsync();
        (_, CallerIdentity member) = await _f.NewMemberAsync(management, "member");

        Assert.Equal(organization.Id, (await _f.Organizations.DescribeOrganizationAsync(member)).Id);
        var e = await OrganizationFixture.FailsAsync("AccessDeniedException", () => _f.Organizations.ListRootsAsync(member, null, null));
        Assert.Equal(403, e.HttpStatus);
        Assert.Contains("ListRoots", e.Message, StringComparison.Ordinal);
        await OrganizationFixture.FailsAsync("AccessDeniedException", () => _f.Organizations.DeleteOrganizationAsync(member));
    }

    [Fact]
    public async Task A_session_of_the_management_account_needs_an_identity_policy()
    {
        (CallerIdentity management, _) = await _f.NewOrganizationAsync();
        Role role = await _f.Roles.CreateRoleAsync(management, new CreateRoleRequest
        {
            RoleName = "reader",
            AssumeRolePolicyDocument = ControlFixture.Trust(management.AccountId),
        });
        await _f.RolePolicies.PutRolePolicyAsync(management, "reader", "p", ControlFixture.Allow("organizations:Describe*"));
        AssumeRoleResult assumed = await _f.Sts.AssumeRoleAsync(management, new AssumeRoleRequest { RoleArn = role.Arn, RoleSessionName = "reader" });
        CallerIdentity session = await _f.CallerOfAsync(assumed.Credentials.AccessKeyId);

        await _f.Organizations.DescribeOrganizationAsync(session);
        var e = await OrganizationFixture.FailsAsync("AccessDeniedException", () => _f.Organizations.DeleteOrganizationAsync(session));
        Assert.Contains("organizations:DeleteOrganization", e.Message, StringComparison.Ordinal);
        Assert.Contains("no identity-based policy", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeleteOrganization_needs_every_member_gone_and_then_frees_the_management_account()
    {
        (CallerIdentity management, Organization organization) = await _f.NewOrganizationAsync();
        (string memberId, _) = await _f.NewMemberAsync(management, "member");
        OrganizationalUnit unit = await _f.Units.CreateOrganizationalUnitAsync(
            management, Assert.Single((await _f.Organizations.ListRootsAsync(management, null, null)).Items).Id, "prod", null);
        await _f.ServiceAccess.EnableAwsServiceAccessAsync(management, "backup.amazonaws.com");

        var e = await OrganizationFixture.FailsAsync("OrganizationNotEmptyException", () => _f.Organizations.DeleteOrganizationAsync(management));
        Assert.Equal(409, e.HttpStatus);

        await _f.Members.RemoveAccountFromOrganizationAsync(management, memberId);
        await _f.Organizations.DeleteOrganizationAsync(management);

        Assert.Null(await _f.Membership.GetMembershipAsync(management.AccountId));
        Assert.False(await _f.ServiceAccess.IsEnabledAsync(organization.Id, "backup.amazonaws.com"));
        Assert.Equal(OrganizationTreeChangeKind.OrganizationDeleted, _f.Listener.Changes[^1].Kind);
        CallerIdentity again = await _f.RefreshAsync(management);
        Organization second = await _f.Organizations.CreateOrganizationAsync(again, null);
        Assert.NotEqual(organization.Id, second.Id);
        await OrganizationFixture.FailsAsync("OrganizationalUnitNotFoundException",
            () => _f.Units.DescribeOrganizationalUnitAsync(again, unit.Id));
    }

    [Fact]
    public async Task ListRoots_validates_its_paging_fields()
    {
        (CallerIdentity management, _) = await _f.NewOrganizationAsync();
        var e = await OrganizationFixture.FailsAsync("InvalidInputException", () => _f.Organizations.ListRootsAsync(management, null, 21));
        Assert.Contains("MaxResults", e.Message, StringComparison.Ordinal);
        e = await OrganizationFixture.FailsAsync("InvalidInputException", () => _f.Organizations.ListRootsAsync(management, "forged", null));
        Assert.Contains("NextToken", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Generated_ids_match_the_models_patterns()
    {
        for (int i = 0; i < 50; i++)
        {
            string root = Control.Organizations.Internal.OrganizationIds.NewRootId();
            Assert.Matches("^o-[a-z0-9]{10,32}$", Control.Organizations.Internal.OrganizationIds.NewOrganizationId());
            Assert.Matches("^r-[0-9a-z]{4,32}$", root);
            Assert.Matches($"^ou-{Regex.Escape(root[2..])}-[a-z0-9]{{8}}$", Control.Organizations.Internal.OrganizationIds.NewOrganizationalUnitId(root));
            Assert.Matches("^car-[a-z0-9]{32}$", Control.Organizations.Internal.OrganizationIds.NewCreateAccountRequestId());
        }
    }
}
