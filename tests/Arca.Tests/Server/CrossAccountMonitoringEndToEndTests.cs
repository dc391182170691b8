using System.Text.Json;
using Arca.Api.Client;

namespace Arca.Tests.Server;

/// <summary>
/// The reference tutorial's steps 1 and 4 end to end against the real <c>arca server</c> process (its scheduler ticking every
/// second through a hidden test option): the management account opts in (backup policies, trusted access for Backup, i.e.
/// cross-account monitoring, and cross-account backup), writes cabpolicy and attaches it to SourceAccount; SourceAccount has
/// cabrole, cabvault and a Directory tagged backup=cab; the org-managed cabplan's rule fires and backs it up; the management
/// account watches that job (ListBackupJobs <c>--by-account-id '*'</c>, DescribeBackupJob, ListBackupJobSummaries) with the
/// Debian AWS CLI, the pip AWS CLI (summaries are newer than the Debian CLI's model) and the JS SDK
/// (tests/clients/cross-account-monitoring.mjs), while a member sees only its own jobs.
/// </summary>
/// <remarks>
/// cabrule is daily with the default windows (8 hours to start, 7 days to complete) like the tutorial's, but at the next
/// whole minute instead of 05:00 UTC, so that its first run comes within the test (the scheduler has no clock to advance
/// from outside the process).
/// </remarks>
public sealed class CrossAccountMonitoringEndToEndTests : IAsyncLifetime
{
    private const string Trust = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"backup.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";
    private readonly string _dir = Directory.CreateTempSubdirectory("arca-monitoring-e2e-").FullName;
    private readonly HttpClient _http = new();
    private ArcaServerProcess _server = null!;
    private ServerJobsApi _api = null!;

