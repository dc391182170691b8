using System.Diagnostics;
using Arca.Control.Backup.Jobs;
using Arca.Control.Backup.Jobs.Internal;
using Arca.Control.Backup.RecoveryPoints;
using Arca.Control.Backup.Vaults;
using Arca.Control.Jobs;
using Arca.Domain.Plans;
using Arca.Storage.Format;
using Arca.Storage.Resources;

namespace Arca.Control.Tests.Backup.Jobs;

public sealed class BackupJobRunnerTests : IAsyncLifetime
{
    private readonly JobsFixture _f = new();
    private JobsFixture.Account _a = null!;
    private string _dir = null!;
    private string _arn = null!;

    public async Task InitializeAsync()
    {
        _a = await _f.NewAccountAsync();
        _dir = _f.NewDirectory("web", ("index.html", new string('x', 50_000)), ("css/site.css", "body{}"));
        _arn = (await _f.RegisterAsync(_a, "Directory", "web", _dir)).ResourceArn;
        await _f.StartEngineAsync();
    }

    public async Task DisposeAsync() => await _f.DisposeAsync();

    [Fact]
    public async Task A_directory_backup_completes_with_its_recovery_point_in_the_catalog_and_self_describing_manifest_tags()
    {
        var request = _f.Backup(_a, _arn) with { Lifecycle = new Lifecycle(DeleteAfterDays: 35), RecoveryPointTags = new Dictionary<string, string> { ["env"] = "prod" } };
        BackupJobDetails job = await RunAsync(request);

        Assert.Equal(("COMPLETED", "SUCCESS", 100.0), (job.State, job.MessageCategory, job.PercentDone));
        Assert.Null(job.StatusMessage);
        Assert.Equal(50_006L, job.BackupSizeInBytes);
        Assert.InRange(job.BytesTransferred, 1, 50_006);
        Assert.Equal(("UNLOCKED", _f.Vaults.Get(_a.Id, JobsFixture.Region, "cabvault").EncryptionKeyArn), (job.VaultLockState, job.EncryptionKeyArn));
        Assert.Equal(_f.Time.GetUtcNow(), job.InitiationDate);

        RecoveryPointRecord point = Assert.Single(_f.Catalog.All);
        Assert.Equal((job.RecoveryPointArn, _arn, "Directory", "web", "COMPLETED"), (point.RecoveryPointArn, point.ResourceArn, point.ResourceType, point.ResourceName, point.Status));
        Assert.Equal((job.BackupJobId, 35L, "prod"), (point.CreatedByJobId, point.Lifecycle!.DeleteAfterDays, point.Tags["env"]));
        Assert.StartsWith($"arn:aws:backup:us-east-1:{_a.Id}:recovery-point:", point.RecoveryPointArn, StringComparison.Ordinal);

        Manifest manifest = await ManifestAsync(point);
        Assert.Equal(point.RecoveryPointArn, manifest.Tags["arca:recovery-point-arn"]);
        Assert.Equal((_arn, "web", job.BackupJobId, _a.Role), (manifest.Tags["arca:resource-arn"], manifest.Tags["arca:resource-name"], manifest.Tags["arca:job-id"], manifest.Tags["arca:iam-role-arn"]));
        Assert.Equal(("35", "prod"), (manifest.Tags["arca:lifecycle-delete-after-days"], manifest.Tags["arca:tag:env"]));
        Assert.False(manifest.Tags.ContainsKey("arca:lifecycle-move-to-cold-storage-after-days"));
        Assert.Equal("Directory", manifest.Tags["arca:resource-type"]);
    }

    [Fact]
    public async Task The_next_backup_of_a_directory_is_incremental_against_its_latest_recovery_point()
    {
        BackupJobDetails first = await RunAsync(_f.Backup(_a, _arn));
        File.WriteAllText(Path.Combine(_dir, "new.txt"), "new");
        BackupJobDetails second = await RunAsync(_f.Backup(_a, _arn));

        RecoveryPointRecord point = _f.Catalog.All.Single(p => p.RecoveryPointArn == second.RecoveryPointArn);
        Manifest manifest = await ManifestAsync(point);
        Assert.Equal(_f.Catalog.All.Single(p => p.RecoveryPointArn == first.RecoveryPointArn).EngineRecoveryPointId, manifest.Parent);
        Assert.Equal((2L, 1L), (manifest.Summary.FilesUnmodified, manifest.Summary.FilesNew));
        Assert.True(second.BytesTransferred < first.BytesTransferred, $"{second.BytesTransferred} < {first.BytesTransferred}");
    }

