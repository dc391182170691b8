using Arca.Control.Errors;
using Arca.Control.Iam;
using Arca.Control.Identity;
using Arca.Control.Sts;

namespace Arca.Control.Tests.Sts;

public sealed class StsServiceTests
{
    private readonly ControlFixture _f = new();

    [Fact]
    public async Task GetCallerIdentity_names_the_root_or_the_session()
    {
        CallerIdentity root = await _f.NewRootAsync();
        Assert.Equal(new CallerIdentityResult(root.AccountId, root.AccountId, $"arn:aws:iam::{root.AccountId}:root"), StsService.GetCallerIdentity(root));

        Role role = await _f.NewRoleAsync(root, "r", root.AccountId);
        CallerIdentity session = await _f.AssumeAsync(root, role, "alice");
        Assert.Equal(
            new CallerIdentityResult($"{role.RoleId}:alice", root.AccountId, $"arn:aws:sts::{root.AccountId}:assumed-role/r/alice"),
            StsService.GetCallerIdentity(session));
    }

    [Fact]
    public async Task AssumeRole_issues_credentials_expiring_after_the_duration()
    {
        CallerIdentity root = await _f.NewRootAsync();
        Role role = await _f.NewRoleAsync(root, "r", root.AccountId);
        AssumeRoleResult result = await _f.Sts.AssumeRoleAsync(root, new AssumeRoleRequest { RoleArn = role.Arn, RoleSessionName = "s1", DurationSeconds = 900 });

        Assert.Equal(ControlFixture.T0.AddSeconds(900), result.Credentials.ExpiresAt);
        Assert.Matches("^ASIA", result.Credentials.AccessKeyId);
        Assert.Equal((role.RoleId + ":s1", $"arn:aws:sts::{root.AccountId}:assumed-role/r/s1"), (result.AssumedRoleId, result.AssumedRoleArn));
        ResolvedCredential stored = (await _f.Credentials.FindAsync(result.Credentials.AccessKeyId))!;
        Assert.Equal(result.Credentials.SessionToken, stored.SessionToken);
    }

    [Fact]
    public async Task The_trust_policy_is_required_even_for_the_root_of_the_roles_account()
    {
        CallerIdentity root = await _f.NewRootAsync();
        Role role = await _f.NewRoleAsync(root, "r", "arn:aws:iam::999999999999:root");
        var e = await Assert.ThrowsAsync<AccessDeniedException>(() => _f.AssumeAsync(root, role));
        Assert.Equal(("AccessDenied", 403), (e.Code, e.HttpStatus));
        Assert.Contains($"is not authorized to perform: sts:AssumeRole on resource: {role.Arn}", e.Message);
    }

    [Fact]
    public async Task A_missing_role_is_denied_like_an_untrusting_one()
    {
        CallerIdentity root = await _f.NewRootAsync();
        var e = await Assert.ThrowsAsync<AccessDeniedException>(() => _f.Sts.AssumeRoleAsync(root,
            new AssumeRoleRequest { RoleArn = $"arn:aws:iam::{root.AccountId}:role/none", RoleSessionName = "s1" }));
        Assert.Equal("AccessDenied", e.Code);
    }

    [Fact]
    public async Task Cross_account_a_trusted_root_may_assume_and_a_session_needs_its_identity_side_too()
    {
        CallerIdentity source = await _f.NewRootAsync("source");
        CallerIdentity target = await _f.NewRootAsync("target");
        Role role = await _f.NewRoleAsync(target, "cabrole", source.AccountId);
        CallerIdentity assumed = await _f.AssumeAsync(source, role);
        Assert.Equal(target.AccountId, assumed.AccountId);

        Role helper = await _f.NewRoleAsync(source, "helper", source.AccountId);
        CallerIdentity helperSession = await _f.AssumeAsync(source, helper);
        await Assert.ThrowsAsync<AccessDeniedException>(() => _f.AssumeAsync(helperSession, role));

        await _f.RolePolicies.PutRolePolicyAsync(source, "helper", "assume", ControlFixture.Allow("sts:AssumeRole", role.Arn));
        CallerIdentity chained = await _f.AssumeAsync(helperSession, role, "chained");
        Assert.Equal($"arn:aws:sts::{target.AccountId}:assumed-role/cabrole/chained", chained.PrincipalArn);
    }

