using Arca.Control.Errors;
using Arca.Control.Iam;
using Arca.Control.Identity;

namespace Arca.Control.Tests.Iam;

public sealed class RoleServiceTests
{
    private readonly ControlFixture _f = new();

    [Fact]
    public async Task CreateRole_stores_the_aws_shape_and_GetRole_returns_it()
    {
        CallerIdentity root = await _f.NewRootAsync();
        Role created = await _f.Roles.CreateRoleAsync(root, new CreateRoleRequest
        {
            RoleName = "cabrole",
            Path = "/service/",
            AssumeRolePolicyDocument = ControlFixture.Trust(root.AccountId),
            Description = "backup role",
            MaxSessionDuration = 7200,
            Tags = [new RoleTag("team", "ops")],
        });

        Assert.Equal($"arn:aws:iam::{root.AccountId}:role/service/cabrole", created.Arn);
        Assert.Matches("^AROA[A-Z2-7]{17}$", created.RoleId);
        Assert.Equal((7200, ControlFixture.T0, "backup role"), (created.MaxSessionDuration, created.CreateDate, created.Description));
        Role got = await _f.Roles.GetRoleAsync(root, "CABROLE");
        Assert.Equal(created.Arn, got.Arn);
        Assert.Equal([new RoleTag("team", "ops")], got.Tags);
    }

    [Fact]
    public async Task Role_names_are_unique_regardless_of_case()
    {
        CallerIdentity root = await _f.NewRootAsync();
        await _f.NewRoleAsync(root, "Ops", root.AccountId);
        var e = await Assert.ThrowsAsync<AwsServiceException>(() => _f.NewRoleAsync(root, "ops", root.AccountId));
        Assert.Equal(("EntityAlreadyExists", 409, "Role with name ops already exists."), (e.Code, e.HttpStatus, e.Message));
    }

    [Theory]
    [InlineData(null, "/", "roleName", "must not be null")]
    [InlineData("", "/", "roleName", "length greater than or equal to 1")]
    [InlineData("bad/name", "/", "roleName", "regular expression")]
    [InlineData("héllo", "/", "roleName", "regular expression")]
    [InlineData("ok", "noslash", "path", "regular expression")]
    [InlineData("ok", "/a", "path", "regular expression")]
    public async Task Invalid_names_and_paths_are_validation_errors_naming_the_field(string? name, string path, string field, string text)
    {
        CallerIdentity root = await _f.NewRootAsync();
        var e = await Assert.ThrowsAsync<AwsServiceException>(() => _f.Roles.CreateRoleAsync(root, new CreateRoleRequest
        {
            RoleName = name,
            Path = path,
            AssumeRolePolicyDocument = ControlFixture.Trust(root.AccountId),
        }));
        Assert.Equal(("ValidationError", 400), (e.Code, e.HttpStatus));
        Assert.Contains($"'{field}'", e.Message);
        Assert.Contains(text, e.Message);
    }

    [Fact]
    public async Task A_65_character_name_and_out_of_range_session_durations_are_refused()
    {
        CallerIdentity root = await _f.NewRootAsync();
        string trust = ControlFixture.Trust(root.AccountId);
        Assert.Contains("'roleName'", (await Assert.ThrowsAsync<AwsServiceException>(() =>
            _f.Roles.CreateRoleAsync(root, new CreateRoleRequest { RoleName = new string('a', 65), AssumeRolePolicyDocument = trust }))).Message);
        Assert.Contains("'maxSessionDuration'", (await Assert.ThrowsAsync<AwsServiceException>(() =>
            _f.Roles.CreateRoleAsync(root, new CreateRoleRequest { RoleName = "r", AssumeRolePolicyDocument = trust, MaxSessionDuration = 3599 }))).Message);
        await _f.Roles.CreateRoleAsync(root, new CreateRoleRequest { RoleName = new string('a', 64), AssumeRolePolicyDocument = trust });
    }

