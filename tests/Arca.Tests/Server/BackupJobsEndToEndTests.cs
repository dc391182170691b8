using System.Text.Json;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace Arca.Tests.Server;

/// <summary>
/// Backup and restore jobs end to end: the real <c>arca server</c> process (its scheduler ticking every second through a
/// hidden test option), driven by the Debian AWS CLI, the JS SDK (tests/clients/backup-jobs.mjs) and <c>arca resource</c>;
/// restores compared with the originals (trees by digest, SQLite and PostgreSQL by rows); a server killed with SIGKILL in
/// the middle of a large backup, restarted on the same data directory.
/// </summary>
public sealed class BackupJobsEndToEndTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Trust = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"backup.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";
    private static readonly string[] ServerOptions = ["--scheduler-tick", "1", "--job-renewal", "0.2"];
    private readonly string _dir = Directory.CreateTempSubdirectory("arca-jobs-e2e-").FullName;
    private ArcaServerProcess _server = null!;
    private ServerJobsApi _api = null!;

    private string DataDir => Path.Combine(_dir, "server");

    private string RoleArn => $"arn:aws:iam::{_server.AccountId}:role/cabrole";

    public async Task InitializeAsync()
    {
        _server = await ArcaServerProcess.StartAsync(DataDir, ServerOptions);
        _api = new ServerJobsApi(_server);
    }

    public async Task DisposeAsync()
    {
        _api?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        Directory.Delete(_dir, recursive: true);
    }

    [VaultServiceFact(false, "aws", "node")]
    public async Task Scheduled_backups_of_a_directory_and_a_sqlite_database_start_within_a_minute_and_restore_exactly()
    {
        await CliJsonAsync("backup", "create-backup-vault", "--backup-vault-name", "cabvault");
        await CliJsonAsync("iam", "create-role", "--role-name", "cabrole", "--assume-role-policy-document", Trust);
        string web = SourceTree(Path.Combine(_dir, "web"));
        string db = await SqliteDatabaseAsync(Path.Combine(_dir, "app.db"));
        string webArn = await RegisterAsync("Directory", "web", web);
        string dbArn = await RegisterAsync("SQLite", "app", db);

        DateTimeOffset due = NextMinute(DateTimeOffset.UtcNow.AddSeconds(30));
        string planFile = Path.Combine(_dir, "plan.json");
        await File.WriteAllTextAsync(planFile, $$$"""
            {"BackupPlanName":"cabplan","Rules":[{"RuleName":"cabrule","TargetBackupVaultName":"cabvault",
             "ScheduleExpression":"cron({{{due.Minute}}} {{{due.Hour}}} * * ? *)","StartWindowMinutes":60,"CompletionWindowMinutes":180,
             "Lifecycle":{"DeleteAfterDays":35}}]}
            """);
        string planId = (await CliJsonAsync("backup", "create-backup-plan", "--backup-plan", "file://" + planFile)).GetProperty("BackupPlanId").GetString()!;
        await CliJsonAsync("backup", "create-backup-selection", "--backup-plan-id", planId, "--backup-selection",
            $$$"""{"SelectionName":"cabresources","IamRoleArn":"{{{RoleArn}}}","ListOfTags":[{"ConditionType":"STRINGEQUALS","ConditionKey":"backup","ConditionValue":"cab"}]}""");

        JsonElement[] jobs = await _api.UntilAsync(
            async () => (await _api.OkAsync("GET", "/backup-jobs/?state=COMPLETED")).GetProperty("BackupJobs").EnumerateArray().ToArray(),
            j => j.Length >= 2,
            TimeSpan.FromMinutes(4),
            "two scheduled backup jobs completing");
        Assert.Equal(new[] { webArn, dbArn }.Order(StringComparer.Ordinal), jobs.Select(j => j.GetProperty("ResourceArn").GetString()!).Order(StringComparer.Ordinal));
        foreach (JsonElement job in jobs)
        {
            DateTimeOffset started = DateTimeOffset.FromUnixTimeMilliseconds((long)(job.GetProperty("InitiationDate").GetDouble() * 1000));
            Assert.InRange(started - due, TimeSpan.Zero, TimeSpan.FromMinutes(1));
            Assert.Equal(planId, job.GetProperty("CreatedBy").GetProperty("BackupPlanId").GetString());
        }

        JsonElement described = await CliJsonAsync("backup", "describe-backup-job", "--backup-job-id", jobs[0].GetProperty("BackupJobId").GetString()!);
        Assert.Equal(("COMPLETED", "100.0"), (described.GetProperty("State").GetString(), described.GetProperty("PercentDone").GetString()));

        string restoredDir = Path.Combine(_dir, "restored-web");
        string restoredDb = Path.Combine(_dir, "restored", "app.db");
        (string key, string secret) = _server.RootKey();
        string clients = RealClientFactAttribute.ClientsDirectory!;
        ToolRun.Result node = await ToolRun.RunAsync("node", [Path.Combine(clients, "backup-jobs.mjs")], new Dictionary<string, string>
        {
            ["ARCA_ENDPOINT"] = _server.Endpoint.ToString().TrimEnd('/'),
            ["AWS_ACCESS_KEY_ID"] = key,
            ["AWS_SECRET_ACCESS_KEY"] = secret,
            ["ROLE_ARN"] = RoleArn,
            ["DIRECTORY_ARN"] = webArn,
            ["SQLITE_ARN"] = dbArn,
            ["RESTORE_DIR"] = restoredDir,
            ["RESTORE_DB"] = restoredDb,
        }, clients);
        Assert.True(node.ExitCode == 0, node.ToString());
        Assert.Contains("{\"done\":true}", node.Stdout, StringComparison.Ordinal);

        Assert.Equal(TreeDigest.Of(web), TreeDigest.Of(restoredDir));
        Assert.Equal(await RowsAsync(db), await RowsAsync(restoredDb));
    }

    [VaultServiceFact(true, "aws")]
    public async Task A_postgresql_database_round_trips_through_a_backup_job_and_a_restore_job()
    {
        await using ThrowawayPostgres pg = await ThrowawayPostgres.StartAsync();
        await pg.ExecuteAsync("postgres", "CREATE DATABASE shop");
        await pg.ExecuteAsync("shop", "CREATE TABLE orders(id serial PRIMARY KEY, item text NOT NULL, qty int)", "INSERT INTO orders(item, qty) VALUES ('tea', 2), ('cake', 1), ('Ünïcødé', 3)");
        await CliJsonAsync("backup", "create-backup-vault", "--backup-vault-name", "cabvault");
        await CliJsonAsync("iam", "create-role", "--role-name", "cabrole", "--assume-role-policy-document", Trust);
        ToolRun.Result registered = await ArcaAsync(pg.ConnectionString("shop") + "\n", "resource", "register", "--type", "PostgreSQL", "--name", "shop", "--connection-string", "-");
        Assert.True(registered.ExitCode == 0, registered.ToString());
        string arn = registered.Stdout.Trim();

        string jobId = (await CliJsonAsync("backup", "start-backup-job", "--backup-vault-name", "cabvault", "--resource-arn", arn, "--iam-role-arn", RoleArn)).GetProperty("BackupJobId").GetString()!;
        JsonElement job = await EndedAsync("/backup-jobs/" + jobId, "State");
        Assert.True(job.GetProperty("State").GetString() == "COMPLETED", job.ToString());

        string metadata = JsonSerializer.Serialize(new Dictionary<string, string> { ["ConnectionString"] = pg.ConnectionString("postgres"), ["DatabaseName"] = "shop_restored" });
        string restoreId = (await CliJsonAsync("backup", "start-restore-job", "--recovery-point-arn", job.GetProperty("RecoveryPointArn").GetString()!, "--iam-role-arn", RoleArn, "--metadata", metadata))
            .GetProperty("RestoreJobId").GetString()!;
        JsonElement restore = await EndedAsync("/restore-jobs/" + restoreId, "Status");
        Assert.True(restore.GetProperty("Status").GetString() == "COMPLETED", restore.ToString());
        Assert.StartsWith($"arn:aws:arca:us-east-1:{_server.AccountId}:postgresql/shop-restored-", restore.GetProperty("CreatedResourceArn").GetString(), StringComparison.Ordinal);

        const string Query = "SELECT id, item, qty FROM orders ORDER BY id";
        Assert.Equal(await pg.RowsAsync("shop", Query), await pg.RowsAsync("shop_restored", Query));
        JsonElement shown = await CliJsonAsync("backup", "describe-restore-job", "--restore-job-id", restoreId);
        Assert.DoesNotContain(pg.Password, shown.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(pg.Password, (await _api.OkAsync("GET", $"/restore-jobs/{restoreId}/metadata")).ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(pg.Password, _server.Output, StringComparison.Ordinal);
    }

    [VaultServiceFact(false)]
    public async Task A_server_killed_during_a_large_backup_resumes_the_job_after_restart_and_commits_one_whole_recovery_point()
    {
        await _api.OkAsync("PUT", "/backup-vaults/cabvault", "{}");
        await CreateRoleAsync();
        string large = Path.Combine(_dir, "large");
        for (int i = 0; i < 64; i++)
        {
            SourceTrees.Write(large, $"part-{i / 16}/blob-{i:D2}", SourceTrees.Random(4 << 20, i));
        }

        string arn = (await _api.OkAsync("PUT", "/arca/resources", JsonSerializer.Serialize(new { Type = "Directory", Name = "large", Path = large })))
            .GetProperty("ResourceArn").GetString()!;
        string jobId = (await _api.OkAsync("PUT", "/backup-jobs", JsonSerializer.Serialize(new { BackupVaultName = "cabvault", ResourceArn = arn, IamRoleArn = RoleArn })))
            .GetProperty("BackupJobId").GetString()!;

        JsonElement running = await _api.UntilAsync(
            () => _api.OkAsync("GET", "/backup-jobs/" + jobId),
            j => j.GetProperty("State").GetString() != "CREATED" && (j.GetProperty("State").GetString() != "RUNNING" || j.GetProperty("BytesTransferred").GetInt64() > 0),
            TimeSpan.FromMinutes(2),
            "the backup job running with progress");
        Assert.True(running.GetProperty("State").GetString() == "RUNNING", $"the backup was not caught running: {running}");
        await _server.KillAsync();

        await _server.DisposeAsync();
        _api.Dispose();
        _server = await ArcaServerProcess.StartAsync(DataDir, ServerOptions);
        _api = new ServerJobsApi(_server);
        Assert.False(_server.AccountCreated);
        JsonElement ended = await EndedAsync("/backup-jobs/" + jobId, "State");

        string state = ended.GetProperty("State").GetString()!;
        output.WriteLine($"caught at {running.GetProperty("BytesTransferred").GetInt64()} bytes; after the restart: {ended}");
        Assert.True(state == "COMPLETED" || (state == "FAILED" && ended.GetProperty("StatusMessage").GetString()!.Contains("interrupted", StringComparison.Ordinal)), ended.ToString());
        JsonElement points = (await _api.OkAsync("GET", "/backup-vaults/cabvault/recovery-points/")).GetProperty("RecoveryPoints");
        if (state == "COMPLETED")
        {
            JsonElement point = Assert.Single(points.EnumerateArray());
            Assert.Equal((ended.GetProperty("RecoveryPointArn").GetString(), "COMPLETED"), (point.GetProperty("RecoveryPointArn").GetString(), point.GetProperty("Status").GetString()));
            string target = Path.Combine(_dir, "restored");
            string restoreId = (await _api.OkAsync("PUT", "/restore-jobs", JsonSerializer.Serialize(new { RecoveryPointArn = point.GetProperty("RecoveryPointArn").GetString(), Metadata = new { TargetPath = target } })))
                .GetProperty("RestoreJobId").GetString()!;
            Assert.Equal("COMPLETED", (await EndedAsync("/restore-jobs/" + restoreId, "Status")).GetProperty("Status").GetString());
            Assert.Equal(TreeDigest.Of(large), TreeDigest.Of(target));
        }
        else
        {
            Assert.Empty(points.EnumerateArray());
        }
    }

    private static DateTimeOffset NextMinute(DateTimeOffset after) =>
        new DateTimeOffset(after.Year, after.Month, after.Day, after.Hour, after.Minute, 0, TimeSpan.Zero).AddMinutes(1);

    private static string SourceTree(string root)
    {
        SourceTrees.Write(root, "index.html", SourceTrees.Text(20_000, 1));
        SourceTrees.Write(root, "assets/logo.bin", SourceTrees.Random(300_000, 2));
        SourceTrees.Write(root, "assets/empty", []);
        Directory.CreateDirectory(Path.Combine(root, "cache"));
        File.SetUnixFileMode(Path.Combine(root, "index.html"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        return root;
    }

    private static async Task<string> SqliteDatabaseAsync(string file)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        await connection.OpenAsync();
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL; CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT, amount REAL); INSERT INTO notes(body, amount) VALUES ('first', 1.5), ('second', NULL), ('dritte', -2);";
        await command.ExecuteNonQueryAsync();
        return file;
    }

    private static async Task<List<string>> RowsAsync(string file)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "SELECT id, body, amount FROM notes ORDER BY id";
        await using SqliteDataReader reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add($"{reader.GetValue(0)}|{reader.GetValue(1)}|{reader.GetValue(2)}");
        }

        return rows;
    }

    private Task<JsonElement> EndedAsync(string path, string state) =>
        _api.UntilAsync(
            () => _api.OkAsync("GET", path),
            j => j.GetProperty(state).GetString() is not ("CREATED" or "PENDING" or "RUNNING" or "ABORTING"),
            TimeSpan.FromMinutes(3),
            $"{path} ending");

    private async Task CreateRoleAsync()
    {
        (string key, string secret) = _server.RootKey();
        using var http = new HttpClient();
        var client = new Api.Client.SigV4HttpClient(http, _server.Endpoint, "us-east-1", new Api.Client.AwsCredentials(key, secret), TimeProvider.System);
        using HttpResponseMessage response = await client.PostQueryAsync("iam", "CreateRole", "2010-05-08", [new("RoleName", "cabrole"), new("AssumeRolePolicyDocument", Trust)]);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<string> RegisterAsync(string type, string name, string path)
    {
        ToolRun.Result result = await ArcaAsync(null, "resource", "register", "--type", type, "--name", name, "--path", path, "--tags", "backup=cab");
        Assert.True(result.ExitCode == 0, result.ToString());
        return result.Stdout.Trim();
    }

    private Task<ToolRun.Result> ArcaAsync(string? input, params string[] arguments) =>
        ToolRun.RunAsync("dotnet", [Path.Combine(AppContext.BaseDirectory, "arca.dll"), .. arguments, "--region", "us-east-1", "--endpoint-url", _server.Endpoint.ToString().TrimEnd('/')], Profile(), standardInput: input);

    private Dictionary<string, string> Profile() => new()
    {
        ["AWS_SHARED_CREDENTIALS_FILE"] = _server.CredentialsFile,
        ["AWS_PROFILE"] = "management",
        ["AWS_DEFAULT_REGION"] = "us-east-1",
    };

    private async Task<JsonElement> CliJsonAsync(params string[] arguments)
    {
        ToolRun.Result result = await ToolRun.RunAsync(RealClientFactAttribute.AwsCli, [.. arguments, "--endpoint-url", _server.Endpoint.ToString().TrimEnd('/'), "--output", "json"], Profile());
        Assert.True(result.ExitCode == 0, result.ToString());
        return result.Stdout.Trim().Length == 0 ? default : JsonDocument.Parse(result.Stdout).RootElement.Clone();
    }
}
