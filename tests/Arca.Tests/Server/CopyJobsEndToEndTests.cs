using System.Text;
using System.Text.Json;
using Arca.Api.Client;

namespace Arca.Tests.Server;

/// <summary>
/// Cross-account backup with cross-Region copy, the reference tutorial (DESIGN.md §6) end to end against the real
/// <c>arca server</c> process: an organization with SourceAccount and DestinationAccount, cross-account backup enabled,
/// cabrole, customer managed keys naming both accounts and cabvault with an organization copy-in policy in both regions
/// (Debian AWS CLI); a scheduled backup in SourceAccount's us-east-1 vault whose rule's copy action copies it into
/// DestinationAccount's eu-west-1 vault; the copy back into SourceAccount from DestinationAccount (JS SDK v3,
/// tests/clients/copy-jobs.mjs) and a restore there compared byte for byte; a Deny in the destination vault's access
/// policy failing a copy with nothing landing; and the management account listing the copy jobs with ByAccountId=*.
/// </summary>
public sealed class CopyJobsEndToEndTests : IAsyncLifetime
{
    private const string Trust = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"backup.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";
    private const string AccessDenied = "Access Denied trying to call AWS Backup service";

    private static readonly string[] ServerOptions = ["--scheduler-tick", "1", "--job-renewal", "0.2"];
    private readonly string _dir = Directory.CreateTempSubdirectory("arca-copy-e2e-").FullName;
    private readonly HttpClient _http = new();
    private ArcaServerProcess _server = null!;
    private ServerJobsApi _api = null!;

    public async Task InitializeAsync()
    {
        _server = await ArcaServerProcess.StartAsync(Path.Combine(_dir, "server"), ServerOptions);
        _api = new ServerJobsApi(_server);
    }

