using System.Text;
using System.Text.Json;
using Arca.Api.Protocols.AwsJson;
using Arca.Api.Protocols.RestJson;

namespace Arca.Api.Tests.Server;

/// <summary>Dispatch to awsJson and restJson registrations, unimplemented operations, regions and unexpected failures.</summary>
public sealed class ProtocolDispatchTests : IAsyncLifetime
{
    private const string Secret = "do-not-leak-7f3a";
    private TestServer _server = null!;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync(builder =>
    {
        builder.Protocols.Rest("backup").Map("GetRecoveryPointIndexDetails", request => Task.FromResult(new RestJsonResponse(
            Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new Dictionary<string, string>
            {
                ["arn"] = request.Labels["recoveryPointArn"],
                ["op"] = request.Operation.Name,
                ["caller"] = request.Context.Caller.AccountId,
                ["region"] = request.Context.Region,
            })))));
        builder.Protocols.Rest("backup").Map("ListFrameworks", _ => throw new InvalidOperationException("boom " + Secret));
        builder.Protocols.Json("kms").Map("Sign", DispatchTestJson.Default.KeyInput, DispatchTestJson.Default.KeyInput, (_, input) => Task.FromResult(input));
        builder.Protocols.Json("kms").Map("Verify", request => Task.FromResult(new AwsJsonResponse(Encoding.UTF8.GetBytes("{\"Keys\":[],\"Truncated\":false}"))));
    });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("/backup-vaults/v1/recovery-points/arn%3Aaws%3Aec2%3Aus-east-1%3A111111111111%3Avolume%2Fvol-1/index/")]
    [InlineData("/backup-vaults/v1/recovery-points/arn%3Aaws%3Aec2%3Aus-east-1%3A111111111111%3Avolume%2Fvol-1/index")]
    public async Task Rest_labels_are_unescaped_per_segment_with_or_without_trailing_slash(string path)
    {
        using HttpResponseMessage response = await _server.Client(region: "eu-west-1").SendAsync("backup", "GET", path, [], ReadOnlyMemory<byte>.Empty);
        Assert.Equal(200, (int)response.StatusCode);
        JsonElement json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("arn:aws:ec2:us-east-1:111111111111:volume/vol-1", json.GetProperty("arn").GetString());
        Assert.Equal(("GetRecoveryPointIndexDetails", _server.AccountId, "eu-west-1"), (json.GetProperty("op").GetString(), json.GetProperty("caller").GetString(), json.GetProperty("region").GetString()));
    }

    [Fact]
    public async Task A_modelled_but_unimplemented_backup_operation_is_a_400_naming_it()
    {
        using HttpResponseMessage response = await _server.Client().SendAsync("backup", "GET", "/backup-vaults/", [], ReadOnlyMemory<byte>.Empty);
        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal("UnsupportedOperationException", response.Headers.GetValues("x-amzn-ErrorType").Single());
        JsonElement body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains("ListBackupVaults", body.GetProperty("Message").GetString());
        Assert.Equal(("UnsupportedOperationException", "User"), (body.GetProperty("Code").GetString(), body.GetProperty("Type").GetString()));
    }

    [Fact]
    public async Task A_path_no_backup_operation_has_is_a_404_naming_it()
    {
        using HttpResponseMessage response = await _server.Client().SendAsync("backup", "PATCH", "/nothing/here", [], ReadOnlyMemory<byte>.Empty);
        Assert.Equal(404, (int)response.StatusCode);
        Assert.Equal("UnknownOperationException", response.Headers.GetValues("x-amzn-ErrorType").Single());
        Assert.Contains("PATCH /nothing/here", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_registered_json_operation_answers_and_an_unregistered_one_is_named()
    {
        using HttpResponseMessage ok = await _server.Client().PostJsonAsync("kms", "TrentService.Verify", "{}");
        Assert.Equal(200, (int)ok.StatusCode);
        Assert.Equal("application/x-amz-json-1.1", ok.Content.Headers.ContentType?.MediaType);

        using HttpResponseMessage missing = await _server.Client().PostJsonAsync("organizations", "AWSOrganizationsV20161128.InviteAccountToOrganization", "{}");
        Assert.Equal(400, (int)missing.StatusCode);
        JsonElement body = JsonDocument.Parse(await missing.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("UnsupportedOperationException", body.GetProperty("__type").GetString());
        Assert.Contains("AWSOrganizationsV20161128.InviteAccountToOrganization", body.GetProperty("Message").GetString());

        using HttpResponseMessage wrong = await _server.Client().PostJsonAsync("kms", "AWSOrganizationsV20161128.ListRoots", "{}");
        JsonElement wrongBody = JsonDocument.Parse(await wrong.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(("UnknownOperationException", 400), (wrongBody.GetProperty("__type").GetString(), (int)wrong.StatusCode));
        Assert.True(wrongBody.TryGetProperty("message", out _));
    }

    [Fact]
    public async Task Regional_services_refuse_unserved_regions_and_global_ones_accept_any()
    {
        using HttpResponseMessage kms = await _server.Client(region: "ap-south-1").PostJsonAsync("kms", "TrentService.ListKeys", "{}");
        Assert.Equal(400, (int)kms.StatusCode);
        Assert.Contains("ap-south-1 is not served", await kms.Content.ReadAsStringAsync());
        Assert.Equal("UnrecognizedClientException", kms.Headers.GetValues("x-amzn-ErrorType").Single());

        using HttpResponseMessage sts = await _server.Client(region: "ap-south-1").PostQueryAsync("sts", "GetCallerIdentity", "2011-06-15", []);
        Assert.Equal(200, (int)sts.StatusCode);
    }

    [Fact]
    public async Task An_unexpected_exception_is_a_bare_500_and_the_log_has_it()
    {
        using HttpResponseMessage response = await _server.Client().SendAsync("backup", "GET", "/audit/frameworks", [], ReadOnlyMemory<byte>.Empty);
        Assert.Equal(500, (int)response.StatusCode);
        string body = await response.Content.ReadAsStringAsync();
        Assert.Equal("InternalFailure", response.Headers.GetValues("x-amzn-ErrorType").Single());
        Assert.DoesNotContain(Secret, body);
        Assert.DoesNotContain("InvalidOperationException", body);
        Assert.DoesNotContain(" at ", body);
        Assert.Contains("InvalidOperationException", _server.Logs.Text);
    }

    [Theory]
    [InlineData("{", "SerializationException", "")]
    [InlineData("{\"Description\": 5}", "SerializationException", "$.Description")]
    [InlineData("", "", "")]
    public async Task Json_bodies_that_do_not_fit_the_input_are_400_serialization_errors(string body, string code, string where)
    {
        using HttpResponseMessage response = await _server.Client().PostJsonAsync("kms", "TrentService.Sign", body);
        string text = await response.Content.ReadAsStringAsync();
        if (code.Length == 0)
        {
            Assert.Equal((200, "{}"), ((int)response.StatusCode, text));
            return;
        }

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal(code, JsonDocument.Parse(text).RootElement.GetProperty("__type").GetString());
        Assert.Contains(where, text);
    }
}
