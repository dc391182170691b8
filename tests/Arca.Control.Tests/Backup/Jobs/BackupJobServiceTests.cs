using Arca.Control.Backup.Jobs;
using Arca.Control.Iam;
using Arca.Control.Jobs;
using Arca.Domain.Plans;
using static Arca.Control.Tests.Backup.BackupFixture;

namespace Arca.Control.Tests.Backup.Jobs;

public sealed class BackupJobServiceTests : IAsyncLifetime
{
    private readonly JobsFixture _f = new();
    private JobsFixture.Account _a = null!;
    private string _arn = null!;

    public async Task InitializeAsync()
    {
        _a = await _f.NewAccountAsync();
        _arn = (await _f.RegisterAsync(_a, "Directory", "web", _f.NewDirectory("web", ("a.txt", "a")))).ResourceArn;
    }

    public async Task DisposeAsync() => await _f.DisposeAsync();

    [Fact]
    public async Task A_started_job_waits_CREATED_with_AWS_default_windows_and_describes_every_known_field()
    {
        StartBackupJobResult started = await _f.BackupJobs.StartAsync(_a.Caller, _f.Backup(_a, _arn) with
        {
            Lifecycle = new Lifecycle(DeleteAfterDays: 35),
            RecoveryPointTags = new Dictionary<string, string> { ["env"] = "prod" },
        });

        BackupJobDetails job = await _f.BackupJobs.DescribeAsync(_a.Caller, started.BackupJobId);
        Assert.Equal(("CREATED", 0.0, _f.Time.GetUtcNow()), (job.State, job.PercentDone, job.CreationDate));
        Assert.Equal(_f.Time.GetUtcNow().AddMinutes(480), job.StartBy);
        Assert.Equal(_f.Time.GetUtcNow().AddMinutes(10080), job.ExpectedCompletionDate);
        Assert.Equal((_arn, "Directory", "web", _a.Role), (job.ResourceArn, job.ResourceType, job.ResourceName, job.IamRoleArn));
        Assert.Equal(($"arn:aws:backup:us-east-1:{_a.Id}:backup-vault:cabvault", "BACKUP_VAULT", 35L), (job.BackupVaultArn, job.VaultType, job.RecoveryPointLifecycle!.DeleteAfterDays));
        Assert.Null(job.RecoveryPointArn);
        Assert.Null(job.CreatedBy);
    }

    [Fact]
    public async Task Windows_are_checked_and_the_completion_window_counts_from_the_start()
    {
        StartBackupJobResult started = await _f.BackupJobs.StartAsync(_a.Caller, _f.Backup(_a, _arn) with { StartWindowMinutes = 60, CompleteWindowMinutes = 120 });
        BackupJobDetails job = await _f.BackupJobs.DescribeAsync(_a.Caller, started.BackupJobId);
        Assert.Equal((_f.Time.GetUtcNow().AddHours(1), _f.Time.GetUtcNow().AddHours(2)), (job.StartBy, job.ExpectedCompletionDate));

        await Throws(() => _f.BackupJobs.StartAsync(_a.Caller, _f.Backup(_a, _arn) with { StartWindowMinutes = 59 }), "InvalidParameterValueException", "StartWindowMinutes: 59 must be between 60 and 52560000 minutes");
        await Throws(() => _f.BackupJobs.StartAsync(_a.Caller, _f.Backup(_a, _arn) with { CompleteWindowMinutes = 0 }), "InvalidParameterValueException", "CompleteWindowMinutes: 0 must be between 1");
    }

