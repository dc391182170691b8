using System.Text.Json;

namespace Arca.Api.Tests.Server.Backup;

/// <summary>Backup and restore jobs through the real host over signed HTTP (restJson1), with the vault service's test double.</summary>
public sealed class BackupJobEndpointTests : IAsyncLifetime
{
    private JobApi _j = null!;

    public async Task InitializeAsync() => _j = await JobApi.StartAsync();

    public async Task DisposeAsync() => await _j.DisposeAsync();

    [Fact]
    public async Task A_backup_job_runs_and_describes_in_AWS_wire_shape()
    {
        JsonElement job = await _j.BackupAsync(""","Lifecycle":{"DeleteAfterDays":35},"RecoveryPointTags":{"env":"prod"}""");

        Assert.Equal(("COMPLETED", "100.0", "SUCCESS"), (job.GetProperty("State").GetString(), job.GetProperty("PercentDone").GetString(), job.GetProperty("MessageCategory").GetString()));
        Assert.Equal((_j.Server.AccountId, _j.ResourceArn, "Directory", "web"), (job.GetProperty("AccountId").GetString(), job.GetProperty("ResourceArn").GetString(), job.GetProperty("ResourceType").GetString(), job.GetProperty("ResourceName").GetString()));
        Assert.Equal((17L, JsonValueKind.Number, JsonValueKind.Number), (job.GetProperty("BackupSizeInBytes").GetInt64(), job.GetProperty("StartBy").ValueKind, job.GetProperty("ExpectedCompletionDate").ValueKind));
        Assert.True(job.GetProperty("BytesTransferred").GetInt64() > 0);
        Assert.Equal((true, false, 0, 35), (job.GetProperty("IsEncrypted").GetBoolean(), job.GetProperty("IsParent").GetBoolean(), job.GetProperty("NumberOfChildJobs").GetInt32(), job.GetProperty("RecoveryPointLifecycle").GetProperty("DeleteAfterDays").GetInt32()));
        Assert.Equal(("BACKUP_VAULT", "UNLOCKED", _j.RoleArn), (job.GetProperty("VaultType").GetString(), job.GetProperty("VaultLockState").GetString(), job.GetProperty("IamRoleArn").GetString()));
        string point = job.GetProperty("RecoveryPointArn").GetString()!;
        Assert.Equal(point, Assert.Single(_j.Vaults.Points).RecoveryPointArn);
        Assert.False(job.TryGetProperty("CreatedBy", out _));

        JsonElement listed = await _j.Api.OkAsync("GET", "/backup-jobs/?state=COMPLETED&resourceType=Directory&createdAfter=2026-01-01T00%3A00%3A00Z&backupVaultName=cabvault&resourceArn=" + BackupApi.Escape(_j.ResourceArn));
        JsonElement member = Assert.Single(listed.GetProperty("BackupJobs").EnumerateArray());
        Assert.Equal(("100.0", point), (member.GetProperty("PercentDone").GetString(), member.GetProperty("RecoveryPointArn").GetString()));
        Assert.False(member.TryGetProperty("NumberOfChildJobs", out _));
        Assert.False(listed.TryGetProperty("NextToken", out _));
        Assert.Empty((await _j.Api.OkAsync("GET", "/backup-jobs?state=FAILED")).GetProperty("BackupJobs").EnumerateArray());
        Assert.Empty((await _j.Api.OkAsync("GET", "/backup-jobs/?createdBefore=1700000000")).GetProperty("BackupJobs").EnumerateArray());
    }

