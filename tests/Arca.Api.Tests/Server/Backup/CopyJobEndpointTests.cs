using System.Text.Json;
using Arca.Control.Backup.Jobs;
using Arca.Control.Backup.RecoveryPoints;
using Arca.Control.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace Arca.Api.Tests.Server.Backup;

/// <summary>Copy jobs through the real host over signed HTTP (restJson1) with the real vault service: wire shapes and bad input.</summary>
public sealed class CopyJobEndpointTests : IAsyncLifetime
{
    private TestServer _server = null!;
    private VaultApi _v = null!;
    private string _role = null!;
    private RecoveryPointRecord _point = null!;

    private BackupApi Api => _v.Api;

    private string Second => $"arn:aws:backup:us-east-1:{_server.AccountId}:backup-vault:second";

    public async Task InitializeAsync()
    {
        _server = await TestServer.StartAsync();
        _v = new VaultApi(_server);
        await _v.CreateVaultAsync("cabvault");
        await _v.CreateVaultAsync("second");
        _role = await Api.CreateRoleAsync();
        _point = await _v.BackUpAsync();
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_copy_job_starts_runs_and_describes_in_AWS_wire_shape()
    {
        string body = $$$"""{"RecoveryPointArn":"{{{_point.RecoveryPointArn}}}","SourceBackupVaultName":"cabvault","DestinationBackupVaultArn":"{{{Second}}}","IamRoleArn":"{{{_role}}}","IdempotencyToken":"t-1","Lifecycle":{"DeleteAfterDays":40}}""";
        JsonElement job = await RunAsync(body);

        Assert.Equal(("COMPLETED", "SUCCESS", _server.AccountId), (job.GetProperty("State").GetString(), job.GetProperty("MessageCategory").GetString(), job.GetProperty("AccountId").GetString()));
        Assert.Equal((_point.BackupVaultArn, _point.RecoveryPointArn, Second), (job.GetProperty("SourceBackupVaultArn").GetString(), job.GetProperty("SourceRecoveryPointArn").GetString(), job.GetProperty("DestinationBackupVaultArn").GetString()));
        Assert.Equal(("BACKUP_VAULT", "UNLOCKED", 40), (job.GetProperty("DestinationVaultType").GetString(), job.GetProperty("DestinationVaultLockState").GetString(), job.GetProperty("DestinationRecoveryPointLifecycle").GetProperty("DeleteAfterDays").GetInt32()));
        Assert.Equal((_point.ResourceArn, "Directory", "web", _role), (job.GetProperty("ResourceArn").GetString(), job.GetProperty("ResourceType").GetString(), job.GetProperty("ResourceName").GetString(), job.GetProperty("IamRoleArn").GetString()));
        Assert.Equal((_point.BackupSizeInBytes, false, 0), (job.GetProperty("BackupSizeInBytes").GetInt64(), job.GetProperty("IsParent").GetBoolean(), job.GetProperty("NumberOfChildJobs").GetInt32()));
        Assert.Equal((JsonValueKind.Number, JsonValueKind.Number), (job.GetProperty("CreationDate").ValueKind, job.GetProperty("CompletionDate").ValueKind));
        Assert.False(job.TryGetProperty("StatusMessage", out _));
        Assert.False(job.TryGetProperty("CreatedBy", out _));
        Assert.False(job.TryGetProperty("BytesTransferred", out _)); // not in AWS's CopyJob shape
        string copy = job.GetProperty("DestinationRecoveryPointArn").GetString()!;

        JsonElement described = await Api.OkAsync("GET", VaultApi.RecoveryPointPath("second", copy));
        Assert.Equal((_point.BackupVaultArn, VaultApi.Epoch(_point.CreationDate)), (described.GetProperty("SourceBackupVaultArn").GetString(), described.GetProperty("CreationDate").GetDouble()));

        JsonElement listed = await Api.OkAsync(
            "GET", $"/copy-jobs/?state=COMPLETED&resourceType=Directory&destinationVaultArn={BackupApi.Escape(Second)}&sourceRecoveryPointArn={BackupApi.Escape(_point.RecoveryPointArn)}&accountId=*&createdAfter=1700000000");
        JsonElement member = Assert.Single(listed.GetProperty("CopyJobs").EnumerateArray());
        Assert.Equal((job.GetProperty("CopyJobId").GetString(), copy), (member.GetProperty("CopyJobId").GetString(), member.GetProperty("DestinationRecoveryPointArn").GetString()));
        Assert.False(member.TryGetProperty("NumberOfChildJobs", out _));
        Assert.False(listed.TryGetProperty("NextToken", out _));
        Assert.Empty((await Api.OkAsync("GET", "/copy-jobs?state=FAILED")).GetProperty("CopyJobs").EnumerateArray());
        Assert.Empty((await Api.OkAsync("GET", "/copy-jobs/?destinationVaultArn=" + BackupApi.Escape(_point.BackupVaultArn))).GetProperty("CopyJobs").EnumerateArray());

        // The same token and request give the same job.
        JsonElement again = await Api.OkAsync("PUT", "/copy-jobs", body);
        Assert.Equal(job.GetProperty("CopyJobId").GetString(), again.GetProperty("CopyJobId").GetString());
    }

    public static TheoryData<string, string, string?, string, string> Cases() => new()
    {
        { "PUT", "/copy-jobs", "{}", "MissingParameterValueException", "RecoveryPointArn: is required" },
        { "PUT", "/copy-jobs", "{\"RecoveryPointArn\":", "SerializationException", "not valid JSON" },
        { "PUT", "/copy-jobs", """{"RecoveryPointArn":5}""", "SerializationException", "RecoveryPointArn" },
        { "PUT", "/copy-jobs", """{"RecoveryPointArn":"RP"}""", "MissingParameterValueException", "SourceBackupVaultName: is required" },
        { "PUT", "/copy-jobs", """{"RecoveryPointArn":"RP","SourceBackupVaultName":"cab vault"}""", "InvalidParameterValueException", "SourceBackupVaultName: 'cab vault'" },
        { "PUT", "/copy-jobs", """{"RecoveryPointArn":"RP","SourceBackupVaultName":"cabvault"}""", "MissingParameterValueException", "DestinationBackupVaultArn: is required" },
        { "PUT", "/copy-jobs", """{"RecoveryPointArn":"RP","SourceBackupVaultName":"cabvault","DestinationBackupVaultArn":"vault"}""", "InvalidParameterValueException", "DestinationBackupVaultArn: 'vault' is not a backup vault ARN" },
        { "PUT", "/copy-jobs", """{"RecoveryPointArn":"RP","SourceBackupVaultName":"cabvault","DestinationBackupVaultArn":"SECOND"}""", "MissingParameterValueException", "IamRoleArn: is required" },
        { "PUT", "/copy-jobs", """{"RecoveryPointArn":"RP","SourceBackupVaultName":"cabvault","DestinationBackupVaultArn":"SECOND","IamRoleArn":"role"}""", "InvalidParameterValueException", "IamRoleArn: 'role' is not an IAM role ARN" },
        { "PUT", "/copy-jobs", """{"RecoveryPointArn":"RP","SourceBackupVaultName":"cabvault","DestinationBackupVaultArn":"SECOND","IamRoleArn":"arn:aws:iam::ACCOUNT:role/nobody"}""", "InvalidParameterValueException", "IamRoleArn: role nobody does not exist in account ACCOUNT" },
        { "PUT", "/copy-jobs", """{"RecoveryPointArn":"RP","SourceBackupVaultName":"nope","DestinationBackupVaultArn":"SECOND","IamRoleArn":"ROLE"}""", "ResourceNotFoundException", "SourceBackupVaultName: backup vault nope does not exist" },
        { "PUT", "/copy-jobs", """{"RecoveryPointArn":"arn:aws:backup:us-east-1:ACCOUNT:recovery-point:nope","SourceBackupVaultName":"cabvault","DestinationBackupVaultArn":"SECOND","IamRoleArn":"ROLE"}""", "ResourceNotFoundException", "RecoveryPointArn: recovery point arn:aws:backup:us-east-1:ACCOUNT:recovery-point:nope not found in backup vault cabvault" },
        { "PUT", "/copy-jobs", """{"RecoveryPointArn":"arn:aws:backup:eu-west-1:ACCOUNT:recovery-point:nope","SourceBackupVaultName":"cabvault","DestinationBackupVaultArn":"SECOND","IamRoleArn":"ROLE"}""", "InvalidParameterValueException", "is in region eu-west-1" },
        { "PUT", "/copy-jobs", """{"RecoveryPointArn":"RP","SourceBackupVaultName":"cabvault","DestinationBackupVaultArn":"arn:aws:backup:sa-east-1:ACCOUNT:backup-vault:x","IamRoleArn":"ROLE"}""", "InvalidParameterValueException", "region sa-east-1 is not served" },
        { "PUT", "/copy-jobs", """{"RecoveryPointArn":"RP","SourceBackupVaultName":"cabvault","DestinationBackupVaultArn":"SECOND","IamRoleArn":"ROLE","Lifecycle":{"DeleteAfterDays":0}}""", "InvalidParameterValueException", "Lifecycle.DeleteAfterDays" },
        { "PUT", "/copy-jobs", """{"RecoveryPointArn":"RP","SourceBackupVaultName":"cabvault","DestinationBackupVaultArn":"SECOND","IamRoleArn":"ROLE","Lifecycle":{"DeleteAfterDays":"x"}}""", "SerializationException", "Lifecycle" },
        { "PUT", "/copy-jobs", """{"RecoveryPointArn":"RP","SourceBackupVaultName":"cabvault","DestinationBackupVaultArn":"SECOND","IamRoleArn":"ROLE","IdempotencyToken":""}""", "InvalidParameterValueException", "IdempotencyToken" },
        { "GET", "/copy-jobs/nope", null, "ResourceNotFoundException", "Copy job nope not found" },
        { "GET", "/copy-jobs/?state=DONE", null, "InvalidParameterValueException", "ByState: 'DONE' must be one of CREATED, RUNNING, COMPLETED, FAILED, PARTIAL" },
        { "GET", "/copy-jobs/?accountId=12", null, "InvalidParameterValueException", "ByAccountId: '12'" },
        { "GET", "/copy-jobs/?createdBefore=soon", null, "InvalidParameterValueException", "ByCreatedBefore: 'soon'" },
        { "GET", "/copy-jobs/?completeAfter=x", null, "InvalidParameterValueException", "ByCompleteAfter: 'x'" },
        { "GET", "/copy-jobs/?resourceType=a%2Fb", null, "InvalidParameterValueException", "ByResourceType: 'a/b'" },
        { "GET", "/copy-jobs/?maxResults=0", null, "InvalidParameterValueException", "MaxResults: 0 must be between 1 and 1000" },
        { "GET", "/copy-jobs/?nextToken=forged", null, "InvalidParameterValueException", "NextToken: the token is not valid for this request" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_input_gets_an_aws_error_naming_the_field(string method, string path, string? body, string code, string message)
    {
        string Fill(string text) => text
            .Replace("RP", _point.RecoveryPointArn, StringComparison.Ordinal)
            .Replace("SECOND", Second, StringComparison.Ordinal)
            .Replace("ROLE", _role, StringComparison.Ordinal)
            .Replace("ACCOUNT", _server.AccountId, StringComparison.Ordinal);

        BackupApi.Reply reply = await Api.SendAsync(method, Fill(path), body is null ? null : Fill(body));

        Assert.True(reply.Status == 400 && reply.Code == code, $"{method} {path}: {reply.Status} {reply.Text}");
        Assert.Contains(Fill(message), reply.Message, StringComparison.Ordinal);
    }

    /// <summary>Starts a copy job and waits (bounded, no sleep) for its end; returns DescribeCopyJob's CopyJob.</summary>
    private async Task<JsonElement> RunAsync(string body)
    {
        RegionJobs jobs = _server.Server.Services.GetRequiredService<RegionJobs>();
        var finished = new System.Collections.Concurrent.ConcurrentDictionary<string, TaskCompletionSource>(StringComparer.Ordinal);
        void OnFinished(string region, JobRecord job) =>
            finished.GetOrAdd(job.JobId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        jobs.JobFinished += OnFinished;
        try
        {
            JsonElement started = await Api.OkAsync("PUT", "/copy-jobs", body);
            Assert.Equal((JsonValueKind.Number, false), (started.GetProperty("CreationDate").ValueKind, started.GetProperty("IsParent").GetBoolean()));
            string id = started.GetProperty("CopyJobId").GetString()!;
            await finished.GetOrAdd(id, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task.WaitAsync(TimeSpan.FromSeconds(60));
            JsonElement described = await Api.OkAsync("GET", "/copy-jobs/" + id);
            return described.GetProperty("CopyJob");
        }
        finally
        {
            jobs.JobFinished -= OnFinished;
        }
    }
}
