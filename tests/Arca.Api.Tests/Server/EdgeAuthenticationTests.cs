using System.Text;
using System.Xml.Linq;
using Arca.Api.Auth;
using Arca.Api.Client;
using Microsoft.Extensions.Time.Testing;

namespace Arca.Api.Tests.Server;

/// <summary>SigV4 at the edge: every tampering is refused with the protocol's code, never a 500.</summary>
public sealed class EdgeAuthenticationTests : IAsyncLifetime
{
    private TestServer _server = null!;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync(maxBody: 64 * 1024);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Health_answers_without_authentication()
    {
        using HttpResponseMessage response = await _server.GetAsync("/health");
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("{\"status\":\"ok\"}", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_signed_sts_call_is_answered_in_the_sts_namespace()
    {
        (int status, XElement xml) = await _server.QueryAsync("sts", "GetCallerIdentity");
        Assert.Equal(200, status);
        Assert.Equal(XName.Get("GetCallerIdentityResponse", "https://sts.amazonaws.com/doc/2011-06-15/"), xml.Name);
        Assert.Equal(_server.AccountId, TestServer.Value(xml, "Account"));
        Assert.Equal($"arn:aws:iam::{_server.AccountId}:root", TestServer.Value(xml, "Arn"));
        Assert.False(string.IsNullOrEmpty(TestServer.Value(xml, "RequestId")));
    }

    [Fact]
    public async Task A_request_without_authentication_is_refused_in_the_guessed_protocol()
    {
        using var form = new HttpRequestMessage(HttpMethod.Post, new Uri(_server.Server.BaseAddress, "/"))
        {
            Content = new StringContent("Action=GetCallerIdentity&Version=2011-06-15", Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        using HttpResponseMessage response = await _server.SendRawAsync(form);
        Assert.Equal(403, (int)response.StatusCode);
        XElement xml = await TestServer.XmlOf(response);
        Assert.Equal(("ErrorResponse", "MissingAuthenticationToken", "Sender"), (xml.Name.LocalName, TestServer.Value(xml, "Code"), TestServer.Value(xml, "Type")));

        using HttpResponseMessage rest = await _server.GetAsync("/backup-vaults/");
        Assert.Equal(403, (int)rest.StatusCode);
        Assert.Equal("MissingAuthenticationTokenException", rest.Headers.GetValues("x-amzn-ErrorType").Single());
    }

    public static TheoryData<string, string, string> Tamperings => new()
    {
        { "body", "sts", "SignatureDoesNotMatch" },
        { "query", "sts", "SignatureDoesNotMatch" },
        { "path", "backup", "InvalidSignatureException" },
        { "date", "sts", "SignatureDoesNotMatch" },
        { "secret", "sts", "SignatureDoesNotMatch" },
        { "key", "sts", "InvalidClientTokenId" },
        { "key", "kms", "UnrecognizedClientException" },
        { "token", "sts", "InvalidClientTokenId" },
        { "signed-host", "backup", "InvalidSignatureException" },
    };

    [Theory]
    [MemberData(nameof(Tamperings))]
    public async Task A_tampered_request_is_refused_with_the_protocols_code(string what, string service, string code)
    {
        AwsCredentials credentials = what switch
        {
            "secret" => _server.Root with { SecretAccessKey = _server.Root.SecretAccessKey + "x" },
            "key" => _server.Root with { AccessKeyId = "AKIAUNKNOWNKEY000000" },
            "token" => _server.Root with { SessionToken = "made-up-token" },
            _ => _server.Root,
        };
        SigV4HttpClient client = _server.Client(credentials, signingTime: what == "date" ? new FakeTimeProvider(TestServer.T0.AddMinutes(-16)) : null);
        (string target, string contentType, string body) = service switch
        {
            "sts" => ("/?x=1", "application/x-www-form-urlencoded; charset=utf-8", "Action=GetCallerIdentity&Version=2011-06-15"),
            "kms" => ("/", "application/x-amz-json-1.1", "{}"),
            _ => ("/backup-vaults/v1", "application/json", "{}"),
        };
        var headers = new List<KeyValuePair<string, string>> { new("Host", _server.Server.BaseAddress.Authority), new("Content-Type", contentType) };
        if (service == "kms")
        {
            headers.Add(new("X-Amz-Target", "TrentService.ListKeys"));
        }

        SigV4Request signed = client.Sign(service, new SigV4Request(service == "backup" ? "GET" : "POST", target, headers, Encoding.UTF8.GetBytes(body)));
        signed = what switch
        {
            "body" => signed with { Body = Encoding.UTF8.GetBytes(body + "&Extra=1") },
            "query" => signed with { RawTarget = "/?x=2" },
            "path" => signed with { RawTarget = "/backup-vaults/v2" },
            "signed-host" => signed.WithHeader("Host", "localhost:1"),
            _ => signed,
        };
        using HttpResponseMessage response = await client.SendSignedAsync(signed);
        Assert.InRange((int)response.StatusCode, 400, 403);
        string actual = service == "sts"
            ? TestServer.Value(await TestServer.XmlOf(response), "Code")!
            : response.Headers.GetValues("x-amzn-ErrorType").Single();
        Assert.Equal(code, actual);
        if (what == "date")
        {
            Assert.Contains("Signature expired", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task An_unknown_service_in_the_scope_is_named_in_the_error()
    {
        using HttpResponseMessage response = await _server.Client().SendAsync("ec2", "GET", "/", [], ReadOnlyMemory<byte>.Empty);
        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal("UnknownServiceException", response.Headers.GetValues("x-amzn-ErrorType").Single());
        Assert.Contains("'ec2'", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused_with_413()
    {
        using HttpResponseMessage response = await _server.Client().PostJsonAsync("kms", "TrentService.ListKeys", "{\"x\":\"" + new string('a', 70 * 1024) + "\"}");
        Assert.Equal(413, (int)response.StatusCode);
        Assert.Equal("RequestEntityTooLarge", response.Headers.GetValues("x-amzn-ErrorType").Single());
    }

    [Fact]
    public async Task Secrets_never_reach_the_log()
    {
        await _server.QueryAsync("sts", "GetCallerIdentity");
        await _server.QueryAsync("sts", "GetCallerIdentity", _server.Root with { SecretAccessKey = _server.Root.SecretAccessKey + "x" });
        (_, XElement assumed) = await _server.QueryAsync("iam", "CreateRole", null,
            ("RoleName", "r"), ("AssumeRolePolicyDocument", $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"{{_server.AccountId}}"},"Action":"sts:AssumeRole"}]}"""));
        (_, XElement session) = await _server.QueryAsync("sts", "AssumeRole", null, ("RoleArn", $"arn:aws:iam::{_server.AccountId}:role/r"), ("RoleSessionName", "s1"));
        string logs = _server.Logs.Text;
        Assert.DoesNotContain(_server.Root.SecretAccessKey, logs);
        Assert.DoesNotContain(TestServer.Value(session, "SecretAccessKey")!, logs);
        Assert.DoesNotContain(TestServer.Value(session, "SessionToken")!, logs);
        Assert.NotNull(assumed);
    }
}