    [Fact]
    public async Task Bad_input_is_refused_naming_the_member()
    {
        await Throws(() => _f.BackupJobs.StartAsync(_a.Caller, _f.Backup(_a, _arn) with { BackupVaultName = null }), "MissingParameterValueException", "BackupVaultName: is required");
        await Throws(() => _f.BackupJobs.StartAsync(_a.Caller, _f.Backup(_a, _arn) with { BackupVaultName = "a b" }), "InvalidParameterValueException", "BackupVaultName: 'a b' must contain 2 to 50");
        await Throws(() => _f.BackupJobs.StartAsync(_a.Caller, _f.Backup(_a, _arn) with { ResourceArn = null }), "MissingParameterValueException", "ResourceArn: is required");
        await Throws(() => _f.BackupJobs.StartAsync(_a.Caller, _f.Backup(_a, "arn:aws:ec2:us-east-1:111111111111:volume/vol-1")), "InvalidParameterValueException", "ResourceArn: 'arn:aws:ec2");
        await Throws(() => _f.BackupJobs.StartAsync(_a.Caller, _f.Backup(_a, "arn:aws:arca:us-east-1:111111111111:directory/web")), "InvalidParameterValueException", "ResourceArn: arn:aws:arca:us-east-1:111111111111:directory/web belongs to account 111111111111");
        await Throws(() => _f.BackupJobs.StartAsync(_a.Caller, _f.Backup(_a, _arn.Replace("us-east-1", "eu-west-1", StringComparison.Ordinal))), "InvalidParameterValueException", "is in region eu-west-1");
        await Throws(() => _f.BackupJobs.StartAsync(_a.Caller, _f.Backup(_a, _arn + "x")), "ResourceNotFoundException", $"ResourceArn: resource {_arn}x is not registered");
        await Throws(() => _f.BackupJobs.StartAsync(_a.Caller, _f.Backup(_a, _arn) with { IamRoleArn = null }), "MissingParameterValueException", "IamRoleArn: is required");
        await Throws(() => _f.BackupJobs.StartAsync(_a.Caller, _f.Backup(_a, _arn) with { IamRoleArn = "cabrole" }), "InvalidParameterValueException", "IamRoleArn: 'cabrole' is not an IAM role ARN");
        await Throws(() => _f.BackupJobs.StartAsync(_a.Caller, _f.Backup(_a, _arn) with { IamRoleArn = $"arn:aws:iam::{_a.Id}:role/nope" }), "InvalidParameterValueException", "IamRoleArn: role nope does not exist");
        await Throws(() => _f.BackupJobs.StartAsync(_a.Caller, _f.Backup(_a, _arn) with { BackupVaultName = "other" }), "ResourceNotFoundException", "BackupVaultName: backup vault other does not exist");
        await Throws(() => _f.BackupJobs.StartAsync(_a.Caller, _f.Backup(_a, _arn) with { Lifecycle = new Lifecycle(30, 60) }), "InvalidParameterValueException", "Lifecycle.DeleteAfterDays: Invalid lifecycle. DeleteAfterDays cannot be less than 90 days apart from MoveToColdStorageAfterDays");
        await Throws(() => _f.BackupJobs.StartAsync(_a.Caller, _f.Backup(_a, _arn) with { RecoveryPointTags = new Dictionary<string, string> { ["aws:x"] = "1" } }), "InvalidParameterValueException", "RecoveryPointTags: the tag key 'aws:x'");
        await Throws(() => _f.BackupJobs.StartAsync(_a.Caller, _f.Backup(_a, _arn) with { BackupOptions = new Dictionary<string, string> { ["WindowsVSS"] = "enabled" } }), "InvalidParameterValueException", "BackupOptions.WindowsVSS: Windows VSS backups are not available for Directory resources");
        await Throws(() => _f.BackupJobs.StartAsync(_a.Caller, _f.Backup(_a, _arn) with { IdempotencyToken = string.Empty }), "InvalidParameterValueException", "IdempotencyToken: ");
    }

    [Fact]
    public async Task A_role_that_does_not_trust_the_backup_service_is_refused_with_what_to_change()
    {
        Role role = await _f.B.Identity.NewRoleAsync(_a.Caller, "admin", _a.Id);
        await Throws(
            () => _f.BackupJobs.StartAsync(_a.Caller, _f.Backup(_a, _arn) with { IamRoleArn = role.Arn }),
            "InvalidParameterValueException",
            "IamRoleArn: the trust policy of role admin does not allow backup.amazonaws.com to assume it");
    }

