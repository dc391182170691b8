using System.Text.Json;
using System.Xml.Linq;
using Arca.Api.Client;
using Arca.Api.Hosting;
using Arca.Api.Tests.Server.Backup;
using Microsoft.Extensions.DependencyInjection;

namespace Arca.Api.Tests.Server.Layouts;

/// <summary>
/// Arca's <c>ArcaLayouts</c> extension on the real listener: plan, apply, status, list and destroy by the management account; refused
/// to a member (also to the management account acting in it); bad input answered with AWS-shaped errors naming the field.
/// </summary>
public sealed class LayoutEndpointTests : IAsyncLifetime
{
    private const string Prefix = "AWSOrganizationsV20161128.";

    private const string Layout = """
        version: 1
        name: cab
        targets: { organization: true }
        regions: [us-east-1, eu-west-1]
        keys:
          - alias: cabkey
        vaults:
          - name: cabvault
            key: cabkey
            accessPolicy:
              Version: "2012-10-17"
              Statement:
                - Effect: Allow
                  Principal: { AWS: "*" }
                  Action: backup:CopyIntoBackupVault
                  Resource: "*"
                  Condition: { StringEquals: { "aws:PrincipalOrgID": "${OrganizationId}" } }
        """;

    private TestServer _server = null!;
    private string _source = null!;
    private string _destination = null!;