    public async Task DisposeAsync()
    {
        _api?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        _http.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    [VaultServiceFact(false, "aws", "node")]
    public async Task The_tutorial_copies_a_backup_to_another_account_and_region_copies_it_back_and_restores_it_byte_for_byte()
    {
        // Step 0 and 1: the organization, its two members, cross-account monitoring and cross-account backup enabled.
        await CallAsync("CreateOrganization", new { FeatureSet = "ALL" });
        string orgId = (await CallAsync("DescribeOrganization", new { })).GetProperty("Organization").GetProperty("Id").GetString()!;
        string source = (await CallAsync("CreateAccount", new { Email = "source@example.com", AccountName = "SourceAccount" })).GetProperty("CreateAccountStatus").GetProperty("AccountId").GetString()!;
        string destination = (await CallAsync("CreateAccount", new { Email = "destination@example.com", AccountName = "DestinationAccount" })).GetProperty("CreateAccountStatus").GetProperty("AccountId").GetString()!;
        await CliAsync(Management, "organizations", "enable-aws-service-access", "--service-principal", "backup.amazonaws.com");
        await CliJsonAsync(Management, "backup", "update-global-settings", "--global-settings", "isCrossAccountBackupEnabled=true");
        Assert.Equal("true", (await CliJsonAsync(Management, "backup", "describe-global-settings")).GetProperty("GlobalSettings").GetProperty("isCrossAccountBackupEnabled").GetString());

        // Steps 2 and 3: cabrole, keys naming both accounts, cabvault letting the organization copy in — in both accounts and regions.
        Dictionary<string, string> asSource = await AssumeAccessRoleAsync(source);
        Dictionary<string, string> asDestination = await AssumeAccessRoleAsync(destination);
        await LayOutAsync(asSource, source, destination, orgId);
        await LayOutAsync(asDestination, destination, source, orgId);

        // Step 4 (as an own plan of SourceAccount, firing at the next minute): cabrule with a copy action to DestinationAccount's eu-west-1 vault.
        string web = Path.Combine(_dir, "web");
        SourceTrees.Write(web, "index.html", SourceTrees.Text(20_000, 1));
        SourceTrees.Write(web, "assets/logo.bin", SourceTrees.Random(400_000, 2));
        string webArn = (await MemberAsync(asSource, "PUT", "/arca/resources", JsonSerializer.Serialize(new { Type = "Directory", Name = "web", Path = web, Tags = new { backup = "cab" } })))
            .GetProperty("ResourceArn").GetString()!;
        string westVault = $"arn:aws:backup:eu-west-1:{destination}:backup-vault:cabvault";
        string eastVault = $"arn:aws:backup:us-east-1:{source}:backup-vault:cabvault";
        DateTimeOffset due = NextMinute(DateTimeOffset.UtcNow.AddSeconds(20));
        string planFile = Path.Combine(_dir, "plan.json");
        await File.WriteAllTextAsync(planFile, $$$"""
            {"BackupPlanName":"cabplan","Rules":[{"RuleName":"cabrule","TargetBackupVaultName":"cabvault",
             "ScheduleExpression":"cron({{{due.Minute}}} {{{due.Hour}}} * * ? *)","StartWindowMinutes":60,"CompletionWindowMinutes":180,
             "CopyActions":[{"DestinationBackupVaultArn":"{{{westVault}}}","Lifecycle":{"DeleteAfterDays":60}}]}]}
            """);
        string planId = (await CliJsonAsync(asSource, "backup", "create-backup-plan", "--backup-plan", "file://" + planFile)).GetProperty("BackupPlanId").GetString()!;
        await CliJsonAsync(asSource, "backup", "create-backup-selection", "--backup-plan-id", planId, "--backup-selection",
            $$$"""{"SelectionName":"cabresources","IamRoleArn":"arn:aws:iam::{{{source}}}:role/cabrole","ListOfTags":[{"ConditionType":"STRINGEQUALS","ConditionKey":"backup","ConditionValue":"cab"}]}""");

        JsonElement[] copies = await _api.UntilAsync(
            async () => (await MemberAsync(asSource, "GET", "/copy-jobs/")).GetProperty("CopyJobs").EnumerateArray().ToArray(),
            jobs => jobs.Length == 1 && jobs[0].GetProperty("State").GetString() is "COMPLETED" or "FAILED",
            TimeSpan.FromMinutes(4),
            "the copy action's copy job ending");
        JsonElement copy = Assert.Single(copies);
        Assert.True(copy.GetProperty("State").GetString() == "COMPLETED", copy.ToString());
        Assert.Equal((source, eastVault, westVault, planId), (copy.GetProperty("AccountId").GetString(), copy.GetProperty("SourceBackupVaultArn").GetString(),
            copy.GetProperty("DestinationBackupVaultArn").GetString(), copy.GetProperty("CreatedBy").GetProperty("BackupPlanId").GetString()));
        JsonElement cli = (await CliJsonAsync(asSource, "backup", "describe-copy-job", "--copy-job-id", copy.GetProperty("CopyJobId").GetString()!)).GetProperty("CopyJob");
        Assert.Equal(("COMPLETED", 60), (cli.GetProperty("State").GetString(), copy.GetProperty("DestinationRecoveryPointLifecycle").GetProperty("DeleteAfterDays").GetInt32()));
        string copied = cli.GetProperty("DestinationRecoveryPointArn").GetString()!;
        Assert.Single((await CliJsonAsync(asSource, "backup", "list-copy-jobs", "--by-destination-vault-arn", westVault, "--by-state", "COMPLETED")).GetProperty("CopyJobs").EnumerateArray());

        JsonElement landed = await CliJsonAsync(asDestination, "backup", "describe-recovery-point", "--backup-vault-name", "cabvault", "--recovery-point-arn", copied, "--region", "eu-west-1");
        Assert.Equal((eastVault, webArn, "COMPLETED"), (landed.GetProperty("SourceBackupVaultArn").GetString(), landed.GetProperty("ResourceArn").GetString(), landed.GetProperty("Status").GetString()));
        Assert.Equal(60, landed.GetProperty("Lifecycle").GetProperty("DeleteAfterDays").GetInt32());

        // Step 5: from DestinationAccount, copy it back into SourceAccount's us-east-1 vault (JS SDK), then restore it there.
        (string keyId, string secret, string token) = (asDestination["AWS_ACCESS_KEY_ID"], asDestination["AWS_SECRET_ACCESS_KEY"], asDestination["AWS_SESSION_TOKEN"]);
        string clients = RealClientFactAttribute.ClientsDirectory!;
        ToolRun.Result node = await ToolRun.RunAsync("node", [Path.Combine(clients, "copy-jobs.mjs")], new Dictionary<string, string>
        {
            ["ARCA_ENDPOINT"] = _server.Endpoint.ToString().TrimEnd('/'),
            ["AWS_ACCESS_KEY_ID"] = keyId,
            ["AWS_SECRET_ACCESS_KEY"] = secret,
            ["AWS_SESSION_TOKEN"] = token,
            ["RECOVERY_POINT_ARN"] = copied,
            ["DESTINATION_VAULT_ARN"] = eastVault,
            ["ROLE_ARN"] = $"arn:aws:iam::{destination}:role/cabrole",
        }, clients);
        Assert.True(node.ExitCode == 0, node.ToString());
        string home = JsonDocument.Parse(node.Stdout.Trim().Split('\n')[^1]).RootElement.GetProperty("recoveryPointArn").GetString()!;
        JsonElement back = await CliJsonAsync(asSource, "backup", "describe-recovery-point", "--backup-vault-name", "cabvault", "--recovery-point-arn", home);
        Assert.Equal(westVault, back.GetProperty("SourceBackupVaultArn").GetString());

        string target = Path.Combine(_dir, "restored");
        string restoreId = (await CliJsonAsync(asSource, "backup", "start-restore-job", "--recovery-point-arn", home, "--iam-role-arn", $"arn:aws:iam::{source}:role/cabrole",
            "--metadata", JsonSerializer.Serialize(new Dictionary<string, string> { ["TargetPath"] = target }))).GetProperty("RestoreJobId").GetString()!;
        JsonElement restore = await _api.UntilAsync(
            () => MemberAsync(asSource, "GET", "/restore-jobs/" + restoreId),
            j => j.GetProperty("Status").GetString() is not ("PENDING" or "RUNNING"),
            TimeSpan.FromMinutes(2),
            "the restore ending");
        Assert.True(restore.GetProperty("Status").GetString() == "COMPLETED", restore.ToString());
        Assert.Equal(TreeDigest.Of(web), TreeDigest.Of(target));

        // A Deny in the destination vault's access policy stops the copy, and nothing lands.
        await CliJsonAsync(asDestination, "backup", "put-backup-vault-access-policy", "--backup-vault-name", "cabvault", "--region", "eu-west-1", "--policy",
            $$$"""{"Version":"2012-10-17","Statement":[{{{OrgCopyIn(orgId)}}},{"Effect":"Deny","Principal":{"AWS":"{{{source}}}"},"Action":"backup:CopyIntoBackupVault","Resource":"*"}]}""");
        string original = (await CliJsonAsync(asSource, "backup", "list-recovery-points-by-backup-vault", "--backup-vault-name", "cabvault")).GetProperty("RecoveryPoints")
            .EnumerateArray().Single(p => !p.TryGetProperty("SourceBackupVaultArn", out _)).GetProperty("RecoveryPointArn").GetString()!;
        string deniedId = (await CliJsonAsync(asSource, "backup", "start-copy-job", "--recovery-point-arn", original, "--source-backup-vault-name", "cabvault",
            "--destination-backup-vault-arn", westVault, "--iam-role-arn", $"arn:aws:iam::{source}:role/cabrole")).GetProperty("CopyJobId").GetString()!;
        JsonElement denied = await _api.UntilAsync(
            async () => (await MemberAsync(asSource, "GET", "/copy-jobs/" + deniedId)).GetProperty("CopyJob"),
            j => j.GetProperty("State").GetString() is not ("CREATED" or "RUNNING"),
            TimeSpan.FromMinutes(2),
            "the denied copy ending");
        Assert.Equal(("FAILED", AccessDenied, "AccessDenied"), (denied.GetProperty("State").GetString(), denied.GetProperty("StatusMessage").GetString(), denied.GetProperty("MessageCategory").GetString()));
        Assert.Single((await CliJsonAsync(asDestination, "backup", "list-recovery-points-by-backup-vault", "--backup-vault-name", "cabvault", "--region", "eu-west-1"))
            .GetProperty("RecoveryPoints").EnumerateArray());

        // The management account sees every copy job of its members: two in us-east-1 (SourceAccount's), one in eu-west-1 (DestinationAccount's).
        JsonElement[] east = [.. (await CliJsonAsync(Management, "backup", "list-copy-jobs", "--by-account-id", "*")).GetProperty("CopyJobs").EnumerateArray()];
        JsonElement[] west = [.. (await CliJsonAsync(Management, "backup", "list-copy-jobs", "--by-account-id", "*", "--region", "eu-west-1")).GetProperty("CopyJobs").EnumerateArray()];
        Assert.Equal((2, 1), (east.Length, west.Length));
        Assert.All(east, j => Assert.Equal(source, j.GetProperty("AccountId").GetString()));
        Assert.Equal(destination, west[0].GetProperty("AccountId").GetString());
    }

    private static string OrgCopyIn(string orgId) =>
        $$$$"""{"Sid":"AllowOrgCopyIn","Effect":"Allow","Principal":"*","Action":"backup:CopyIntoBackupVault","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalOrgID":"{{{{orgId}}}}"}}}""";

    private static DateTimeOffset NextMinute(DateTimeOffset after) =>
        new DateTimeOffset(after.Year, after.Month, after.Day, after.Hour, after.Minute, 0, TimeSpan.Zero).AddMinutes(1);

    private Dictionary<string, string> Management => new()
    {
        ["AWS_SHARED_CREDENTIALS_FILE"] = _server.CredentialsFile,
        ["AWS_PROFILE"] = "management",
        ["AWS_DEFAULT_REGION"] = "us-east-1",
    };

    /// <summary>cabrole (allowed backup:*, as AWS's managed backup policy), a key naming both accounts and cabvault with the organization policy, in both regions.</summary>
    private async Task LayOutAsync(Dictionary<string, string> member, string account, string other, string orgId)
    {
        await CliJsonAsync(member, "iam", "create-role", "--role-name", "cabrole", "--assume-role-policy-document", Trust);
        await CliAsync(member, "iam", "put-role-policy", "--role-name", "cabrole", "--policy-name", "backup",
            "--policy-document", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"backup:*","Resource":"*"}]}""");
        string keyPolicy = $$$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":["arn:aws:iam::{{{account}}}:root","arn:aws:iam::{{{other}}}:root"]},"Action":"kms:*","Resource":"*"}]}""";
        foreach (string region in new[] { "us-east-1", "eu-west-1" })
        {
            string key = (await CliJsonAsync(member, "kms", "create-key", "--policy", keyPolicy, "--region", region)).GetProperty("KeyMetadata").GetProperty("Arn").GetString()!;
            await CliJsonAsync(member, "backup", "create-backup-vault", "--backup-vault-name", "cabvault", "--encryption-key-arn", key, "--region", region);
            await CliAsync(member, "backup", "put-backup-vault-access-policy", "--backup-vault-name", "cabvault", "--region", region,
                "--policy", $$$"""{"Version":"2012-10-17","Statement":[{{{OrgCopyIn(orgId)}}}]}""");
        }
    }

    private async Task<JsonElement> CallAsync<T>(string operation, T input)
    {
        (string keyId, string secret) = _server.RootKey();
        var client = new SigV4HttpClient(_http, _server.Endpoint, "us-east-1", new AwsCredentials(keyId, secret), TimeProvider.System);
        using HttpResponseMessage response = await client.PostJsonAsync("organizations", "AWSOrganizationsV20161128." + operation, JsonSerializer.Serialize(input));
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{operation}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>A signed Backup call as a member (its OrganizationAccountAccessRole session).</summary>
    private async Task<JsonElement> MemberAsync(Dictionary<string, string> member, string method, string path, string? body = null, string region = "us-east-1")
    {
        var credentials = new AwsCredentials(member["AWS_ACCESS_KEY_ID"], member["AWS_SECRET_ACCESS_KEY"], member["AWS_SESSION_TOKEN"]);
        var client = new SigV4HttpClient(_http, _server.Endpoint, region, credentials, TimeProvider.System);
        byte[] bytes = body is null ? [] : Encoding.UTF8.GetBytes(body);
        KeyValuePair<string, string>[] headers = body is null ? [] : [new("Content-Type", "application/json")];
        using HttpResponseMessage response = await client.SendAsync("backup", method, path, headers, bytes);
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>The management account's session in a member through OrganizationAccountAccessRole, as CLI environment variables.</summary>
    private async Task<Dictionary<string, string>> AssumeAccessRoleAsync(string accountId)
    {
        JsonElement credentials = (await CliJsonAsync(Management, "sts", "assume-role", "--role-arn", $"arn:aws:iam::{accountId}:role/OrganizationAccountAccessRole",
            "--role-session-name", "tutorial", "--duration-seconds", "3600")).GetProperty("Credentials");
        return new Dictionary<string, string>
        {
            ["AWS_ACCESS_KEY_ID"] = credentials.GetProperty("AccessKeyId").GetString()!,
            ["AWS_SECRET_ACCESS_KEY"] = credentials.GetProperty("SecretAccessKey").GetString()!,
            ["AWS_SESSION_TOKEN"] = credentials.GetProperty("SessionToken").GetString()!,
            ["AWS_SHARED_CREDENTIALS_FILE"] = "/nonexistent/arca-test/credentials",
            ["AWS_DEFAULT_REGION"] = "us-east-1",
        };
    }

    private async Task<ToolRun.Result> CliAsync(Dictionary<string, string> environment, params string[] arguments)
    {
        ToolRun.Result result = await ToolRun.RunAsync(RealClientFactAttribute.AwsCli, [.. arguments, "--endpoint-url", _server.Endpoint.ToString().TrimEnd('/'), "--output", "json"], environment);
        Assert.True(result.ExitCode == 0, result.ToString());
        return result;
    }

    private async Task<JsonElement> CliJsonAsync(Dictionary<string, string> environment, params string[] arguments)
    {
        ToolRun.Result result = await CliAsync(environment, arguments);
        return result.Stdout.Trim().Length == 0 ? default : JsonDocument.Parse(result.Stdout).RootElement.Clone();
    }
}
