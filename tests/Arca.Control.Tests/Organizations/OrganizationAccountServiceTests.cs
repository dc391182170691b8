using Arca.Control.Identity;
using Arca.Control.Organizations;

namespace Arca.Control.Tests.Organizations;

public sealed class OrganizationAccountServiceTests : IAsyncLifetime
{
    private readonly OrganizationFixture _f = new();
    private CallerIdentity _management = null!;
    private Organization _organization = null!;
    private string _rootId = null!;

    public async Task InitializeAsync()
    {
        (_management, _organization) = await _f.NewOrganizationAsync();
        _rootId = Assert.Single((await _f.Organizations.ListRootsAsync(_management, null, null)).Items).Id;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ListAccounts_pages_through_every_account_with_signed_tokens()
    {
        var ids = new List<string> { _management.AccountId };
        for (int i = 0; i < 4; i++)
        {
            ids.Add((await _f.NewMemberAsync(_management, $"m{i}")).AccountId);
        }

        var seen = new List<OrganizationAccount>();
        string? token = null;
        do
        {
            OrganizationPage<OrganizationAccount> page = await _f.Members.ListAccountsAsync(_management, token, 2);
            Assert.InRange(page.Items.Count, 1, 2);
            seen.AddRange(page.Items);
            token = page.NextToken;
        }
        while (token is not null);

        Assert.Equal(ids.Order(StringComparer.Ordinal), seen.Select(a => a.Id));
        OrganizationAccount management = seen.Single(a => a.Id == _management.AccountId);
        Assert.Equal((AccountJoinedMethod.Invited, ControlFixture.T0), (management.JoinedMethod, management.JoinedTimestamp));
    }

    [Fact]
    public async Task MoveAccount_changes_the_parent_the_path_the_membership_and_tells_the_listeners()
    {
        (string member, CallerIdentity memberRoot) = await _f.NewMemberAsync(_management, "member");
        OrganizationalUnit prod = await _f.Units.CreateOrganizationalUnitAsync(_management, _rootId, "prod", null);

        await _f.Members.MoveAccountAsync(_management, member, _rootId, prod.Id);

        Assert.Equal([member], (await _f.Members.ListAccountsForParentAsync(_management, prod.Id, null, null)).Items.Select(a => a.Id));
        Assert.Equal([_management.AccountId], (await _f.Members.ListAccountsForParentAsync(_management, _rootId, null, null)).Items.Select(a => a.Id));
        Assert.Equal($"{prod.Path}{member}/", (await _f.Members.DescribeAccountAsync(_management, member)).Path);
        Assert.Equal([prod.Path], (await _f.Membership.GetMembershipAsync(member))!.OrganizationPaths);
        Assert.Equal([prod.Path], (await _f.RefreshAsync(memberRoot)).OrganizationPaths);
        Assert.Equal(new OrganizationTreeChange(OrganizationTreeChangeKind.AccountMoved, _organization.Id, member, _rootId, prod.Id, ControlFixture.T0),
            _f.Listener.Changes[^1]);
    }

    [Fact]
    public async Task MoveAccount_checks_the_account_and_both_parents()
    {
        (string member, _) = await _f.NewMemberAsync(_management, "member");
        OrganizationalUnit prod = await _f.Units.CreateOrganizationalUnitAsync(_management, _rootId, "prod", null);
        string missingOu = $"ou-{_rootId[2..]}-zzzzzzzz";

        await OrganizationFixture.FailsAsync("AccountNotFoundException", () => _f.Members.MoveAccountAsync(_management, "111111111111", _rootId, prod.Id));
        await OrganizationFixture.FailsAsync("SourceParentNotFoundException", () => _f.Members.MoveAccountAsync(_management, member, missingOu, prod.Id));
        await OrganizationFixture.FailsAsync("DestinationParentNotFoundException", () => _f.Members.MoveAccountAsync(_management, member, _rootId, missingOu));
        var e = await OrganizationFixture.FailsAsync("SourceParentNotFoundException", () => _f.Members.MoveAccountAsync(_management, member, prod.Id, _rootId));
        Assert.Contains($"it is in {_rootId}", e.Message, StringComparison.Ordinal);
        e = await OrganizationFixture.FailsAsync("DuplicateAccountException", () => _f.Members.MoveAccountAsync(_management, member, _rootId, _rootId));
        Assert.Equal(409, e.HttpStatus);
        Assert.Contains("DestinationParentId", (await OrganizationFixture.FailsAsync("InvalidInputException",
            () => _f.Members.MoveAccountAsync(_management, member, _rootId, "nope"))).Message, StringComparison.Ordinal);
        Assert.Contains("SourceParentId", (await OrganizationFixture.FailsAsync("InvalidInputException",
            () => _f.Members.MoveAccountAsync(_management, member, null, prod.Id))).Message, StringComparison.Ordinal);
        Assert.Contains("AccountId", (await OrganizationFixture.FailsAsync("InvalidInputException",
            () => _f.Members.MoveAccountAsync(_management, "12345", _rootId, prod.Id))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_removed_account_is_standalone_keeps_its_roles_and_leaves_no_membership()
    {
        (string member, CallerIdentity memberRoot) = await _f.NewMemberAsync(_management, "member");
        await _f.Members.RemoveAccountFromOrganizationAsync(_management, member);

        Assert.Null(await _f.Membership.GetMembershipAsync(member));
        Assert.NotNull(await _f.Roles.FindRoleAsync(member, "OrganizationAccountAccessRole"));
        await OrganizationFixture.FailsAsync("AccountNotFoundException", () => _f.Members.DescribeAccountAsync(_management, member));
        await OrganizationFixture.FailsAsync("AWSOrganizationsNotInUseException", () => _f.Organizations.DescribeOrganizationAsync(memberRoot));
        Assert.Equal(OrganizationTreeChangeKind.AccountRemoved, _f.Listener.Changes[^1].Kind);
        Assert.Equal(_rootId, _f.Listener.Changes[^1].FromParentId);
    }

    [Fact]
    public async Task The_management_account_and_delegated_administrators_cannot_be_removed()
    {
        var e = await OrganizationFixture.FailsAsync("MasterCannotLeaveOrganizationException",
            () => _f.Members.RemoveAccountFromOrganizationAsync(_management, _management.AccountId));
        Assert.Equal(409, e.HttpStatus);

        (string member, _) = await _f.NewMemberAsync(_management, "member");
        await _f.Delegated.RegisterDelegatedAdministratorAsync(_management, member, "backup.amazonaws.com");
        e = await OrganizationFixture.FailsAsync("ConstraintViolationException", () => _f.Members.RemoveAccountFromOrganizationAsync(_management, member));
        Assert.StartsWith("CANNOT_REMOVE_DELEGATED_ADMINISTRATOR_FROM_ORG", e.Message, StringComparison.Ordinal);
        await _f.Delegated.DeregisterDelegatedAdministratorAsync(_management, member, "backup.amazonaws.com");
        await _f.Members.RemoveAccountFromOrganizationAsync(_management, member);
    }

    [Fact]
    public async Task Members_cannot_read_or_change_accounts()
    {
        (string member, CallerIdentity memberRoot) = await _f.NewMemberAsync(_management, "member");
        var e = await OrganizationFixture.FailsAsync("AccessDeniedException", () => _f.Members.ListAccountsAsync(memberRoot, null, null));
        Assert.Equal(403, e.HttpStatus);
        await OrganizationFixture.FailsAsync("AccessDeniedException", () => _f.Members.DescribeAccountAsync(memberRoot, member));
        await OrganizationFixture.FailsAsync("AccessDeniedException", () => _f.Members.RemoveAccountFromOrganizationAsync(memberRoot, member));
    }

    [Fact]
    public async Task A_token_is_good_for_its_own_query_only()
    {
        await _f.NewMemberAsync(_management, "a");
        OrganizationalUnit prod = await _f.Units.CreateOrganizationalUnitAsync(_management, _rootId, "prod", null);
        string token = (await _f.Members.ListAccountsAsync(_management, null, 1)).NextToken!;
        await OrganizationFixture.FailsAsync("InvalidInputException", () => _f.Members.ListAccountsForParentAsync(_management, _rootId, token, 1));
        await OrganizationFixture.FailsAsync("InvalidInputException", () => _f.Units.ListOrganizationalUnitsForParentAsync(_management, prod.Id, token, 1));
        Assert.Single((await _f.Members.ListAccountsAsync(_management, token, 1)).Items);
    }
}
