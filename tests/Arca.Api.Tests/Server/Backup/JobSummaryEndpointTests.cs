using System.Text.Json;

namespace Arca.Api.Tests.Server.Backup;

/// <summary>ListBackupJobSummaries, ListRestoreJobSummaries and ListCopyJobSummaries through the real host over signed HTTP (restJson1).</summary>
public sealed class JobSummaryEndpointTests : IAsyncLifetime
{
    private JobApi _j = null!;

    public async Task InitializeAsync() => _j = await JobApi.StartAsync();

    public async Task DisposeAsync() => await _j.DisposeAsync();

    [Fact]
    public async Task A_completed_backup_is_counted_in_AWS_wire_shape()
    {
        await _j.BackupAsync();
        long now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        JsonElement output = await _j.Api.OkAsync("GET", "/audit/backup-job-summaries");
        Assert.Equal("ONE_DAY", output.GetProperty("AggregationPeriod").GetString());
        Assert.False(output.TryGetProperty("NextToken", out _));
        JsonElement row = Assert.Single(output.GetProperty("BackupJobSummaries").EnumerateArray());
        Assert.Equal(("us-east-1", _j.Server.AccountId, "COMPLETED", "Directory", "SUCCESS", 1),
            (row.GetProperty("Region").GetString(), row.GetProperty("AccountId").GetString(), row.GetProperty("State").GetString(),
             row.GetProperty("ResourceType").GetString(), row.GetProperty("MessageCategory").GetString(), row.GetProperty("Count").GetInt32()));
        double start = row.GetProperty("StartTime").GetDouble();
        double end = row.GetProperty("EndTime").GetDouble();
        Assert.Equal(86_400, end - start);
        Assert.InRange(now, start, end);

        JsonElement summed = Assert.Single((await _j.Api.OkAsync("GET", "/audit/backup-job-summaries?AggregationPeriod=FOURTEEN_DAYS&AccountId=AGGREGATE_ALL&State=AGGREGATE_ALL&MessageCategory=ANY&ResourceType=ANY"))
            .GetProperty("BackupJobSummaries").EnumerateArray());
        Assert.Equal(("AGGREGATE_ALL", "AGGREGATE_ALL", 14 * 86_400d), (summed.GetProperty("AccountId").GetString(), summed.GetProperty("State").GetString(),
            summed.GetProperty("EndTime").GetDouble() - summed.GetProperty("StartTime").GetDouble()));
        Assert.Empty((await _j.Api.OkAsync("GET", "/audit/backup-job-summaries?State=FAILED&AggregationPeriod=SEVEN_DAYS")).GetProperty("BackupJobSummaries").EnumerateArray());
        Assert.Empty((await _j.Api.OkAsync("GET", "/audit/copy-job-summaries?AccountId=ANY")).GetProperty("CopyJobSummaries").EnumerateArray());
        Assert.Single((await _j.Api.OkAsync("GET", "/backup-jobs/?accountId=*")).GetProperty("BackupJobs").EnumerateArray());
    }

    [Fact]
    public async Task A_restore_is_counted_without_a_message_category()
    {
        string point = (await _j.BackupAsync()).GetProperty("RecoveryPointArn").GetString()!;
        string target = Path.Combine(_j.Root, "restored");
        await _j.RunAsync(
            async () => (await _j.Api.OkAsync("PUT", "/restore-jobs", $$"""{"RecoveryPointArn":"{{point}}","Metadata":{"TargetPath":"{{target}}"},"IamRoleArn":"{{_j.RoleArn}}"}""")).GetProperty("RestoreJobId").GetString()!,
            "/restore-jobs/");

        JsonElement output = await _j.Api.OkAsync("GET", "/audit/restore-job-summaries?AccountId=ANY&MaxResults=5");
        JsonElement row = Assert.Single(output.GetProperty("RestoreJobSummaries").EnumerateArray());
        Assert.Equal(("COMPLETED", "Directory", 1), (row.GetProperty("State").GetString(), row.GetProperty("ResourceType").GetString(), row.GetProperty("Count").GetInt32()));
        Assert.False(row.TryGetProperty("MessageCategory", out _));
    }

    [Theory]
    [InlineData("/audit/backup-job-summaries?State=DONE", "State: 'DONE' must be one of CREATED")]
    [InlineData("/audit/backup-job-summaries?AccountId=12", "AccountId: '12'")]
    [InlineData("/audit/backup-job-summaries?AggregationPeriod=one_day", "AggregationPeriod: 'one_day'")]
    [InlineData("/audit/backup-job-summaries?ResourceType=a%2Fb", "ResourceType: 'a/b'")]
    [InlineData("/audit/backup-job-summaries?MaxResults=0", "MaxResults: 0")]
    [InlineData("/audit/backup-job-summaries?MaxResults=ten", "MaxResults")]
    [InlineData("/audit/backup-job-summaries?NextToken=forged", "NextToken: ")]
    [InlineData("/audit/restore-job-summaries?State=EXPIRED", "State: 'EXPIRED' must be one of CREATED, PENDING")]
    [InlineData("/audit/copy-job-summaries?State=PENDING", "State: 'PENDING' must be one of CREATED, RUNNING, ABORTING")]
    [InlineData("/audit/copy-job-summaries?AggregationPeriod=", "AggregationPeriod: ''")]
    public async Task Bad_input_gets_InvalidParameterValue_naming_the_field(string path, string message)
    {
        BackupApi.Reply reply = await _j.Api.SendAsync("GET", path);
        Assert.True(reply.Status == 400 && reply.Code == "InvalidParameterValueException", $"{path}: {reply.Status} {reply.Text}");
        Assert.Contains(message, reply.Message, StringComparison.Ordinal);
    }
}
