using Arca.Control.Identity;

namespace Arca.Control.Tests.Identity;

public sealed class CredentialStoreTests
{
    private readonly ControlFixture _f = new();

    [Theory]
    [InlineData("")]
    [InlineData("AKIAUNKNOWN000000000")]
    public async Task Unknown_keys_are_not_found(string id) => Assert.Null(await _f.Credentials.FindAsync(id));

    [Fact]
    public async Task Sessions_carry_token_expiry_and_role_and_stay_findable_after_expiry()
    {
        DateTimeOffset expires = ControlFixture.T0.AddHours(1);
        IssuedAccessKey key = await _f.Credentials.IssueSessionAsync(
            new SessionGrant("111111111111", "arn:aws:iam::111111111111:role/ops/r", "AROAEXAMPLE", "s", expires));
        Assert.Matches("^ASIA[A-Z2-7]{16}$", key.AccessKeyId);

        _f.Time.Advance(TimeSpan.FromHours(2));
        ResolvedCredential found = (await _f.Credentials.FindAsync(key.AccessKeyId))!;
        Assert.Equal((key.SecretAccessKey, key.SessionToken, expires), (found.SecretAccessKey, found.SessionToken, found.ExpiresAt));
        Assert.Equal((AccessKeyKind.Session, "arn:aws:iam::111111111111:role/ops/r", "AROAEXAMPLE", "s"), (found.Kind, found.RoleArn, found.RoleId, found.SessionName));
        Assert.DoesNotContain(key.SessionToken!, found.ToString());
    }

    [Fact]
    public async Task Purging_deletes_only_sessions_expired_before_the_cut()
    {
        CallerIdentity root = await _f.NewRootAsync();
        IssuedAccessKey old = await _f.Credentials.IssueSessionAsync(new SessionGrant(root.AccountId, "arn:aws:iam::111111111111:role/r", "AROA1", "s", ControlFixture.T0.AddHours(1)));
        IssuedAccessKey young = await _f.Credentials.IssueSessionAsync(new SessionGrant(root.AccountId, "arn:aws:iam::111111111111:role/r", "AROA1", "s", ControlFixture.T0.AddHours(3)));

        Assert.Equal(1, await _f.Credentials.PurgeExpiredSessionsAsync(ControlFixture.T0.AddHours(2)));
        Assert.Null(await _f.Credentials.FindAsync(old.AccessKeyId));
        Assert.NotNull(await _f.Credentials.FindAsync(young.AccessKeyId));
        Assert.NotNull(await _f.Credentials.FindAsync(root.AccessKeyId));
    }

    [Fact]
    public async Task The_caller_of_a_session_is_its_assumed_role_arn_without_the_path()
    {
        IssuedAccessKey key = await _f.Credentials.IssueSessionAsync(
            new SessionGrant("111111111111", "arn:aws:iam::111111111111:role/ops/r", "AROAEXAMPLE", "s", ControlFixture.T0.AddHours(1)));
        CallerIdentity caller = await _f.CallerOfAsync(key.AccessKeyId);
        Assert.Equal("arn:aws:sts::111111111111:assumed-role/r/s", caller.PrincipalArn);
        Assert.Equal((PrincipalKind.AssumedRole, "arn:aws:iam::111111111111:role/ops/r"), (caller.Kind, caller.RoleArn));
    }
}