    [Fact]
    public async Task A_recovery_point_restores_over_the_wire_to_a_new_resource()
    {
        string point = (await _j.BackupAsync()).GetProperty("RecoveryPointArn").GetString()!;
        JsonElement suggested = await _j.Api.OkAsync("GET", $"/backup-vaults/cabvault/recovery-points/{BackupApi.Escape(point)}/restore-metadata");
        Assert.Equal(("Directory", _j.Source, "false", point), (suggested.GetProperty("ResourceType").GetString(), suggested.GetProperty("RestoreMetadata").GetProperty("TargetPath").GetString(), suggested.GetProperty("RestoreMetadata").GetProperty("Overwrite").GetString(), suggested.GetProperty("RecoveryPointArn").GetString()));

        string target = Path.Combine(_j.Root, "restored");
        JsonElement restore = await _j.RunAsync(
            async () => (await _j.Api.OkAsync("PUT", "/restore-jobs", $$"""{"RecoveryPointArn":"{{point}}","Metadata":{"TargetPath":"{{target}}"},"IamRoleArn":"{{_j.RoleArn}}","ResourceType":"Directory"}""")).GetProperty("RestoreJobId").GetString()!,
            "/restore-jobs/");

        Assert.Equal(("COMPLETED", "100.0", _j.ResourceArn), (restore.GetProperty("Status").GetString(), restore.GetProperty("PercentDone").GetString(), restore.GetProperty("SourceResourceArn").GetString()));
        Assert.StartsWith($"arn:aws:arca:us-east-1:{_j.Server.AccountId}:directory/web-restored-", restore.GetProperty("CreatedResourceArn").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Number, restore.GetProperty("RecoveryPointCreationDate").ValueKind);
        Assert.Equal("<svg/>", await File.ReadAllTextAsync(Path.Combine(target, "img", "logo.svg")));
        string id = restore.GetProperty("RestoreJobId").GetString()!;
        Assert.Equal(target, (await _j.Api.OkAsync("GET", $"/restore-jobs/{id}/metadata")).GetProperty("Metadata").GetProperty("TargetPath").GetString());
        Assert.Single((await _j.Api.OkAsync("GET", "/restore-jobs/?status=COMPLETED&resourceType=Directory")).GetProperty("RestoreJobs").EnumerateArray());
        Assert.Single((await _j.Api.OkAsync("GET", $"/resources/{BackupApi.Escape(_j.ResourceArn)}/restore-jobs/")).GetProperty("RestoreJobs").EnumerateArray());
    }

    [Fact]
    public async Task The_same_idempotency_token_answers_the_same_job_and_a_different_request_is_refused()
    {
        string first = (await _j.Api.OkAsync("PUT", "/backup-jobs", _j.StartBody(""","IdempotencyToken":"tok-1","StartWindowMinutes":60"""))).GetProperty("BackupJobId").GetString()!;
        string again = (await _j.Api.OkAsync("PUT", "/backup-jobs", _j.StartBody(""","IdempotencyToken":"tok-1","StartWindowMinutes":60"""))).GetProperty("BackupJobId").GetString()!;
        BackupApi.Reply other = await _j.Api.SendAsync("PUT", "/backup-jobs", _j.StartBody(""","IdempotencyToken":"tok-1","StartWindowMinutes":90"""));

        Assert.Equal(first, again);
        Assert.Equal((400, "InvalidRequestException"), (other.Status, other.Code));
        Assert.StartsWith($"IdempotencyToken: the token was already used for backup job {first}", other.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StopBackupJob_aborts_a_running_job_and_refuses_a_finished_one()
    {
        _j.Vaults.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        JsonElement job = await _j.RunAsync(
            async () =>
            {
                string id = await _j.StartBackupAsync();
                await _j.Vaults.Opening.Task.WaitAsync(TimeSpan.FromSeconds(30));
                Assert.Equal("RUNNING", (await _j.Api.OkAsync("GET", "/backup-jobs/" + id)).GetProperty("State").GetString());
                await _j.Api.OkAsync("POST", "/backup-jobs/" + id);
                return id;
            },
            "/backup-jobs/");

        Assert.Equal(("ABORTED", "The job was stopped."), (job.GetProperty("State").GetString(), job.GetProperty("StatusMessage").GetString()));
        BackupApi.Reply again = await _j.Api.SendAsync("POST", "/backup-jobs/" + job.GetProperty("BackupJobId").GetString());
        Assert.Equal((400, "InvalidRequestException"), (again.Status, again.Code));
        Assert.Empty(_j.Vaults.Points);
    }

    [Fact]
    public async Task Listings_page_with_distinct_tokens_and_no_token_on_the_last_page()
    {
        var ids = new List<string>();
        for (int i = 0; i < 3; i++)
        {
            ids.Add((await _j.BackupAsync()).GetProperty("BackupJobId").GetString()!);
            _j.Server.Time.Advance(TimeSpan.FromSeconds(1));
        }

        var seen = new List<string>();
        var tokens = new HashSet<string>();
        string path = "/backup-jobs/?maxResults=1";
        while (true)
        {
            JsonElement page = await _j.Api.OkAsync("GET", path);
            seen.AddRange(page.GetProperty("BackupJobs").EnumerateArray().Select(j => j.GetProperty("BackupJobId").GetString()!));
            if (!page.TryGetProperty("NextToken", out JsonElement token))
            {
                break;
            }

            Assert.True(tokens.Add(token.GetString()!));
            path = "/backup-jobs/?maxResults=1&nextToken=" + Uri.EscapeDataString(token.GetString()!);
        }

        Assert.Equal(ids, seen);
    }
}
