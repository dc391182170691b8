using Arca.Control.Errors;
using Arca.Control.Iam;
using Arca.Control.Identity;

namespace Arca.Control.Tests.Iam;

public sealed class RolePolicyServiceTests
{
    private readonly ControlFixture _f = new();

    [Fact]
    public async Task Put_get_list_and_delete_inline_policies()
    {
        CallerIdentity root = await _f.NewRootAsync();
        await _f.NewRoleAsync(root, "r", root.AccountId);
        await _f.RolePolicies.PutRolePolicyAsync(root, "r", "b", ControlFixture.Allow("backup:*"));
        await _f.RolePolicies.PutRolePolicyAsync(root, "r", "a", ControlFixture.Allow("kms:*"));
        await _f.RolePolicies.PutRolePolicyAsync(root, "r", "a", ControlFixture.Allow("kms:Decrypt"));

        Assert.Equal(ControlFixture.Allow("kms:Decrypt"), (await _f.RolePolicies.GetRolePolicyAsync(root, "r", "a")).PolicyDocument);
        ListRolePoliciesResult first = await _f.RolePolicies.ListRolePoliciesAsync(root, "r", null, 1);
        Assert.Equal(["a"], first.PolicyNames);
        Assert.True(first.IsTruncated);
        ListRolePoliciesResult second = await _f.RolePolicies.ListRolePoliciesAsync(root, "r", first.Marker, 1);
        Assert.Equal(["b"], second.PolicyNames);
        Assert.False(second.IsTruncated);

        await _f.RolePolicies.DeleteRolePolicyAsync(root, "r", "a");
        var e = await Assert.ThrowsAsync<AwsServiceException>(() => _f.RolePolicies.GetRolePolicyAsync(root, "r", "a"));
        Assert.Equal(("NoSuchEntity", "The role policy with name a cannot be found."), (e.Code, e.Message));
        Assert.Equal("NoSuchEntity", (await Assert.ThrowsAsync<AwsServiceException>(() => _f.RolePolicies.DeleteRolePolicyAsync(root, "r", "a"))).Code);
    }

    [Fact]
    public async Task A_policy_on_a_missing_role_is_no_such_entity()
    {
        CallerIdentity root = await _f.NewRootAsync();
        var e = await Assert.ThrowsAsync<AwsServiceException>(() => _f.RolePolicies.PutRolePolicyAsync(root, "nope", "p", ControlFixture.Allow("backup:*")));
        Assert.Equal(("NoSuchEntity", "The role with name nope cannot be found."), (e.Code, e.Message));
    }

    [Theory]
    [InlineData("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\"}]}", "Resource")]
    [InlineData("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}", "Principal")]
    [InlineData("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Maybe\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}", "Effect")]
    public async Task Malformed_identity_policies_carry_the_parsers_message(string document, string named)
    {
        CallerIdentity root = await _f.NewRootAsync();
        await _f.NewRoleAsync(root, "r", root.AccountId);
        var e = await Assert.ThrowsAsync<AwsServiceException>(() => _f.RolePolicies.PutRolePolicyAsync(root, "r", "p", document));
        Assert.Equal("MalformedPolicyDocument", e.Code);
        Assert.Contains(named, e.Message);
    }

    [Fact]
    public async Task Inline_policies_of_a_role_total_at_most_10240_characters_without_white_space()
    {
        CallerIdentity root = await _f.NewRootAsync();
        await _f.NewRoleAsync(root, "r", root.AccountId);
        static string Big(int n) => $$"""{"Version":"2012-10-17","Statement":[{"Sid":"{{new string('s', n)}}","Effect":"Allow","Action":"s3:*","Resource":"*"}]}""";
        await _f.RolePolicies.PutRolePolicyAsync(root, "r", "one", Big(5000));
        await _f.RolePolicies.PutRolePolicyAsync(root, "r", "one", Big(9000));
        var e = await Assert.ThrowsAsync<AwsServiceException>(() => _f.RolePolicies.PutRolePolicyAsync(root, "r", "two", Big(2000)));
        Assert.Equal(("LimitExceeded", "Maximum policy size of 10240 bytes exceeded for role r"), (e.Code, e.Message));
    }

    [Theory]
    [InlineData("bad name")]
    [InlineData("")]
    public async Task Bad_policy_names_are_validation_errors(string name)
    {
        CallerIdentity root = await _f.NewRootAsync();
        await _f.NewRoleAsync(root, "r", root.AccountId);
        var e = await Assert.ThrowsAsync<AwsServiceException>(() => _f.RolePolicies.PutRolePolicyAsync(root, "r", name, ControlFixture.Allow("s3:*")));
        Assert.Equal("ValidationError", e.Code);
        Assert.Contains("'policyName'", e.Message);
    }
}
