using System.Text.Json;
using System.Text.Json.Nodes;
using Arca.Api.Client;

namespace Arca.Tests.Server;

/// <summary>
/// Backup policies driven by real clients against the <c>arca server</c> process: the reference tutorial's step 1 and the
/// policy part of step 4 with the Debian AWS CLI (DESIGN.md §6) — down to cabplan in SourceAccount in both regions, read-only, and
/// <c>arca organizations backup-plan-status</c> —, the policy operations and error shapes with the JS SDK v3
/// (tests/clients/organizations-policies.mjs), and <c>arca organizations effective-backup-policy</c> end to end.
/// </summary>
public sealed class BackupPolicyConformanceTests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("arca-server-").FullName;
    private readonly HttpClient _http = new();
    private ArcaServerProcess _server = null!;

    public async Task InitializeAsync() => _server = await ArcaServerProcess.StartAsync(_dir);

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _http.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    [RealClientFact("aws")]
    public async Task The_tutorials_steps_1_and_4_opt_in_then_attach_cabpolicy_to_the_source_account()
    {
        (string root, string source, string destination) = await TutorialOrganizationAsync();

        JsonElement enabled = (await CliJsonAsync("organizations", "enable-policy-type", "--root-id", root, "--policy-type", "BACKUP_POLICY")).GetProperty("Root");
        Assert.Contains(enabled.GetProperty("PolicyTypes").EnumerateArray(),
            t => t.GetProperty("Type").GetString() == "BACKUP_POLICY" && t.GetProperty("Status").GetString() == "ENABLED");
        Assert.Equal(0, (await CliAsync("organizations", "enable-aws-service-access", "--service-principal", "backup.amazonaws.com")).ExitCode);
        Assert.Equal(0, (await CliAsync("backup", "update-global-settings", "--global-settings", "isCrossAccountBackupEnabled=true")).ExitCode);
        Assert.Equal("true", (await CliJsonAsync("backup", "describe-global-settings")).GetProperty("GlobalSettings")
            .GetProperty("isCrossAccountBackupEnabled").GetString());

        File.WriteAllText(Path.Combine(_dir, "cabpolicy.json"), CabPolicy(destination));
        JsonElement policy = (await CliJsonAsync("organizations", "create-policy", "--type", "BACKUP_POLICY", "--name", "cabpolicy",
            "--description", "Cross-account backup with cross-Region copy", "--content", $"file://{Path.Combine(_dir, "cabpolicy.json")}"))
            .GetProperty("Policy").GetProperty("PolicySummary");
        string policyId = policy.GetProperty("Id").GetString()!;
        Assert.Equal(0, (await CliAsync("organizations", "attach-policy", "--policy-id", policyId, "--target-id", source)).ExitCode);

        JsonElement effective = (await CliJsonAsync("organizations", "describe-effective-policy", "--policy-type", "BACKUP_POLICY", "--target-id", source))
            .GetProperty("EffectivePolicy");
        Assert.Equal(source, effective.GetProperty("TargetId").GetString());
        JsonNode expected = JsonNode.Parse("""
            {"plans":{"cabplan":{"regions":["us-east-1","eu-west-1"],"rules":{"cabrule":{"schedule_expression":"cron(0 5 ? * * *)",
              "start_backup_window_minutes":"480","complete_backup_window_minutes":"10080","target_backup_vault_name":"cabvault",
              "copy_actions":{"arn:aws:backup:eu-west-1:DESTINATION:backup-vault:cabvault":{
                "target_backup_vault_arn":"arn:aws:backup:eu-west-1:DESTINATION:backup-vault:cabvault"}}}},
              "selections":{"tags":{"cabresources":{"iam_role_arn":"arn:aws:iam::$account:role/cabrole","tag_key":"backup","tag_value":["cab"]}}}}}}
            """.Replace("DESTINATION", destination, StringComparison.Ordinal))!;
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(effective.GetProperty("PolicyContent").GetString()!)), effective.GetRawText());

        await SourceAccountSeesCabplanAsync(source, destination);

        File.WriteAllText(Path.Combine(_dir, "bad.json"), CabPolicy(destination).Replace("target_backup_vault_name", "target_vault_name", StringComparison.Ordinal));
        ToolRun.Result bad = await CliAsync("organizations", "create-policy", "--type", "BACKUP_POLICY", "--name", "bad", "--description", "d",
            "--content", $"file://{Path.Combine(_dir, "bad.json")}");
        Assert.NotEqual(0, bad.ExitCode);
        Assert.Contains("(MalformedPolicyDocumentException)", bad.Stderr, StringComparison.Ordinal);
        Assert.Contains("unknown key \"target_vault_name\" at plans.cabplan.rules.cabrule", bad.Stderr, StringComparison.Ordinal);
    }

    /// <summary>
    /// Step 4 continued: the attached policy becomes cabplan in SourceAccount in both regions, read-only there, and
    /// <c>arca organizations backup-plan-status</c> says what the plan still lacks (vaults and role: steps 2 and 3) until it exists.
    /// </summary>
    private async Task SourceAccountSeesCabplanAsync(string source, string destination)
    {
        ToolRun.Result status = await ArcaAsync("organizations", "backup-plan-status"); // materializes pending changes before it answers
        Assert.True(status.ExitCode == 0, status.ToString());
        Assert.Matches($@"{source}  us-east-1  cabplan  INCOMPLETE  orgs/[0-9a-f-]{{36}}", status.Stdout);
        Assert.Contains($"TARGET_VAULT_MISSING: Rule cabrule: the target backup vault cabvault does not exist in account {source} and region eu-west-1", status.Stdout, StringComparison.Ordinal);
        Assert.Contains($"COPY_DESTINATION_MISSING: Rule cabrule: the copy destination vault cabvault does not exist in account {destination} and region eu-west-1", status.Stdout, StringComparison.Ordinal);
        Assert.Contains($"ROLE_MISSING: Selection cabresources: the IAM role cabrole does not exist in account {source}", status.Stdout, StringComparison.Ordinal);

        Dictionary<string, string> asSource = await AssumeAccessRoleAsync(source);
        string planId = string.Empty;
        foreach (string region in new[] { "us-east-1", "eu-west-1" })
        {
            JsonElement listed = Assert.Single((await CliJsonAsAsync(asSource, "backup", "list-backup-plans", "--region", region)).GetProperty("BackupPlansList").EnumerateArray());
            Assert.Equal("cabplan", listed.GetProperty("BackupPlanName").GetString());
            planId = listed.GetProperty("BackupPlanId").GetString()!;
            JsonElement plan = await CliJsonAsAsync(asSource, "backup", "get-backup-plan", "--backup-plan-id", planId, "--region", region);
            Assert.Equal($"arn:aws:backup:{region}:{source}:backup-plan:{planId}", plan.GetProperty("BackupPlanArn").GetString());
            JsonElement rule = Assert.Single(plan.GetProperty("BackupPlan").GetProperty("Rules").EnumerateArray());
            Assert.Equal(("cabrule", "cron(0 5 ? * * *)", 480, 10080, "cabvault"), (rule.GetProperty("RuleName").GetString(), rule.GetProperty("ScheduleExpression").GetString(),
                rule.GetProperty("StartWindowMinutes").GetInt32(), rule.GetProperty("CompletionWindowMinutes").GetInt32(), rule.GetProperty("TargetBackupVaultName").GetString()));
            Assert.Equal($"arn:aws:backup:eu-west-1:{destination}:backup-vault:cabvault",
                Assert.Single(rule.GetProperty("CopyActions").EnumerateArray()).GetProperty("DestinationBackupVaultArn").GetString());
            JsonElement selection = Assert.Single((await CliJsonAsAsync(asSource, "backup", "list-backup-selections", "--backup-plan-id", planId, "--region", region))
                .GetProperty("BackupSelectionsList").EnumerateArray());
            Assert.Equal(("cabresources", $"arn:aws:iam::{source}:role/cabrole"), (selection.GetProperty("SelectionName").GetString(), selection.GetProperty("IamRoleArn").GetString()));
        }

        File.WriteAllText(Path.Combine(_dir, "mine.json"), """{"BackupPlanName":"cabplan","Rules":[{"RuleName":"mine","TargetBackupVaultName":"cabvault"}]}""");
        foreach (string[] change in new[]
        {
            new[] { "update-backup-plan", "--backup-plan-id", planId, "--backup-plan", $"file://{Path.Combine(_dir, "mine.json")}" },
            ["delete-backup-plan", "--backup-plan-id", planId],
        })
        {
            ToolRun.Result refused = await CliAsAsync(asSource, ["backup", .. change]);
            string operation = $"(InvalidRequestException) when calling the {(change[0] == "update-backup-plan" ? "UpdateBackupPlan" : "DeleteBackupPlan")} operation";
            string message = $"Backup plan cabplan ({planId}) is managed by AWS Organizations and cannot be changed; change the organization's backup policy instead";
            Assert.True(refused.ExitCode != 0 && refused.Stderr.Contains(operation, StringComparison.Ordinal) && refused.Stderr.Contains(message, StringComparison.Ordinal),
                refused.ToString());
        }

        await CliJsonAsAsync(asSource, "iam", "create-role", "--role-name", "cabrole", "--assume-role-policy-document",
            """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"backup.amazonaws.com"},"Action":"sts:AssumeRole"}]}""");
        ToolRun.Result json = await ArcaAsync("organizations", "backup-plan-status", "--account", source, "--json");
        Assert.True(json.ExitCode == 0, json.ToString());
        JsonElement[] rows = [.. JsonDocument.Parse(json.Stdout).RootElement.GetProperty("BackupPlans").EnumerateArray()];
        Assert.Equal(["us-east-1", "eu-west-1"], rows.Select(r => r.GetProperty("Region").GetString()));
        Assert.All(rows, r => Assert.Equal(("INCOMPLETE", planId), (r.GetProperty("Status").GetString(), r.GetProperty("BackupPlanId").GetString())));
        Assert.Equal(["TARGET_VAULT_MISSING", "COPY_DESTINATION_MISSING"], rows[0].GetProperty("Findings").EnumerateArray().Select(f => f.GetProperty("Kind").GetString()));
        // The vault API is not on main yet: cabvault (step 3) cannot be created through it here, so the vault findings stay.
    }

    [RealClientFact("node")]
    public async Task The_js_sdk_drives_the_policy_operations_and_parses_every_error()
    {
        (string keyId, string secret) = _server.RootKey();
        string clients = RealClientFactAttribute.ClientsDirectory!;
        ToolRun.Result result = await ToolRun.RunAsync("node", [Path.Combine(clients, "organizations-policies.mjs")], new Dictionary<string, string>
        {
            ["ARCA_ENDPOINT"] = _server.Endpoint.ToString().TrimEnd('/'),
            ["AWS_ACCESS_KEY_ID"] = keyId,
            ["AWS_SECRET_ACCESS_KEY"] = secret,
        }, clients);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("{\"done\":true}", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_provenance_command_names_the_policy_and_target_behind_every_value()
    {
        (string root, string source, string destination) = await TutorialOrganizationAsync();
        await CallAsync("EnablePolicyType", new { RootId = root, PolicyType = "BACKUP_POLICY" });
        string baseline = (await CallAsync("CreatePolicy", new
        {
            Name = "baseline",
            Description = "",
            Type = "BACKUP_POLICY",
            Content = """{"plans":{"cabplan":{"regions":{"@@operators_allowed_for_child_policies":["@@append"],"@@assign":["us-east-1"]}}}}""",
        })).GetProperty("Policy").GetProperty("PolicySummary").GetProperty("Id").GetString()!;
        string cab = (await CallAsync("CreatePolicy", new { Name = "cabpolicy", Description = "", Type = "BACKUP_POLICY", Content = CabPolicy(destination) }))
            .GetProperty("Policy").GetProperty("PolicySummary").GetProperty("Id").GetString()!;
        await CallAsync("AttachPolicy", new { PolicyId = baseline, TargetId = root });
        await CallAsync("AttachPolicy", new { PolicyId = cab, TargetId = source });

        ToolRun.Result text = await ArcaAsync("organizations", "effective-backup-policy", "--target", source);
        Assert.True(text.ExitCode == 0, text.ToString());
        Assert.Contains($"Effective backup policy of account {source}", text.Stdout, StringComparison.Ordinal);
        Assert.Contains($"plans.cabplan.regions = us-east-1  <-  {baseline} (baseline) attached to {root}", text.Stdout, StringComparison.Ordinal);
        Assert.Contains($"plans.cabplan.rules.cabrule.target_backup_vault_name = cabvault  <-  {cab} (cabpolicy) attached to {source}", text.Stdout, StringComparison.Ordinal);
        Assert.Contains($"[OPERATOR_NOT_ALLOWED] ignored @@assign on plans.cabplan.regions by policy {cab} (cabpolicy)", text.Stdout, StringComparison.Ordinal);

        ToolRun.Result json = await ArcaAsync("organizations", "effective-backup-policy", "--target", root, "--json");
        Assert.True(json.ExitCode == 0, json.ToString());
        JsonElement answer = JsonDocument.Parse(json.Stdout).RootElement;
        Assert.Equal(("ROOT", "us-east-1"), (answer.GetProperty("TargetType").GetString(),
            answer.GetProperty("EffectivePolicy").GetProperty("PolicyContent").GetProperty("plans").GetProperty("cabplan").GetProperty("regions")[0].GetString()));

        ToolRun.Result missing = await ArcaAsync("organizations", "effective-backup-policy", "--target", "ou-zzzz-zzzzzzzz");
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("(TargetNotFoundException)", missing.Stderr, StringComparison.Ordinal);
    }

    /// <summary>An organization with SourceAccount and DestinationAccount, made through the API (step 0 has its own CLI test).</summary>
    private async Task<(string Root, string Source, string Destination)> TutorialOrganizationAsync()
    {
        await CallAsync("CreateOrganization", new { FeatureSet = "ALL" });
        string root = (await CallAsync("ListRoots", new { })).GetProperty("Roots")[0].GetProperty("Id").GetString()!;
        string source = (await CallAsync("CreateAccount", new { Email = "source@example.com", AccountName = "SourceAccount" }))
            .GetProperty("CreateAccountStatus").GetProperty("AccountId").GetString()!;
        string destination = (await CallAsync("CreateAccount", new { Email = "destination@example.com", AccountName = "DestinationAccount" }))
            .GetProperty("CreateAccountStatus").GetProperty("AccountId").GetString()!;
        return (root, source, destination);
    }

    /// <summary>The tutorial's cabpolicy, as <c>arca quickstart</c> attaches it.</summary>
    private static string CabPolicy(string destination) => Arca.Cli.Quickstart.QuickstartDocuments.BackupPolicy(destination);

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

    private Task<ToolRun.Result> CliAsync(params string[] arguments) =>
        ToolRun.RunAsync(RealClientFactAttribute.AwsCli, [.. arguments, "--endpoint-url", _server.Endpoint.ToString().TrimEnd('/'), "--output", "json"],
            new Dictionary<string, string>
            {
                ["AWS_SHARED_CREDENTIALS_FILE"] = _server.CredentialsFile,
                ["AWS_PROFILE"] = "management",
                ["AWS_DEFAULT_REGION"] = "us-east-1",
            });

    /// <summary>The management account's session in a member through OrganizationAccountAccessRole, as CLI environment variables.</summary>
    private async Task<Dictionary<string, string>> AssumeAccessRoleAsync(string accountId)
    {
        JsonElement credentials = (await CliJsonAsync("sts", "assume-role", "--role-arn", $"arn:aws:iam::{accountId}:role/OrganizationAccountAccessRole",
            "--role-session-name", "tutorial")).GetProperty("Credentials");
        return new Dictionary<string, string>
        {
            ["AWS_ACCESS_KEY_ID"] = credentials.GetProperty("AccessKeyId").GetString()!,
            ["AWS_SECRET_ACCESS_KEY"] = credentials.GetProperty("SecretAccessKey").GetString()!,
            ["AWS_SESSION_TOKEN"] = credentials.GetProperty("SessionToken").GetString()!,
            ["AWS_SHARED_CREDENTIALS_FILE"] = "/nonexistent/arca-test/credentials",
            ["AWS_DEFAULT_REGION"] = "us-east-1",
        };
    }

    private Task<ToolRun.Result> CliAsAsync(Dictionary<string, string> environment, params string[] arguments) =>
        ToolRun.RunAsync(RealClientFactAttribute.AwsCli, [.. arguments, "--endpoint-url", _server.Endpoint.ToString().TrimEnd('/'), "--output", "json"], environment);

    private async Task<JsonElement> CliJsonAsAsync(Dictionary<string, string> environment, params string[] arguments)
    {
        ToolRun.Result result = await CliAsAsync(environment, arguments);
        Assert.True(result.ExitCode == 0, result.ToString());
        return JsonDocument.Parse(result.Stdout).RootElement.Clone();
    }

    private async Task<JsonElement> CliJsonAsync(params string[] arguments)
    {
        ToolRun.Result result = await CliAsync(arguments);
        Assert.True(result.ExitCode == 0, result.ToString());
        return JsonDocument.Parse(result.Stdout).RootElement.Clone();
    }
}