    [Fact]
    public async Task A_locked_vault_refuses_a_retention_outside_its_range_with_AWS_message()
    {
        await _f.Vaults.AddAsync(_a.Id, JobsFixture.Region, "locked", new VaultLockSettings(7, 365, null));
        BackupJobDetails job = await RunAsync(_f.Backup(_a, _arn) with { BackupVaultName = "locked", Lifecycle = new Lifecycle(DeleteAfterDays: 3) });

        Assert.Equal(("FAILED", "LOCKED"), (job.State, job.VaultLockState));
        Assert.Equal("Backup job failed. The retention specified in the job is not within the range specified for the target Backup Vault. The vault lock requires at least 7 days; the job asks for 3 days.", job.StatusMessage);
        BackupJobDetails forever = await RunAsync(_f.Backup(_a, _arn) with { BackupVaultName = "locked" });
        Assert.EndsWith("The vault lock allows at most 365 days; the job asks to keep it forever (no DeleteAfterDays).", forever.StatusMessage, StringComparison.Ordinal);
        Assert.Equal("COMPLETED", (await RunAsync(_f.Backup(_a, _arn) with { BackupVaultName = "locked", Lifecycle = new Lifecycle(DeleteAfterDays: 30) })).State);
        Assert.Single(_f.Catalog.All);
    }

    [Fact]
    public async Task A_disabled_key_a_deregistered_resource_a_vanished_source_and_a_deleted_role_fail_the_job_with_the_reason()
    {
        await _f.StopEngineAsync();
        string gone = (await _f.BackupJobs.StartAsync(_a.Caller, _f.Backup(_a, _arn))).BackupJobId;
        await _f.B.Resources.DeregisterAsync(_a.Caller, _arn);
        string tmp = _f.NewDirectory("tmp", ("a", "a"));
        string vanishing = (await _f.BackupJobs.StartAsync(_a.Caller, _f.Backup(_a, (await _f.RegisterAsync(_a, "Directory", "tmp", tmp)).ResourceArn))).BackupJobId;
        Directory.Delete(tmp, recursive: true);
        await _f.Vaults.AddAsync(_a.Id, JobsFixture.Region, "keyless");
        string web2 = (await _f.RegisterAsync(_a, "Directory", "web2", _dir)).ResourceArn;
        string keyless = (await _f.BackupJobs.StartAsync(_a.Caller, _f.Backup(_a, web2) with { BackupVaultName = "keyless" })).BackupJobId;
        _f.Vaults.DisableKey(_a.Id, JobsFixture.Region, "keyless");
        await _f.StartEngineAsync();

        BackupJobDetails deregistered = await FinishedAsync(gone);
        Assert.Equal(("FAILED", "ResourceNotFound"), (deregistered.State, deregistered.MessageCategory));
        Assert.Contains($"Resource {_arn} is no longer registered", deregistered.StatusMessage, StringComparison.Ordinal);
        BackupJobDetails vanished = await FinishedAsync(vanishing);
        Assert.Equal(("FAILED", "ResourceUnreadable"), (vanished.State, vanished.MessageCategory));
        Assert.Contains("does not exist", vanished.StatusMessage, StringComparison.Ordinal);
        BackupJobDetails disabled = await FinishedAsync(keyless);
        Assert.Equal(("FAILED", "KMS key is either disabled or pending deletion or access to KMS key is denied", "KmsKeyUnavailable"), (disabled.State, disabled.StatusMessage, disabled.MessageCategory));

        await _f.StopEngineAsync();
        string roleless = (await _f.BackupJobs.StartAsync(_a.Caller, _f.Backup(_a, web2))).BackupJobId;
        await _f.B.Identity.Roles.DeleteRoleAsync(_a.Caller, "cabrole");
        await _f.StartEngineAsync();
        BackupJobDetails denied = await FinishedAsync(roleless);
        Assert.Equal(("FAILED", "AccessDenied"), (denied.State, denied.MessageCategory));
        Assert.Contains("IamRoleArn: role cabrole does not exist", denied.StatusMessage, StringComparison.Ordinal);
        Assert.Empty(_f.Catalog.All);
    }