    [Fact]
    public async Task The_same_idempotency_token_returns_the_same_job_and_another_request_with_it_is_refused()
    {
        StartBackupJobRequest request = _f.Backup(_a, _arn) with { IdempotencyToken = "7d0f1b0e-1111-4222-8333-944455556666" };
        StartBackupJobResult first = await _f.BackupJobs.StartAsync(_a.Caller, request);
        _f.Time.Advance(TimeSpan.FromMinutes(1));
        StartBackupJobResult again = await _f.BackupJobs.StartAsync(_a.Caller, request);

        Assert.Equal(first, again);
        Assert.Single((await _f.BackupJobs.ListAsync(_a.Caller, new BackupJobFilter())).Items);
        await Throws(() => _f.BackupJobs.StartAsync(_a.Caller, request with { StartWindowMinutes = 90 }), "InvalidRequestException", $"IdempotencyToken: the token was already used for backup job {first.BackupJobId}");
    }

    [Fact]
    public async Task A_waiting_job_stops_at_once_and_a_finished_one_cannot_be_stopped()
    {
        StartBackupJobResult started = await _f.BackupJobs.StartAsync(_a.Caller, _f.Backup(_a, _arn));
        await _f.BackupJobs.StopAsync(_a.Caller, started.BackupJobId);

        BackupJobDetails job = await _f.BackupJobs.DescribeAsync(_a.Caller, started.BackupJobId);
        Assert.Equal(("ABORTED", _f.Time.GetUtcNow()), (job.State, job.CompletionDate));
        await Throws(() => _f.BackupJobs.StopAsync(_a.Caller, started.BackupJobId), "InvalidRequestException", $"Backup job {started.BackupJobId} is ABORTED and cannot be stopped");
        await Throws(() => _f.BackupJobs.StopAsync(_a.Caller, "nope"), "ResourceNotFoundException", "Backup job nope not found");
    }

    [Fact]
    public async Task Another_account_neither_sees_nor_stops_the_job()
    {
        StartBackupJobResult started = await _f.BackupJobs.StartAsync(_a.Caller, _f.Backup(_a, _arn));
        JobsFixture.Account other = await _f.NewAccountAsync("other");

        await Throws(() => _f.BackupJobs.DescribeAsync(other.Caller, started.BackupJobId), "ResourceNotFoundException", $"Backup job {started.BackupJobId} not found");
        await Throws(() => _f.BackupJobs.StopAsync(other.Caller, started.BackupJobId), "ResourceNotFoundException", "not found");
        Assert.Empty((await _f.BackupJobs.ListAsync(other.Caller, new BackupJobFilter())).Items);
        Assert.Empty((await _f.BackupJobs.ListAsync(other.Caller, new BackupJobFilter { ByAccountId = _a.Id })).Items);
        Assert.Empty((await _f.BackupJobs.ListAsync(other.Caller, new BackupJobFilter { ByAccountId = "*" })).Items);
        Assert.Single((await _f.BackupJobs.ListAsync(_a.Caller, new BackupJobFilter { ByAccountId = "*" })).Items);
    }

    [Fact]
    public async Task A_job_that_does_not_start_within_its_window_expires()
    {
        StartBackupJobResult started = await _f.BackupJobs.StartAsync(_a.Caller, _f.Backup(_a, _arn) with { StartWindowMinutes = 60 });
        _f.Time.Advance(TimeSpan.FromHours(1));
        await _f.Jobs.Backup(JobsFixture.Region).SweepAsync(JobNode.Start("sweeper"));

        BackupJobDetails job = await _f.BackupJobs.DescribeAsync(_a.Caller, started.BackupJobId);
        Assert.Equal(("EXPIRED", "Backup job expired before completion."), (job.State, job.StatusMessage));
    }
}
