using System.Text;
using System.Text.Json;
using Arca.Api.Client;
using Xunit.Abstractions;

namespace Arca.Tests.Server;

/// <summary>
/// A server killed with SIGKILL in the middle of a copy job (us-east-1 → eu-west-1 of one account), restarted on the same
/// data directory: the job is resumed or failed with the reason, the destination vault never shows a partial recovery
/// point, and a completed copy restores exactly.
/// </summary>
public sealed class CopyJobCrashTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Trust = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"backup.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";
    private static readonly string[] ServerOptions = ["--scheduler-tick", "1", "--job-renewal", "0.2"];
    private readonly string _dir = Directory.CreateTempSubdirectory("arca-copy-crash-").FullName;
    private readonly HttpClient _http = new();
    private ArcaServerProcess _server = null!;
    private ServerJobsApi _api = null!;

    private string DataDir => Path.Combine(_dir, "server");

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

        _http.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    [VaultServiceFact(false)]
    public async Task A_server_killed_during_a_copy_leaves_no_partial_recovery_point_and_the_job_resumes_or_fails_with_the_reason()
    {
        foreach (string region in new[] { "us-east-1", "eu-west-1" })
        {
            await SendAsync("backup", "PUT", "/backup-vaults/cabvault", "{}", region);
        }

        (string key, string secret) = _server.RootKey();
        var iam = new SigV4HttpClient(_http, _server.Endpoint, "us-east-1", new AwsCredentials(key, secret), TimeProvider.System);
        using (HttpResponseMessage created = await iam.PostQueryAsync("iam", "CreateRole", "2010-05-08", [new("RoleName", "cabrole"), new("AssumeRolePolicyDocument", Trust)]))
        {
            Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        }

        string role = $"arn:aws:iam::{_server.AccountId}:role/cabrole";
        string large = Path.Combine(_dir, "large");
        for (int i = 0; i < 48; i++)
        {
            SourceTrees.Write(large, $"part-{i / 16}/blob-{i:D2}", SourceTrees.Random(4 << 20, i));
        }

        string arn = (await _api.OkAsync("PUT", "/arca/resources", JsonSerializer.Serialize(new { Type = "Directory", Name = "large", Path = large }))).GetProperty("ResourceArn").GetString()!;
        string backupId = (await _api.OkAsync("PUT", "/backup-jobs", JsonSerializer.Serialize(new { BackupVaultName = "cabvault", ResourceArn = arn, IamRoleArn = role })))
            .GetProperty("BackupJobId").GetString()!;
        JsonElement backup = await EndedAsync("/backup-jobs/" + backupId, j => j);
        Assert.True(backup.GetProperty("State").GetString() == "COMPLETED", backup.ToString());

        string west = $"arn:aws:backup:eu-west-1:{_server.AccountId}:backup-vault:cabvault";
        string copyId = (await _api.OkAsync("PUT", "/copy-jobs", JsonSerializer.Serialize(new
        {
            RecoveryPointArn = backup.GetProperty("RecoveryPointArn").GetString(),
            SourceBackupVaultName = "cabvault",
            DestinationBackupVaultArn = west,
            IamRoleArn = role,
        }))).GetProperty("CopyJobId").GetString()!;
        JsonElement running = await _api.UntilAsync(
            async () => (await _api.OkAsync("GET", "/copy-jobs/" + copyId)).GetProperty("CopyJob"),
            j => j.GetProperty("State").GetString() != "CREATED",
            TimeSpan.FromMinutes(2),
            "the copy job starting");
        Assert.True(running.GetProperty("State").GetString() == "RUNNING", $"the copy was not caught running: {running}");
        await _server.KillAsync();
        Assert.Empty(await PointsAfterRestartAsync());

        JsonElement ended = await EndedAsync("/copy-jobs/" + copyId, j => j.GetProperty("CopyJob"));
        string state = ended.GetProperty("State").GetString()!;
        output.WriteLine($"after the restart: {ended}");
        JsonElement[] points = await PointsAsync();
        if (state == "COMPLETED")
        {
            JsonElement point = Assert.Single(points);
            Assert.Equal(ended.GetProperty("DestinationRecoveryPointArn").GetString(), point.GetProperty("RecoveryPointArn").GetString());
            string target = Path.Combine(_dir, "restored");
            string restoreId = (await SendAsync("backup", "PUT", "/restore-jobs", JsonSerializer.Serialize(new { RecoveryPointArn = point.GetProperty("RecoveryPointArn").GetString(), Metadata = new { TargetPath = target } }), "eu-west-1"))
                .GetProperty("RestoreJobId").GetString()!;
            JsonElement restore = await _api.UntilAsync(
                () => SendAsync("backup", "GET", "/restore-jobs/" + restoreId, null, "eu-west-1"),
                j => j.GetProperty("Status").GetString() is not ("PENDING" or "RUNNING"),
                TimeSpan.FromMinutes(3),
                "the restore ending");
            Assert.True(restore.GetProperty("Status").GetString() == "COMPLETED", restore.ToString());
            Assert.Equal(TreeDigest.Of(large), TreeDigest.Of(target));
        }
        else
        {
            Assert.True(state == "FAILED" && ended.GetProperty("StatusMessage").GetString()!.Contains("interrupted", StringComparison.Ordinal), ended.ToString());
            Assert.Empty(points);
        }
    }

    /// <summary>Restarts the killed server and lists the destination vault at once (before the job could finish again).</summary>
    private async Task<JsonElement[]> PointsAfterRestartAsync()
    {
        await _server.DisposeAsync();
        _api.Dispose();
        _server = await ArcaServerProcess.StartAsync(DataDir, ServerOptions);
        _api = new ServerJobsApi(_server);
        Assert.False(_server.AccountCreated);
        JsonElement[] points = await PointsAsync();
        return [.. points.Where(p => p.GetProperty("Status").GetString() != "COMPLETED")]; // a listed point is always whole
    }

    private async Task<JsonElement[]> PointsAsync() =>
        [.. (await SendAsync("backup", "GET", "/backup-vaults/cabvault/recovery-points/", null, "eu-west-1")).GetProperty("RecoveryPoints").EnumerateArray()];

    private Task<JsonElement> EndedAsync(string path, Func<JsonElement, JsonElement> job) =>
        _api.UntilAsync(
            async () => job(await _api.OkAsync("GET", path)),
            j => j.GetProperty("State").GetString() is not ("CREATED" or "PENDING" or "RUNNING"),
            TimeSpan.FromMinutes(4),
            $"{path} ending");

    private async Task<JsonElement> SendAsync(string service, string method, string path, string? body, string region)
    {
        (string key, string secret) = _server.RootKey();
        var client = new SigV4HttpClient(_http, _server.Endpoint, region, new AwsCredentials(key, secret), TimeProvider.System);
        byte[] bytes = body is null ? [] : Encoding.UTF8.GetBytes(body);
        KeyValuePair<string, string>[] headers = body is null ? [] : [new("Content-Type", "application/json")];
        using HttpResponseMessage response = await client.SendAsync(service, method, path, headers, bytes);
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path} ({region}): {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
