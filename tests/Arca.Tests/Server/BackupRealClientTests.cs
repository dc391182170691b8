using System.Text.Json;
using Arca.Control.Backup;
using Arca.Control.Metadata;

namespace Arca.Tests.Server;

/// <summary>
/// The real <c>arca server</c> driven by real clients on Backup plans, selections and settings: the Debian AWS CLI
/// (older model), the pip CLI (newer model) and the JS SDK v3 (tests/clients/backup-plans.mjs). A vault document is put
/// into the region's store directly, as the vault service will (vaults come next).
/// </summary>
public sealed class BackupRealClientTests : IAsyncLifetime
{
    private const string Plan = """{"BackupPlanName":"cabplan","Rules":[{"RuleName":"cabrule","TargetBackupVaultName":"cabvault"}]}""";
    private readonly string _dir = Directory.CreateTempSubdirectory("arca-backup-").FullName;
    private ArcaServerProcess _server = null!;

    public async Task InitializeAsync()
    {
        _server = await ArcaServerProcess.StartAsync(_dir);
        await using SqliteMetadataStore region = await SqliteMetadataStore.OpenAsync(Path.Combine(_dir, "regions", "us-east-1", "region.db"));
        await region.TransactAsync(tx => tx.PutAsync(
            StoredVaultCatalog.Collection, StoredVaultCatalog.Key(_server.AccountId, "cabvault"), "{}", new IndexFields(_server.AccountId)));
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    [RealClientFact("aws")]
    public async Task The_debian_cli_creates_a_plan_from_a_file_gets_its_defaults_and_pages_plans()
    {
        string file = Path.Combine(_dir, "plan.json");
        await File.WriteAllTextAsync(file, Plan);
        JsonElement created = await CliJsonAsync("backup", "create-backup-plan", "--backup-plan", "file://" + file);
        string id = created.GetProperty("BackupPlanId").GetString()!;

        JsonElement rule = (await CliJsonAsync("backup", "get-backup-plan", "--backup-plan-id", id)).GetProperty("BackupPlan").GetProperty("Rules")[0];
        Assert.Equal(("cron(0 5 ? * * *)", 480, 10080), (rule.GetProperty("ScheduleExpression").GetString(), rule.GetProperty("StartWindowMinutes").GetInt32(), rule.GetProperty("CompletionWindowMinutes").GetInt32()));

        ToolRun.Result missing = await CliAsync("backup", "create-backup-plan", "--backup-plan", Plan.Replace("cabvault", "nope", StringComparison.Ordinal));
        Assert.NotEqual(0, missing.ExitCode);
        Assert.Contains("(InvalidParameterValueException)", missing.Stderr, StringComparison.Ordinal);
        Assert.Contains($"BackupPlan.Rules[0].TargetBackupVaultName: Backup vault nope does not exist in account {_server.AccountId} and region us-east-1", missing.Stderr, StringComparison.Ordinal);

        await CliJsonAsync("backup", "create-backup-plan", "--backup-plan", Plan.Replace("cabplan", "second", StringComparison.Ordinal));
        await CliJsonAsync("backup", "create-backup-plan", "--backup-plan", Plan.Replace("cabplan", "third", StringComparison.Ordinal));
        JsonElement listed = await CliJsonAsync("backup", "list-backup-plans", "--page-size", "1");
        Assert.Equal(["cabplan", "second", "third"], listed.GetProperty("BackupPlansList").EnumerateArray().Select(p => p.GetProperty("BackupPlanName").GetString()));
    }

    [RealClientFact("aws")]
    public async Task The_debian_cli_gets_a_clear_refusal_for_a_selection_whose_role_is_missing_and_succeeds_once_it_exists()
    {
        string id = (await CliJsonAsync("backup", "create-backup-plan", "--backup-plan", Plan)).GetProperty("BackupPlanId").GetString()!;
        string selection = $$$"""{"SelectionName":"cabresources","IamRoleArn":"arn:aws:iam::{{{_server.AccountId}}}:role/cabrole","ListOfTags":[{"ConditionType":"STRINGEQUALS","ConditionKey":"backup","ConditionValue":"cab"}]}""";

        ToolRun.Result refused = await CliAsync("backup", "create-backup-selection", "--backup-plan-id", id, "--backup-selection", selection);
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("An error occurred (InvalidParameterValueException) when calling the CreateBackupSelection operation", refused.Stderr, StringComparison.Ordinal);
        Assert.Contains($": BackupSelection.IamRoleArn: role cabrole does not exist in account {_server.AccountId}; create it", refused.Stderr, StringComparison.Ordinal);

        const string Trust = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"backup.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";
        await CliJsonAsync("iam", "create-role", "--role-name", "cabrole", "--assume-role-policy-document", Trust);
        string selectionId = (await CliJsonAsync("backup", "create-backup-selection", "--backup-plan-id", id, "--backup-selection", selection)).GetProperty("SelectionId").GetString()!;
        JsonElement got = await CliJsonAsync("backup", "get-backup-selection", "--backup-plan-id", id, "--selection-id", selectionId);
        Assert.Equal("cab", got.GetProperty("BackupSelection").GetProperty("ListOfTags")[0].GetProperty("ConditionValue").GetString());
    }

    [PipAwsCliFact]
    public async Task The_pip_cli_previews_scheduled_runs_a_newer_model_member()
    {
        string id = (await CliJsonAsync("backup", "create-backup-plan", "--backup-plan", Plan)).GetProperty("BackupPlanId").GetString()!;
        ToolRun.Result result = await ToolRun.RunAsync("python3", ["-m", "awscli", "backup", "get-backup-plan", "--backup-plan-id", id, "--max-scheduled-runs-preview", "3", .. Common()], ProfileEnvironment());
        Assert.True(result.ExitCode == 0, result.ToString());
        JsonElement runs = JsonDocument.Parse(result.Stdout).RootElement.GetProperty("ScheduledRunsPreview");
        Assert.Equal(3, runs.GetArrayLength());
        Assert.All(runs.EnumerateArray(), r => Assert.Equal("SNAPSHOTS", r.GetProperty("RuleExecutionType").GetString()));
        double first = runs[0].GetProperty("ExecutionTime").GetDouble();
        Assert.Equal(86_400, runs[1].GetProperty("ExecutionTime").GetDouble() - first);
        Assert.Equal(5, DateTimeOffset.FromUnixTimeSeconds((long)first).Hour);
    }

    [RealClientFact("node")]
    public async Task The_js_sdk_drives_plans_selections_settings_tags_and_error_shapes()
    {
        (string keyId, string secret) = _server.RootKey();
        string clients = RealClientFactAttribute.ClientsDirectory!;
        ToolRun.Result result = await ToolRun.RunAsync("node", [Path.Combine(clients, "backup-plans.mjs")], new Dictionary<string, string>
        {
            ["ARCA_ENDPOINT"] = _server.Endpoint.ToString().TrimEnd('/'),
            ["AWS_ACCESS_KEY_ID"] = keyId,
            ["AWS_SECRET_ACCESS_KEY"] = secret,
        }, clients);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("{\"done\":true}", result.Stdout, StringComparison.Ordinal);
    }

    private string[] Common() => ["--endpoint-url", _server.Endpoint.ToString().TrimEnd('/'), "--output", "json"];

    private Dictionary<string, string> ProfileEnvironment() => new()
    {
        ["AWS_SHARED_CREDENTIALS_FILE"] = _server.CredentialsFile,
        ["AWS_PROFILE"] = "management",
        ["AWS_DEFAULT_REGION"] = "us-east-1",
    };

    private Task<ToolRun.Result> CliAsync(params string[] arguments) =>
        ToolRun.RunAsync(RealClientFactAttribute.AwsCli, [.. arguments, .. Common()], ProfileEnvironment());

    private async Task<JsonElement> CliJsonAsync(params string[] arguments)
    {
        ToolRun.Result result = await CliAsync(arguments);
        Assert.True(result.ExitCode == 0, result.ToString());
        return JsonDocument.Parse(result.Stdout).RootElement.Clone();
    }
}