    public async Task InitializeAsync()
    {
        _server = await ArcaServerProcess.StartAsync(Path.Combine(_dir, "server"), "--scheduler-tick", "1", "--job-renewal", "0.2");
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

    [MonitoringClientsFact]
    public async Task The_management_account_watches_the_scheduled_backup_of_the_source_account_and_a_member_sees_only_its_own()
    {
        (string root, string source, string destination) = await TutorialOrganizationAsync();

        // Step 1: opt in.
        await CliJsonAsync(Management, "organizations", "enable-policy-type", "--root-id", root, "--policy-type", "BACKUP_POLICY");
        await CliJsonAsync(Management, "organizations", "enable-aws-service-access", "--service-principal", "backup.amazonaws.com");
        await CliJsonAsync(Management, "backup", "update-global-settings", "--global-settings", "isCrossAccountBackupEnabled=true");

        // Steps 2 and 3 in the accounts (cabrole, cabvault), and the resource tagged backup=cab (step 0).
        Dictionary<string, string> asSource = await AssumeAccessRoleAsync(source);
        Dictionary<string, string> asDestination = await AssumeAccessRoleAsync(destination);
        await CliJsonAsync(asSource, "iam", "create-role", "--role-name", "cabrole", "--assume-role-policy-document", Trust);
        await CliJsonAsync(asSource, "backup", "create-backup-vault", "--backup-vault-name", "cabvault", "--region", "us-east-1");
        await CliJsonAsync(asSource, "backup", "create-backup-vault", "--backup-vault-name", "cabvault", "--region", "eu-west-1");
        await CliJsonAsync(asDestination, "backup", "create-backup-vault", "--backup-vault-name", "cabvault", "--region", "eu-west-1");
        string web = Path.Combine(_dir, "web");
        SourceTrees.Write(web, "index.html", SourceTrees.Text(20_000, 1));
        SourceTrees.Write(web, "assets/logo.bin", SourceTrees.Random(100_000, 2));
        ToolRun.Result registered = await ToolRun.RunAsync("dotnet", [Path.Combine(AppContext.BaseDirectory, "arca.dll"), "resource", "register", "--type", "Directory",
            "--name", "web", "--path", web, "--tags", "backup=cab", "--region", "us-east-1", "--endpoint-url", Endpoint], asSource);
        Assert.True(registered.ExitCode == 0, registered.ToString());
        string webArn = registered.Stdout.Trim();
        Assert.StartsWith($"arn:aws:arca:us-east-1:{source}:directory/web", webArn, StringComparison.Ordinal);

        // Step 4: cabpolicy attached to SourceAccount; its rule is due at the next whole minute (at least 45 s away).
        DateTimeOffset due = NextMinute(DateTimeOffset.UtcNow.AddSeconds(45));
        string policyFile = Path.Combine(_dir, "cabpolicy.json");
        await File.WriteAllTextAsync(policyFile, CabPolicy(destination, $"cron({due.Minute} {due.Hour} * * ? *)"));
        string policyId = (await CliJsonAsync(Management, "organizations", "create-policy", "--type", "BACKUP_POLICY", "--name", "cabpolicy",
            "--description", "Cross-account backup with cross-Region copy", "--content", "file://" + policyFile)).GetProperty("Policy").GetProperty("PolicySummary").GetProperty("Id").GetString()!;
        await CliJsonAsync(Management, "organizations", "attach-policy", "--policy-id", policyId, "--target-id", source);
        ToolRun.Result status = await ToolRun.RunAsync("dotnet", [Path.Combine(AppContext.BaseDirectory, "arca.dll"), "organizations", "backup-plan-status",
            "--profile", "management", "--region", "us-east-1", "--endpoint-url", Endpoint], Management);
        Assert.True(status.ExitCode == 0, status.ToString());
        Assert.True(DateTimeOffset.UtcNow < due, $"the setup took too long: cabrule was due at {due:O}");

        // The management account sees the source account's scheduled job complete, with ByAccountId '*'.
        JsonElement job = await _api.UntilAsync(
            async () => (await _api.OkAsync("GET", "/backup-jobs/?accountId=*")).GetProperty("BackupJobs").EnumerateArray()
                .FirstOrDefault(j => j.GetProperty("AccountId").GetString() == source && j.GetProperty("State").GetString() is "COMPLETED" or "FAILED" or "EXPIRED" or "ABORTED"),
            j => j.ValueKind == JsonValueKind.Object,
            TimeSpan.FromMinutes(4),
            "the source account's scheduled backup job ending");
        Assert.True(job.GetProperty("State").GetString() == "COMPLETED", job.ToString());
        Assert.Equal((webArn, "cabrule"), (job.GetProperty("ResourceArn").GetString(), job.GetProperty("CreatedBy").GetProperty("BackupRuleName").GetString()));
        DateTimeOffset initiated = DateTimeOffset.FromUnixTimeMilliseconds((long)(job.GetProperty("InitiationDate").GetDouble() * 1000));
        Assert.InRange(initiated - due, TimeSpan.Zero, TimeSpan.FromMinutes(1));
        string jobId = job.GetProperty("BackupJobId").GetString()!;

        // The Debian AWS CLI: the management account lists and describes it; members see only their own.
        Assert.Contains(jobId, JobIds(await CliJsonAsync(Management, "backup", "list-backup-jobs", "--by-account-id", "*")));
        Assert.Equal([jobId], JobIds(await CliJsonAsync(Management, "backup", "list-backup-jobs", "--by-account-id", source)));
        Assert.DoesNotContain(jobId, JobIds(await CliJsonAsync(Management, "backup", "list-backup-jobs")));
        Assert.Equal(source, (await CliJsonAsync(Management, "backup", "describe-backup-job", "--backup-job-id", jobId)).GetProperty("AccountId").GetString());
        Assert.Equal([jobId], JobIds(await CliJsonAsync(asSource, "backup", "list-backup-jobs", "--by-account-id", "*")));
        Assert.Empty(JobIds(await CliJsonAsync(asDestination, "backup", "list-backup-jobs", "--by-account-id", source)));
        ToolRun.Result hidden = await CliAsync(asDestination, "backup", "describe-backup-job", "--backup-job-id", jobId);
        Assert.True(hidden.ExitCode != 0 && hidden.Stderr.Contains("(ResourceNotFoundException)", StringComparison.Ordinal), hidden.ToString());

        // The pip AWS CLI (its Backup model has the summaries): one row for the source account.
        JsonElement summaries = await PipCliJsonAsync(Management, "backup", "list-backup-job-summaries", "--account-id", "ANY", "--aggregation-period", "ONE_DAY");
        JsonElement row = Assert.Single(summaries.GetProperty("BackupJobSummaries").EnumerateArray(), r => r.GetProperty("AccountId").GetString() == source);
        Assert.Equal(("COMPLETED", "Directory", "SUCCESS", 1, "us-east-1"), (row.GetProperty("State").GetString(), row.GetProperty("ResourceType").GetString(),
            row.GetProperty("MessageCategory").GetString(), row.GetProperty("Count").GetInt32(), row.GetProperty("Region").GetString()));
        JsonElement own = await PipCliJsonAsync(asDestination, "backup", "list-backup-job-summaries", "--account-id", "ANY");
        Assert.Empty(own.GetProperty("BackupJobSummaries").EnumerateArray());

        // The JS SDK.
        (string key, string secret) = _server.RootKey();
        string clients = RealClientFactAttribute.ClientsDirectory!;
        ToolRun.Result node = await ToolRun.RunAsync("node", [Path.Combine(clients, "cross-account-monitoring.mjs")], new Dictionary<string, string>
        {
            ["ARCA_ENDPOINT"] = Endpoint,
            ["AWS_ACCESS_KEY_ID"] = key,
            ["AWS_SECRET_ACCESS_KEY"] = secret,
            ["MEMBER_ACCESS_KEY_ID"] = asSource["AWS_ACCESS_KEY_ID"],
            ["MEMBER_SECRET_ACCESS_KEY"] = asSource["AWS_SECRET_ACCESS_KEY"],
            ["MEMBER_SESSION_TOKEN"] = asSource["AWS_SESSION_TOKEN"],
            ["SOURCE_ACCOUNT"] = source,
            ["BACKUP_JOB_ID"] = jobId,
        }, clients);
        Assert.True(node.ExitCode == 0, node.ToString());
        Assert.Contains("{\"done\":true}", node.Stdout, StringComparison.Ordinal);
    }

    private string Endpoint => _server.Endpoint.ToString().TrimEnd('/');

    private Dictionary<string, string> Management => new()
    {
        ["AWS_SHARED_CREDENTIALS_FILE"] = _server.CredentialsFile,
        ["AWS_PROFILE"] = "management",
        ["AWS_DEFAULT_REGION"] = "us-east-1",
    };

    private static DateTimeOffset NextMinute(DateTimeOffset after) =>
        new DateTimeOffset(after.Year, after.Month, after.Day, after.Hour, after.Minute, 0, TimeSpan.Zero).AddMinutes(1);

    private static string[] JobIds(JsonElement list) => [.. list.GetProperty("BackupJobs").EnumerateArray().Select(j => j.GetProperty("BackupJobId").GetString()!)];

    /// <summary>The tutorial's cabpolicy, as <c>arca quickstart</c> attaches it, with <paramref name="schedule"/>.</summary>
    private static string CabPolicy(string destination, string schedule) =>
        Arca.Cli.Quickstart.QuickstartDocuments.BackupPolicy(destination).Replace("cron(0 5 ? * * *)", schedule, StringComparison.Ordinal);

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

    private async Task<JsonElement> CallAsync<T>(string operation, T input)
    {
        (string keyId, string secret) = _server.RootKey();
        var client = new SigV4HttpClient(_http, _server.Endpoint, "us-east-1", new AwsCredentials(keyId, secret), TimeProvider.System);
        using HttpResponseMessage response = await client.PostJsonAsync("organizations", "AWSOrganizationsV20161128." + operation, JsonSerializer.Serialize(input));
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{operation}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>The management account's session in a member through OrganizationAccountAccessRole, as CLI environment variables.</summary>
    private async Task<Dictionary<string, string>> AssumeAccessRoleAsync(string accountId)
    {
        JsonElement credentials = (await CliJsonAsync(Management, "sts", "assume-role", "--role-arn", $"arn:aws:iam::{accountId}:role/OrganizationAccountAccessRole",
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

    private Task<ToolRun.Result> CliAsync(Dictionary<string, string> environment, params string[] arguments) =>
        ToolRun.RunAsync(RealClientFactAttribute.AwsCli, [.. arguments, "--endpoint-url", Endpoint, "--output", "json"], environment);

    private async Task<JsonElement> CliJsonAsync(Dictionary<string, string> environment, params string[] arguments)
    {
        ToolRun.Result result = await CliAsync(environment, arguments);
        Assert.True(result.ExitCode == 0, result.ToString());
        return result.Stdout.Trim().Length == 0 ? default : JsonDocument.Parse(result.Stdout).RootElement.Clone();
    }

    private async Task<JsonElement> PipCliJsonAsync(Dictionary<string, string> environment, params string[] arguments)
    {
        ToolRun.Result result = await ToolRun.RunAsync("python3", ["-m", "awscli", .. arguments, "--endpoint-url", Endpoint, "--output", "json"], environment);
        Assert.True(result.ExitCode == 0, result.ToString());
        return JsonDocument.Parse(result.Stdout).RootElement.Clone();
    }
}
