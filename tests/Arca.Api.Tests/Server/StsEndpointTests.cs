using System.Xml.Linq;
using Arca.Api.Client;

namespace Arca.Api.Tests.Server;

public sealed class StsEndpointTests : IAsyncLifetime
{
    private TestServer _server = null!;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task AssumeRole_returns_working_temporary_credentials_that_expire()
    {
        await CreateRoleAsync("r", _server.AccountId);
        (int status, XElement xml) = await _server.QueryAsync("sts", "AssumeRole", null,
            ("RoleArn", $"arn:aws:iam::{_server.AccountId}:role/r"), ("RoleSessionName", "alice"), ("DurationSeconds", "900"));
        Assert.Equal(200, status);
        Assert.Equal("2026-11-26T06:15:00Z", TestServer.Value(xml, "Expiration"));
        Assert.Equal($"arn:aws:sts::{_server.AccountId}:assumed-role/r/alice", TestServer.Value(xml, "Arn"));
        AwsCredentials session = SessionOf(xml);
        Assert.StartsWith("ASIA", session.AccessKeyId);

        (status, XElement me) = await _server.QueryAsync("sts", "GetCallerIdentity", session);
        Assert.Equal(200, status);
        Assert.Equal($"arn:aws:sts::{_server.AccountId}:assumed-role/r/alice", TestServer.Value(me, "Arn"));
        Assert.EndsWith(":alice", TestServer.Value(me, "UserId"));

        _server.Time.Advance(TimeSpan.FromSeconds(900));
        (status, XElement expired) = await _server.QueryAsync("sts", "GetCallerIdentity", session);
        Assert.Equal(("ExpiredToken", 403), (TestServer.Value(expired, "Code"), status));
    }

    [Fact]
    public async Task A_session_can_assume_another_role_for_at_most_an_hour()
    {
        await CreateRoleAsync("first", _server.AccountId);
        await CreateRoleAsync("second", $"arn:aws:iam::{_server.AccountId}:role/first");
        (_, XElement first) = await _server.QueryAsync("sts", "AssumeRole", null, ("RoleArn", $"arn:aws:iam::{_server.AccountId}:role/first"), ("RoleSessionName", "one"));
        AwsCredentials session = SessionOf(first);

        (int status, XElement tooLong) = await _server.QueryAsync("sts", "AssumeRole", session,
            ("RoleArn", $"arn:aws:iam::{_server.AccountId}:role/second"), ("RoleSessionName", "two"), ("DurationSeconds", "7200"));
        Assert.Equal((400, "ValidationError"), (status, TestServer.Value(tooLong, "Code")));

        (status, XElement chained) = await _server.QueryAsync("sts", "AssumeRole", session,
            ("RoleArn", $"arn:aws:iam::{_server.AccountId}:role/second"), ("RoleSessionName", "two"));
        Assert.Equal(200, status);
        Assert.Equal($"arn:aws:sts::{_server.AccountId}:assumed-role/second/two", TestServer.Value(chained, "Arn"));
    }

    [Fact]
    public async Task Another_account_assumes_a_role_that_trusts_it()
    {
        (string otherId, AwsCredentials other) = await _server.NewAccountAsync("other");
        await CreateRoleAsync("cabrole", otherId);
        (int status, XElement xml) = await _server.QueryAsync("sts", "AssumeRole", other, ("RoleArn", $"arn:aws:iam::{_server.AccountId}:role/cabrole"), ("RoleSessionName", "x1"));
        Assert.Equal(200, status);
        (_, XElement me) = await _server.QueryAsync("sts", "GetCallerIdentity", SessionOf(xml));
        Assert.Equal(_server.AccountId, TestServer.Value(me, "Account"));

        (status, XElement denied) = await _server.QueryAsync("sts", "AssumeRole", other, ("RoleArn", $"arn:aws:iam::{_server.AccountId}:role/none"), ("RoleSessionName", "x1"));
        Assert.Equal((403, "AccessDenied"), (status, TestServer.Value(denied, "Code")));
        Assert.Contains("sts:AssumeRole", TestServer.Value(denied, "Message"));
    }

    public static TheoryData<string[], string> BadAssumeRoles => new()
    {
        { ["RoleSessionName", "s1"], "roleArn" },
        { ["RoleArn", "arn:aws:iam::111111111111:role/r"], "roleSessionName" },
        { ["RoleArn", "arn:aws:iam::111111111111:role/r", "RoleSessionName", "a b"], "roleSessionName" },
        { ["RoleArn", "arn:aws:iam::111111111111:role/r", "RoleSessionName", "s1", "DurationSeconds", "ten"], "durationSeconds" },
        { ["RoleArn", "arn:aws:iam::111111111111:role/r", "RoleSessionName", "s1", "DurationSeconds", "60"], "durationSeconds" },
        { ["RoleArn", "arn:aws:iam::111111111111:role/r", "RoleSessionName", "s1", "ExternalId", "x"], "externalId" },
        { ["RoleArn", "arn:aws:iam::111111111111:role/r", "RoleSessionName", "s1", "Policy", "{}"], "Policy" },
        { ["RoleArn", "arn:aws:iam::111111111111:role/r", "RoleSessionName", "s1", "PolicyArns.member.1.arn", "arn:aws:iam::aws:policy/x"], "PolicyArns" },
        { ["RoleArn", "arn:aws:iam::111111111111:role/r", "RoleSessionName", "s1", "Tags.member.1.Key", "k", "Tags.member.1.Value", "v"], "Tags" },
        { ["RoleArn", "arn:aws:s3:::bucket-name-long-enough", "RoleSessionName", "s1"], "RoleArn" },
    };

    [Theory]
    [MemberData(nameof(BadAssumeRoles))]
    public async Task Bad_AssumeRole_input_is_a_400_naming_the_field(string[] parameters, string field)
    {
        (string, string)[] pairs = [.. parameters.Chunk(2).Select(p => (p[0], p[1]))];
        (int status, XElement xml) = await _server.QueryAsync("sts", "AssumeRole", null, pairs);
        Assert.Equal((400, "ValidationError"), (status, TestServer.Value(xml, "Code")));
        Assert.Contains(field, TestServer.Value(xml, "Message"));
    }

    private async Task CreateRoleAsync(string name, string trusted)
    {
        (int status, _) = await _server.QueryAsync("iam", "CreateRole", null, ("RoleName", name),
            ("AssumeRolePolicyDocument", $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"{{trusted}}"},"Action":"sts:AssumeRole"}]}"""));
        Assert.Equal(200, status);
    }

    private static AwsCredentials SessionOf(XElement xml) =>
        new(TestServer.Value(xml, "AccessKeyId")!, TestServer.Value(xml, "SecretAccessKey")!, TestServer.Value(xml, "SessionToken"));
}