    [Fact]
    public async Task A_directory_with_entries_it_cannot_capture_completes_with_issues_and_commits_the_rest()
    {
        await ShellAsync("touch \"$1/$(printf 'bad\\377name')\"", _dir);
        BackupJobDetails job;
        try
        {
            job = await RunAsync(_f.Backup(_a, _arn));
        }
        finally
        {
            await ShellAsync("rm -f \"$1\"/bad*name", _dir);
        }

        Assert.Equal(("COMPLETED", "PartialBackup"), (job.State, job.MessageCategory));
        Assert.StartsWith("Backup completed with issues: 1 entry could not be backed up consistently: bad", job.StatusMessage, StringComparison.Ordinal);
        RecoveryPointRecord point = Assert.Single(_f.Catalog.All);
        Assert.Equal(("PARTIAL", job.StatusMessage), (point.Status, point.StatusMessage));
        Assert.True((await ManifestAsync(point)).Partial);
    }

    [Fact]
    public async Task A_catalog_that_cannot_record_the_recovery_point_leaves_no_engine_recovery_point_behind()
    {
        _f.Catalog.FailAdds = true;
        BackupJobDetails job = await RunAsync(_f.Backup(_a, _arn));

        Assert.Equal("FAILED", job.State);
        Assert.Empty(await _f.Vaults.Get(_a.Id, JobsFixture.Region, "cabvault").Vault.Reader.ListRecoveryPointIdsAsync());
    }

    [Fact]
    public async Task An_attempt_after_a_crash_between_commit_and_catalog_records_the_committed_recovery_point_instead_of_backing_up_again()
    {
        // The engine stops first: a running one could claim the job before this test's "crashed" node does.
        await _f.StopEngineAsync();
        StartBackupJobResult started = await _f.BackupJobs.StartAsync(_a.Caller, _f.Backup(_a, _arn));
        JobQueue queue = _f.Jobs.Backup(JobsFixture.Region);
        JobRecord claimed = (await queue.ClaimAsync(JobNode.Start("crashed"), TimeSpan.FromMinutes(2)))!;

        // The crashed attempt got as far as the engine commit (its manifest carries the reserved ARN) and died before
        // the catalog entry.
        BackupJobSpec spec = JobDocuments.BackupSpec(claimed);
        OpenedBackupVault vault = _f.Vaults.Get(_a.Id, JobsFixture.Region, "cabvault");
        await new DirectoryResourceType().BackupAsync(vault.Vault, ResourceDefinition.ForDirectory(_dir), new Storage.Backup.BackupOptions
        {
            Tags = new Dictionary<string, string> { [RecoveryPointManifestTags.RecoveryPointArn] = spec.RecoveryPointArn, [RecoveryPointManifestTags.ResourceArn] = _arn },
        });
        _f.Time.Advance(TimeSpan.FromMinutes(2));
        await _f.StartEngineAsync();

        BackupJobDetails job = await FinishedAsync(started.BackupJobId);
        Assert.Equal(("COMPLETED", 2), (job.State, (await queue.GetAsync(started.BackupJobId))!.Attempts));
        Assert.Single(await vault.Vault.Reader.ListRecoveryPointIdsAsync());
        Assert.Equal((job.RecoveryPointArn, spec.RecoveryPointArn), (Assert.Single(_f.Catalog.All).RecoveryPointArn, job.RecoveryPointArn));
    }

    private async Task<BackupJobDetails> RunAsync(StartBackupJobRequest request) =>
        await FinishedAsync((await _f.BackupJobs.StartAsync(_a.Caller, request)).BackupJobId);

    private async Task<BackupJobDetails> FinishedAsync(string jobId)
    {
        await _f.FinishedAsync(_f.Jobs.Backup(JobsFixture.Region), jobId);
        return await _f.BackupJobs.DescribeAsync(_a.Caller, jobId);
    }

    private async Task<Manifest> ManifestAsync(RecoveryPointRecord point) =>
        await _f.Vaults.Get(point.AccountId, point.Region, point.BackupVaultName).Vault.Reader.LoadManifestAsync(BlobId.Parse(point.EngineRecoveryPointId));

    private static async Task ShellAsync(string script, string argument)
    {
        using Process shell = Process.Start("sh", ["-c", script, "sh", argument])!;
        await shell.WaitForExitAsync();
        Assert.Equal(0, shell.ExitCode);
    }
}