    [Fact]
    public async Task Role_chaining_is_limited_to_one_hour()
    {
        CallerIdentity root = await _f.NewRootAsync();
        Role role = await _f.NewRoleAsync(root, "r", $"arn:aws:iam::{root.AccountId}:role/r", ("p", ControlFixture.Allow("sts:AssumeRole")));
        await _f.Roles.UpdateAssumeRolePolicyAsync(root, "r", ControlFixture.Trust(root.AccountId));
        await _f.Roles.CreateRoleAsync(root, new CreateRoleRequest { RoleName = "long", AssumeRolePolicyDocument = ControlFixture.Trust(root.AccountId), MaxSessionDuration = 43200 });
        Role longRole = await _f.Roles.GetRoleAsync(root, "long");
        CallerIdentity session = await _f.AssumeAsync(root, role);

        var e = await Assert.ThrowsAsync<AwsServiceException>(() => _f.AssumeAsync(session, longRole, duration: 7200));
        Assert.Equal("ValidationError", e.Code);
        Assert.Contains("1 hour session limit", e.Message);
        await _f.AssumeAsync(session, longRole, duration: 3600);
        await _f.AssumeAsync(root, longRole, duration: 43200);
    }

    [Fact]
    public async Task Durations_are_bounded_by_the_api_and_by_the_roles_maximum()
    {
        CallerIdentity root = await _f.NewRootAsync();
        Role role = await _f.NewRoleAsync(root, "r", root.AccountId);
        Assert.Contains("'durationSeconds'", (await Assert.ThrowsAsync<AwsServiceException>(() => _f.AssumeAsync(root, role, duration: 899))).Message);
        Assert.Contains("'durationSeconds'", (await Assert.ThrowsAsync<AwsServiceException>(() => _f.AssumeAsync(root, role, duration: 43201))).Message);
        Assert.Contains("MaxSessionDuration", (await Assert.ThrowsAsync<AwsServiceException>(() => _f.AssumeAsync(root, role, duration: 3601))).Message);
    }

    [Theory]
    [InlineData("arn:aws:iam::111111111111:role/r", "s", "roleSessionName")]
    [InlineData("arn:aws:iam::111111111111:role/r", "has space", "roleSessionName")]
    [InlineData("arn:aws:iam::111111111111:role/r", null, "roleSessionName")]
    [InlineData(null, "s1", "roleArn")]
    [InlineData("arn:aws:iam::111111111111:user/bob", "s1", "RoleArn")]
    [InlineData("not-an-arn-but-long-enough", "s1", "RoleArn")]
    public async Task Bad_input_is_a_validation_error_naming_the_field(string? arn, string? session, string field)
    {
        CallerIdentity root = await _f.NewRootAsync();
        var e = await Assert.ThrowsAsync<AwsServiceException>(() => _f.Sts.AssumeRoleAsync(root, new AssumeRoleRequest { RoleArn = arn, RoleSessionName = session }));
        Assert.Equal(("ValidationError", 400), (e.Code, e.HttpStatus));
        Assert.Contains(field, e.Message);
    }

    [Fact]
    public async Task Session_policies_tags_and_mfa_are_refused_clearly()
    {
        CallerIdentity root = await _f.NewRootAsync();
        Role role = await _f.NewRoleAsync(root, "r", root.AccountId);
        var e = await Assert.ThrowsAsync<AwsServiceException>(() => _f.Sts.AssumeRoleAsync(root,
            new AssumeRoleRequest { RoleArn = role.Arn, RoleSessionName = "s1", Policy = "{}" }));
        Assert.Equal("ValidationError", e.Code);
        Assert.Contains("Policy", e.Message);
        Assert.Contains("MFA", (await Assert.ThrowsAsync<AwsServiceException>(() => _f.Sts.AssumeRoleAsync(root,
            new AssumeRoleRequest { RoleArn = role.Arn, RoleSessionName = "s1", SerialNumber = "x" }))).Message);
    }

    [Fact]
    public async Task ExternalId_is_checked_by_the_trust_policy()
    {
        CallerIdentity root = await _f.NewRootAsync();
        await _f.Roles.CreateRoleAsync(root, new CreateRoleRequest
        {
            RoleName = "x",
            AssumeRolePolicyDocument = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"ACCT"},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"sts:ExternalId":"secret-handshake"}}}]}""".Replace("ACCT", root.AccountId, StringComparison.Ordinal),
        });
        string arn = $"arn:aws:iam::{root.AccountId}:role/x";
        await Assert.ThrowsAsync<AccessDeniedException>(() => _f.Sts.AssumeRoleAsync(root, new AssumeRoleRequest { RoleArn = arn, RoleSessionName = "s1" }));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _f.Sts.AssumeRoleAsync(root, new AssumeRoleRequest { RoleArn = arn, RoleSessionName = "s1", ExternalId = "wrong" }));
        await _f.Sts.AssumeRoleAsync(root, new AssumeRoleRequest { RoleArn = arn, RoleSessionName = "s1", ExternalId = "secret-handshake" });
    }
}