    [Theory]
    [InlineData("not json", "MalformedPolicyDocument")]
    [InlineData("{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\"}]}", "MalformedPolicyDocument")]
    [InlineData("{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"sts:AssumeRole\",\"Resource\":\"*\"}]}", "MalformedPolicyDocument")]
    public async Task Trust_policies_are_parsed_as_trust_policies(string document, string code)
    {
        CallerIdentity root = await _f.NewRootAsync();
        var e = await Assert.ThrowsAsync<AwsServiceException>(() =>
            _f.Roles.CreateRoleAsync(root, new CreateRoleRequest { RoleName = "r", AssumeRolePolicyDocument = document }));
        Assert.Equal((code, 400), (e.Code, e.HttpStatus));
        Assert.False(string.IsNullOrWhiteSpace(e.Message));
    }

    [Fact]
    public async Task A_trust_policy_over_2048_characters_without_white_space_exceeds_the_limit()
    {
        CallerIdentity root = await _f.NewRootAsync();
        string big = $$"""{"Version":"2012-10-17","Statement":[{"Sid":"{{new string('s', 2000)}}","Effect":"Allow","Principal":{"AWS":"{{root.AccountId}}"},"Action":"sts:AssumeRole"}]}""";
        var e = await Assert.ThrowsAsync<AwsServiceException>(() => _f.Roles.CreateRoleAsync(root, new CreateRoleRequest { RoleName = "r", AssumeRolePolicyDocument = big }));
        Assert.Equal("LimitExceeded", e.Code);
    }

    [Fact]
    public async Task ListRoles_pages_with_signed_markers_and_filters_by_path_prefix()
    {
        CallerIdentity root = await _f.NewRootAsync();
        CallerIdentity other = await _f.NewRootAsync("other");
        for (int i = 0; i < 5; i++)
        {
            await _f.Roles.CreateRoleAsync(root, new CreateRoleRequest { RoleName = $"r{i}", Path = i % 2 == 0 ? "/even/" : "/", AssumeRolePolicyDocument = ControlFixture.Trust(root.AccountId) });
        }

        await _f.NewRoleAsync(other, "theirs", other.AccountId);

        ListRolesResult first = await _f.Roles.ListRolesAsync(root, null, null, 2);
        Assert.Equal(["r0", "r1"], first.Roles.Select(r => r.RoleName));
        Assert.True(first.IsTruncated);
        ListRolesResult second = await _f.Roles.ListRolesAsync(root, null, first.Marker, 2);
        ListRolesResult third = await _f.Roles.ListRolesAsync(root, null, second.Marker, 2);
        Assert.Equal(["r4"], third.Roles.Select(r => r.RoleName));
        Assert.Equal((false, (string?)null), (third.IsTruncated, third.Marker));
        Assert.Equal(["r0", "r2", "r4"], (await _f.Roles.ListRolesAsync(root, "/even/", null, null)).Roles.Select(r => r.RoleName));

        Assert.Equal("ValidationError", (await Assert.ThrowsAsync<AwsServiceException>(() => _f.Roles.ListRolesAsync(other, null, first.Marker, 2))).Code);
        Assert.Equal("ValidationError", (await Assert.ThrowsAsync<AwsServiceException>(() => _f.Roles.ListRolesAsync(root, "/even/", first.Marker, 2))).Code);
        Assert.Equal("ValidationError", (await Assert.ThrowsAsync<AwsServiceException>(() => _f.Roles.ListRolesAsync(root, null, null, 0))).Code);
    }

    [Fact]
    public async Task DeleteRole_conflicts_while_inline_policies_remain()
    {
        CallerIdentity root = await _f.NewRootAsync();
        await _f.NewRoleAsync(root, "r", root.AccountId, ("p", ControlFixture.Allow("backup:*")));
        var e = await Assert.ThrowsAsync<AwsServiceException>(() => _f.Roles.DeleteRoleAsync(root, "r"));
        Assert.Equal(("DeleteConflict", 409), (e.Code, e.HttpStatus));

        await _f.RolePolicies.DeleteRolePolicyAsync(root, "r", "p");
        await _f.Roles.DeleteRoleAsync(root, "r");
        Assert.Equal(("NoSuchEntity", 404), await Code(() => _f.Roles.GetRoleAsync(root, "r")));
        Assert.Equal(("NoSuchEntity", 404), await Code(() => _f.Roles.DeleteRoleAsync(root, "r")));
    }

