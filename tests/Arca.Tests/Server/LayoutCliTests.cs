using System.Text.Json;
using Arca.Api.Client;

namespace Arca.Tests.Server;

/// <summary>
/// <c>arca apply</c> and <c>arca destroy</c> end to end against a real <c>arca server</c> process: the reference tutorial's role, keys and
/// vaults in SourceAccount and DestinationAccount, both regions (DESIGN.md §6 steps 2–3); dry run, apply, a second apply that changes
/// nothing, a bad file named by line and field, and destroy.
/// </summary>
public sealed class LayoutCliTests : IAsyncLifetime
{
    private const string Layout = """
        version: 1
        name: cab
        targets:
          organization: true
        regions: [us-east-1, eu-west-1]
        roles:
          - name: cabrole
            trustPolicy:
              Version: "2012-10-17"
              Statement:
                - Effect: Allow
                  Principal: { Service: backup.amazonaws.com }
                  Action: sts:AssumeRole
            inlinePolicies:
              AWSBackupServiceRolePolicyForBackup:
                Version: "2012-10-17"
                Statement:
                  - { Effect: Allow, Action: ["backup:*", "kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey", "kms:DescribeKey"], Resource: "*" }
        keys:
          - alias: cabkey
            description: cabvault's key in ${AccountId} ${Region}
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

    private readonly string _dir = Directory.CreateTempSubdirectory("arca-layout-cli-").FullName;
    private readonly HttpClient _http = new();
    private ArcaServerProcess _server = null!;

    public async Task InitializeAsync() => _server = await ArcaServerProcess.StartAsync(Path.Combine(_dir, "server"));

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _http.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Apply_shows_the_plan_lays_out_the_tutorial_is_idempotent_and_destroy_removes_it()
    {
        await CallAsync("CreateOrganization", new { FeatureSet = "ALL" });
        string source = await CreateAccountAsync("SourceAccount");
        string destination = await CreateAccountAsync("DestinationAccount");
        string file = Path.Combine(_dir, "layout.yaml");
        await File.WriteAllTextAsync(file, Layout);

        ToolRun.Result dryRun = await ArcaAsync("apply", "-f", file, "--dry-run");
        Assert.True(dryRun.ExitCode == 0, dryRun.ToString());
        Assert.Contains("plan: layout cab in o-", dryRun.Stdout, StringComparison.Ordinal);
        Assert.Matches($@"\+ {source} global +AWS::IAM::Role +cabrole", dryRun.Stdout);
        Assert.Matches($@"\+ {destination} eu-west-1 +AWS::Backup::BackupVault +cabvault", dryRun.Stdout);
        Assert.Contains("plan: 10 to create, 0 to update, 0 to delete", dryRun.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("apply:", dryRun.Stdout, StringComparison.Ordinal);

        ToolRun.Result applied = await ArcaAsync("apply", "-f", file);
        Assert.True(applied.ExitCode == 0, applied.ToString());
        Assert.Contains("plan: 10 to create", applied.Stdout, StringComparison.Ordinal);
        Assert.Matches($@"apply: {source} +us-east-1 +CURRENT", applied.Stdout);
        Assert.Contains("apply: 4 CURRENT, 0 OUTDATED, 0 FAILED", applied.Stdout, StringComparison.Ordinal);

        ToolRun.Result again = await ArcaAsync("apply", "-f", file, "--json");
        Assert.True(again.ExitCode == 0, again.ToString());
        JsonElement json = JsonDocument.Parse(again.Stdout).RootElement;
        Assert.Equal(0, json.GetProperty("Plan").GetProperty("Changes").GetArrayLength());
        Assert.Equal(0, json.GetProperty("Apply").GetProperty("Changes").GetArrayLength());
        Assert.All(json.GetProperty("Apply").GetProperty("Instances").EnumerateArray(), i => Assert.Equal("CURRENT", i.GetProperty("Status").GetString()));

        string bad = Path.Combine(_dir, "bad.yaml");
        await File.WriteAllTextAsync(bad, Layout.Replace("name: cabvault", "name: v", StringComparison.Ordinal));
        ToolRun.Result refused = await ArcaAsync("apply", "-f", bad, "--json");
        Assert.Equal(1, refused.ExitCode);
        Assert.StartsWith($"arca: error: (ValidationException) {bad}:23:11: vaults[0].name: \"v\" must be 2 to 50", refused.Stderr, StringComparison.Ordinal);
        Assert.StartsWith("(ValidationException)", JsonDocument.Parse(refused.Stdout).RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);

        ToolRun.Result destroyed = await ArcaAsync("destroy", "-f", file);
        Assert.True(destroyed.ExitCode == 0, destroyed.ToString());
        Assert.Matches($@"- {source} us-east-1 +AWS::Backup::BackupVault +cabvault", destroyed.Stdout);
        Assert.Contains("plan: 0 to create, 0 to update, 10 to delete", destroyed.Stdout, StringComparison.Ordinal);
        Assert.Contains("destroy: 4 CURRENT, 0 OUTDATED, 0 FAILED", destroyed.Stdout, StringComparison.Ordinal);
        ToolRun.Result replanned = await ArcaAsync("apply", "-f", file, "--dry-run");
        Assert.Contains("plan: 10 to create", replanned.Stdout, StringComparison.Ordinal);
    }

    private async Task<string> CreateAccountAsync(string name) =>
        (await CallAsync("CreateAccount", new { Email = $"{name}@example.com", AccountName = name })).GetProperty("CreateAccountStatus").GetProperty("AccountId").GetString()!;

    private async Task<JsonElement> CallAsync<T>(string operation, T input)
    {
        (string keyId, string secret) = _server.RootKey();
        var client = new SigV4HttpClient(_http, _server.Endpoint, "us-east-1", new AwsCredentials(keyId, secret), TimeProvider.System);
        using HttpResponseMessage response = await client.PostJsonAsync("organizations", "AWSOrganizationsV20161128." + operation, JsonSerializer.Serialize(input));
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{operation}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private Task<ToolRun.Result> ArcaAsync(params string[] arguments) =>
        ToolRun.RunAsync("dotnet", [Path.Combine(AppContext.BaseDirectory, "arca.dll"), .. arguments, "--profile", "management", "--region", "us-east-1",
            "--endpoint-url", _server.Endpoint.ToString().TrimEnd('/')], new Dictionary<string, string> { ["AWS_SHARED_CREDENTIALS_FILE"] = _server.CredentialsFile });
}
