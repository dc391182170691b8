using Arca.Control.Identity;
using Arca.Control.Organizations;

namespace Arca.Control.Tests.Organizations;

public sealed class OrganizationalUnitServiceTests : IAsyncLifetime
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
    public async Task Nested_ous_have_ids_under_the_root_arns_and_paths_down_from_the_organization()
    {
        OrganizationalUnit prod = await _f.Units.CreateOrganizationalUnitAsync(_management, _rootId, "prod", [new OrganizationTag("team", "ops")]);
        OrganizationalUnit web = await _f.Units.CreateOrganizationalUnitAsync(_management, prod.Id, "web", null);

        Assert.Matches($"^ou-{_rootId[2..]}-[a-z0-9]{{8}}$", prod.Id);
        Assert.Equal($"arn:aws:organizations::{_management.AccountId}:ou/{_organization.Id}/{prod.Id}", prod.Arn);
        Assert.Equal($"{_organization.Id}/{_rootId}/{prod.Id}/", prod.Path);
        Assert.Equal($"{_organization.Id}/{_rootId}/{prod.Id}/{web.Id}/", web.Path);
        Assert.Equal(web, await _f.Units.DescribeOrganizationalUnitAsync(_management, web.Id));
        Assert.Equal([new OrganizationParent(prod.Id, OrganizationParentType.OrganizationalUnit)], (await _f.Units.ListParentsAsync(_management, web.Id, null, null)).Items);
        Assert.Equal([new OrganizationParent(_rootId, OrganizationParentType.Root)], (await _f.Units.ListParentsAsync(_management, prod.Id, null, null)).Items);
    }

    [Fact]
    public async Task Names_are_unique_among_a_parents_ous_only()
    {
        OrganizationalUnit prod = await _f.Units.CreateOrganizationalUnitAsync(_management, _rootId, "prod", null);
        var e = await OrganizationFixture.FailsAsync("DuplicateOrganizationalUnitException",
            () => _f.Units.CreateOrganizationalUnitAsync(_management, _rootId, "prod", null));
        Assert.Equal(409, e.HttpStatus);
        await _f.Units.CreateOrganizationalUnitAsync(_management, prod.Id, "prod", null);
        OrganizationalUnit dev = await _f.Units.CreateOrganizationalUnitAsync(_management, _rootId, "dev", null);
        await OrganizationFixture.FailsAsync("DuplicateOrganizationalUnitException", () => _f.Units.UpdateOrganizationalUnitAsync(_management, dev.Id, "prod"));

        OrganizationalUnit renamed = await _f.Units.UpdateOrganizationalUnitAsync(_management, dev.Id, "development");
        Assert.Equal(("development", dev.Path), (renamed.Name, renamed.Path));
        Assert.Equal(renamed, await _f.Units.UpdateOrganizationalUnitAsync(_management, dev.Id, null));
    }

    [Fact]
    public async Task Ous_nest_at_most_five_deep()
    {
        string parent = _rootId;
        for (int depth = 1; depth <= OrganizationalUnitService.MaxDepth; depth++)
        {
            parent = (await _f.Units.CreateOrganizationalUnitAsync(_management, parent, $"level{depth}", null)).Id;
        }

        var e = await OrganizationFixture.FailsAsync("ConstraintViolationException", () => _f.Units.CreateOrganizationalUnitAsync(_management, parent, "six", null));
        Assert.StartsWith("OU_DEPTH_LIMIT_EXCEEDED", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_ou_is_deleted_only_when_it_holds_no_account_and_no_ou()
    {
        OrganizationalUnit prod = await _f.Units.CreateOrganizationalUnitAsync(_management, _rootId, "prod", null);
        OrganizationalUnit web = await _f.Units.CreateOrganizationalUnitAsync(_management, prod.Id, "web", null);
        (string member, _) = await _f.NewMemberAsync(_management, "member");
        await _f.Members.MoveAccountAsync(_management, member, _rootId, web.Id);

        await OrganizationFixture.FailsAsync("OrganizationalUnitNotEmptyException", () => _f.Units.DeleteOrganizationalUnitAsync(_management, prod.Id));
        await OrganizationFixture.FailsAsync("OrganizationalUnitNotEmptyException", () => _f.Units.DeleteOrganizationalUnitAsync(_management, web.Id));
        await _f.Members.MoveAccountAsync(_management, member, web.Id, _rootId);
        await _f.Units.DeleteOrganizationalUnitAsync(_management, web.Id);
        await _f.Units.DeleteOrganizationalUnitAsync(_management, prod.Id);

        var e = await OrganizationFixture.FailsAsync("OrganizationalUnitNotFoundException", () => _f.Units.DescribeOrganizationalUnitAsync(_management, prod.Id));
        Assert.Equal(404, e.HttpStatus);
        Assert.Contains(prod.Id, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Children_and_ous_of_a_parent_are_listed_a_page_at_a_time()
    {
        var created = new List<string>();
        for (int i = 0; i < 3; i++)
        {
            created.Add((await _f.Units.CreateOrganizationalUnitAsync(_management, _rootId, $"ou{i}", null)).Id);
        }

        (string member, _) = await _f.NewMemberAsync(_management, "member");
        OrganizationPage<OrganizationalUnit> first = await _f.Units.ListOrganizationalUnitsForParentAsync(_management, _rootId, null, 2);
        Assert.Equal(2, first.Items.Count);
        OrganizationPage<OrganizationalUnit> second = await _f.Units.ListOrganizationalUnitsForParentAsync(_management, _rootId, first.NextToken, 2);
        Assert.Null(second.NextToken);
        Assert.Equal(created.Order(StringComparer.Ordinal), first.Items.Concat(second.Items).Select(u => u.Id));

        OrganizationPage<OrganizationChild> accounts = await _f.Units.ListChildrenAsync(_management, _rootId, "ACCOUNT", null, null);
        Assert.Equal(new[] { _management.AccountId, member }.Order(StringComparer.Ordinal), accounts.Items.Select(c => c.Id));
        Assert.All(accounts.Items, c => Assert.Equal(OrganizationChildType.Account, c.Type));
        OrganizationPage<OrganizationChild> units = await _f.Units.ListChildrenAsync(_management, _rootId, "ORGANIZATIONAL_UNIT", null, 3);
        Assert.Equal(created.Order(StringComparer.Ordinal), units.Items.Select(c => c.Id));

        var e = await OrganizationFixture.FailsAsync("InvalidInputException",
            () => _f.Units.ListChildrenAsync(_management, _rootId, "ACCOUNT", first.NextToken, null));
        Assert.Contains("NextToken", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "ParentId")]
    [InlineData("r-AB12", "ParentId")]
    [InlineData("ou-1234-1", "ParentId")]
    [InlineData("123456789012", "ParentId")]
    public async Task A_bad_parent_id_is_invalid_input_naming_the_field(string? parentId, string field)
    {
        var e = await OrganizationFixture.FailsAsync("InvalidInputException", () => _f.Units.CreateOrganizationalUnitAsync(_management, parentId, "x", null));
        Assert.Contains(field, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_parents_children_and_bad_names_get_their_errors()
    {
        Assert.Contains("Name", (await OrganizationFixture.FailsAsync("InvalidInputException",
            () => _f.Units.CreateOrganizationalUnitAsync(_management, _rootId, "", null))).Message, StringComparison.Ordinal);
        Assert.Contains("Name", (await OrganizationFixture.FailsAsync("InvalidInputException",
            () => _f.Units.CreateOrganizationalUnitAsync(_management, _rootId, new string('n', 129), null))).Message, StringComparison.Ordinal);
        Assert.Contains("Tags", (await OrganizationFixture.FailsAsync("InvalidInputException",
            () => _f.Units.CreateOrganizationalUnitAsync(_management, _rootId, "x", [new OrganizationTag("k", "v"), new OrganizationTag("k", "w")]))).Message,
            StringComparison.Ordinal);
        await OrganizationFixture.FailsAsync("ParentNotFoundException", () => _f.Units.CreateOrganizationalUnitAsync(_management, "r-zzzz", "x", null));
        await OrganizationFixture.FailsAsync("ParentNotFoundException", () => _f.Units.CreateOrganizationalUnitAsync(_management, $"ou-{_rootId[2..]}-00000000", "x", null));
        await OrganizationFixture.FailsAsync("ParentNotFoundException", () => _f.Units.ListChildrenAsync(_management, "r-zzzz", "ACCOUNT", null, null));
        Assert.Contains("ChildType", (await OrganizationFixture.FailsAsync("InvalidInputException",
            () => _f.Units.ListChildrenAsync(_management, _rootId, "account", null, null))).Message, StringComparison.Ordinal);
        await OrganizationFixture.FailsAsync("ChildNotFoundException", () => _f.Units.ListParentsAsync(_management, "999999999999", null, null));
        Assert.Contains("ChildId", (await OrganizationFixture.FailsAsync("InvalidInputException",
            () => _f.Units.ListParentsAsync(_management, "r-abcd", null, null))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Members_cannot_change_or_read_the_tree()
    {
        (_, CallerIdentity member) = await _f.NewMemberAsync(_management, "member");
        await OrganizationFixture.FailsAsync("AccessDeniedException", () => _f.Units.CreateOrganizationalUnitAsync(member, _rootId, "x", null));
        await OrganizationFixture.FailsAsync("AccessDeniedException", () => _f.Units.ListChildrenAsync(member, _rootId, "ACCOUNT", null, null));
    }
}