    public async Task InitializeAsync()
    {
        _server = await TestServer.StartAsync();
        await CallAsync(Prefix + "CreateOrganization", "{}");
        _source = await CreateAccountAsync("SourceAccount");
        _destination = await CreateAccountAsync("DestinationAccount");
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task The_management_account_plans_applies_checks_lists_and_destroys_a_layout()
    {
        string body = JsonSerializer.Serialize(new { Layout, FileName = "cab.yaml" });

        JsonElement plan = await CallAsync("ArcaLayouts.PlanLayout", body);
        Assert.Equal("cab", plan.GetProperty("LayoutName").GetString());
        Assert.False(plan.TryGetProperty("AppliedAt", out _));
        Assert.Equal(8, plan.GetProperty("Changes").GetArrayLength());
        JsonElement first = plan.GetProperty("Changes")[0];
        Assert.Equal(("CREATE", "AWS::KMS::Key", "alias/cabkey"), (first.GetProperty("Action").GetString(), first.GetProperty("ResourceType").GetString(), first.GetProperty("Name").GetString()));
        Assert.False(first.TryGetProperty("Outcome", out _));
        Assert.All(plan.GetProperty("Instances").EnumerateArray(), i => Assert.Equal("OUTDATED", i.GetProperty("Status").GetString()));

        JsonElement applied = await CallAsync("ArcaLayouts.ApplyLayout", body);
        Assert.All(applied.GetProperty("Changes").EnumerateArray(), c => Assert.Equal("APPLIED", c.GetProperty("Outcome").GetString()));
        Assert.Equal(["CURRENT", "CURRENT", "CURRENT", "CURRENT"], applied.GetProperty("Instances").EnumerateArray().Select(i => i.GetProperty("Status").GetString()));
        Assert.True(applied.GetProperty("AppliedAt").GetDouble() > 0);

        // The member sees its vault through the Backup API, encrypted with its own cabkey.
        var api = new BackupApi(_server);
        JsonElement vault = await api.OkAsync("GET", "/backup-vaults/cabvault", credentials: await AssumeAccessRoleAsync(_destination), region: "eu-west-1");
        Assert.StartsWith($"arn:aws:kms:eu-west-1:{_destination}:key/", vault.GetProperty("EncryptionKeyArn").GetString(), StringComparison.Ordinal);

        JsonElement status = await CallAsync("ArcaLayouts.DescribeLayoutStatus", """{"LayoutName":"cab"}""");
        Assert.Equal(0, status.GetProperty("Changes").GetArrayLength());
        JsonElement listed = Assert.Single((await CallAsync("ArcaLayouts.ListLayouts", "{}")).GetProperty("Layouts").EnumerateArray());
        Assert.Equal(("cab", 4, 0, 0), (listed.GetProperty("LayoutName").GetString(), listed.GetProperty("Current").GetInt32(),
            listed.GetProperty("Outdated").GetInt32(), listed.GetProperty("Failed").GetInt32()));

        JsonElement dryRun = await CallAsync("ArcaLayouts.DestroyLayout", """{"LayoutName":"cab","DryRun":true}""");
        Assert.Equal(8, dryRun.GetProperty("Changes").GetArrayLength());
        Assert.All(dryRun.GetProperty("Changes").EnumerateArray(), c => Assert.Equal("DELETE", c.GetProperty("Action").GetString()));
        Assert.Single((await CallAsync("ArcaLayouts.ListLayouts", "{}")).GetProperty("Layouts").EnumerateArray());

        JsonElement destroyed = await CallAsync("ArcaLayouts.DestroyLayout", """{"LayoutName":"cab"}""");
        Assert.All(destroyed.GetProperty("Changes").EnumerateArray(), c => Assert.Equal("APPLIED", c.GetProperty("Outcome").GetString()));
        Assert.Equal(0, (await CallAsync("ArcaLayouts.ListLayouts", "{}")).GetProperty("Layouts").GetArrayLength());
    }

    [Fact]
    public async Task An_account_created_after_the_apply_gets_the_layout_from_the_background_reconciler()
    {
        await CallAsync("ArcaLayouts.ApplyLayout", JsonSerializer.Serialize(new { Layout }));

        string late = await CreateAccountAsync("LateAccount");
        await _server.Server.Services.GetRequiredService<LayoutReconcilerHost>().WhenIdleAsync();

        var api = new BackupApi(_server);
        JsonElement vault = await api.OkAsync("GET", "/backup-vaults/cabvault", credentials: await AssumeAccessRoleAsync(late), region: "us-east-1");
        Assert.StartsWith($"arn:aws:kms:us-east-1:{late}:key/", vault.GetProperty("EncryptionKeyArn").GetString(), StringComparison.Ordinal);
        JsonElement listed = Assert.Single((await CallAsync("ArcaLayouts.ListLayouts", "{}")).GetProperty("Layouts").EnumerateArray());
        Assert.Equal(6, listed.GetProperty("Current").GetInt32());
    }

    [Fact]
    public async Task A_member_is_denied_and_bad_input_is_answered_with_the_field()
    {
        string body = JsonSerializer.Serialize(new { Layout });
        AwsCredentials member = await AssumeAccessRoleAsync(_source);
        foreach (string operation in new[] { "PlanLayout", "ApplyLayout" })
        {
            (int status, JsonElement json, string? type) = await SendAsync("ArcaLayouts." + operation, body, member);
            Assert.Equal((403, "AccessDeniedException"), (status, type));
            Assert.Contains(operation, json.GetProperty("Message").GetString(), StringComparison.Ordinal);
        }

        (int missingStatus, JsonElement missing, string? missingType) = await SendAsync("ArcaLayouts.ApplyLayout", "{}", null);
        Assert.Equal((400, "ValidationException"), (missingStatus, missingType));
        Assert.StartsWith("Layout:", missing.GetProperty("Message").GetString(), StringComparison.Ordinal);

        string bad = JsonSerializer.Serialize(new { Layout = Layout.Replace("name: cabvault", "name: x", StringComparison.Ordinal), FileName = "org.yaml" });
        (int badStatus, JsonElement badJson, string? badType) = await SendAsync("ArcaLayouts.PlanLayout", bad, null);
        Assert.Equal((400, "ValidationException"), (badStatus, badType));
        Assert.StartsWith("org.yaml:8:11: vaults[0].name:", badJson.GetProperty("Message").GetString(), StringComparison.Ordinal);

        (_, _, string? notFound) = await SendAsync("ArcaLayouts.DescribeLayoutStatus", """{"LayoutName":"nope"}""", null);
        Assert.Equal("LayoutNotFoundException", notFound);
        (_, _, string? wrongType) = await SendAsync("ArcaLayouts.PlanLayout", """{"Layout":42}""", null);
        Assert.Equal("SerializationException", wrongType);
    }

    private async Task<string> CreateAccountAsync(string name) =>
        (await CallAsync(Prefix + "CreateAccount", $$"""{"Email":"{{name}}@example.com","AccountName":"{{name}}"}"""))
            .GetProperty("CreateAccountStatus").GetProperty("AccountId").GetString()!;

    private async Task<AwsCredentials> AssumeAccessRoleAsync(string account)
    {
        (int status, XElement xml) = await _server.QueryAsync("sts", "AssumeRole", null,
            ("RoleArn", $"arn:aws:iam::{account}:role/OrganizationAccountAccessRole"), ("RoleSessionName", "admin"));
        Assert.Equal(200, status);
        return new AwsCredentials(TestServer.Value(xml, "AccessKeyId")!, TestServer.Value(xml, "SecretAccessKey")!, TestServer.Value(xml, "SessionToken"));
    }

    private async Task<JsonElement> CallAsync(string target, string body)
    {
        (int status, JsonElement json, _) = await SendAsync(target, body, null);
        Assert.True(status == 200, $"{target}: {status} {json.GetRawText()}");
        return json;
    }

    private async Task<(int Status, JsonElement Json, string? ErrorType)> SendAsync(string target, string body, AwsCredentials? credentials)
    {
        using HttpResponseMessage response = await _server.Client(credentials).PostJsonAsync("organizations", target, body);
        string? errorType = response.Headers.TryGetValues("x-amzn-ErrorType", out IEnumerable<string>? values) ? values.Single() : null;
        return ((int)response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone(), errorType);
    }
}