    [Fact]
    public async Task UpdateAssumeRolePolicy_replaces_the_trust_policy_after_validating_it()
    {
        CallerIdentity root = await _f.NewRootAsync();
        await _f.NewRoleAsync(root, "r", root.AccountId);
        string next = ControlFixture.Trust("arn:aws:iam::222222222222:root");
        await _f.Roles.UpdateAssumeRolePolicyAsync(root, "r", next);
        Assert.Equal(next, (await _f.Roles.GetRoleAsync(root, "r")).AssumeRolePolicyDocument);
        Assert.Equal(("MalformedPolicyDocument", 400), await Code(() => _f.Roles.UpdateAssumeRolePolicyAsync(root, "r", "{}")));
        Assert.Equal(("NoSuchEntity", 404), await Code(() => _f.Roles.UpdateAssumeRolePolicyAsync(root, "nope", next)));
    }

    [Fact]
    public async Task UpdateRole_keeps_what_it_is_not_given_and_UpdateRoleDescription_replaces_the_description()
    {
        CallerIdentity root = await _f.NewRootAsync();
        await _f.Roles.CreateRoleAsync(root, new CreateRoleRequest { RoleName = "r", AssumeRolePolicyDocument = ControlFixture.Trust(root.AccountId), Description = "d" });
        await _f.Roles.UpdateRoleAsync(root, "r", null, 7200);
        Role role = await _f.Roles.GetRoleAsync(root, "r");
        Assert.Equal(("d", 7200), (role.Description, role.MaxSessionDuration));
        await _f.Roles.UpdateRoleAsync(root, "r", "e", null);
        role = await _f.Roles.GetRoleAsync(root, "r");
        Assert.Equal(("e", 7200), (role.Description, role.MaxSessionDuration));
        Assert.Equal("f", (await _f.Roles.UpdateRoleDescriptionAsync(root, "r", "f")).Description);
        Assert.Null((await _f.Roles.UpdateRoleDescriptionAsync(root, "r", string.Empty)).Description);
        Assert.Equal(7200, (await _f.Roles.GetRoleAsync(root, "r")).MaxSessionDuration);

        Assert.Equal(("ValidationError", 400), await Code(() => _f.Roles.UpdateRoleAsync(root, "r", null, 43201)));
        Assert.Equal(("ValidationError", 400), await Code(() => _f.Roles.UpdateRoleAsync(root, "r", new string('x', 1001), null)));
        Assert.Equal(("ValidationError", 400), await Code(() => _f.Roles.UpdateRoleDescriptionAsync(root, "r", null)));
        Assert.Equal(("NoSuchEntity", 404), await Code(() => _f.Roles.UpdateRoleAsync(root, "nope", "d", null)));
        Assert.Equal(("NoSuchEntity", 404), await Code(() => _f.Roles.UpdateRoleDescriptionAsync(root, "nope", "d")));
        role = await _f.Roles.GetRoleAsync(root, "r");
        Assert.Equal((null, 7200), (role.Description, role.MaxSessionDuration)); // the refused updates changed nothing
    }

    [Fact]
    public async Task Roles_of_one_account_are_invisible_to_another()
    {
        CallerIdentity a = await _f.NewRootAsync("a");
        CallerIdentity b = await _f.NewRootAsync("b");
        await _f.NewRoleAsync(a, "r", a.AccountId);
        Assert.Equal(("NoSuchEntity", 404), await Code(() => _f.Roles.GetRoleAsync(b, "r")));
        Assert.Empty((await _f.Roles.ListRolesAsync(b, null, null, null)).Roles);
    }

    private static async Task<(string, int)> Code(Func<Task> action)
    {
        var e = await Assert.ThrowsAsync<AwsServiceException>(action);
        return (e.Code, e.HttpStatus);
    }
}
