using Arca.Control.Backup;
using Arca.Control.Backup.Jobs;
using Arca.Control.Jobs;
using Microsoft.Data.Sqlite;
using static Arca.Control.Tests.Backup.BackupFixture;

namespace Arca.Control.Tests.Backup.Jobs;

public sealed class RestoreJobTests : IAsyncLifetime
{
    private readonly JobsFixture _f = new();
    private JobsFixture.Account _a = null!;
    private string _dir = null!;
    private string _arn = null!;
    private string _point = null!;

    public async Task InitializeAsync()
    {
        _a = await _f.NewAccountAsync();
        _dir = _f.NewDirectory("web", ("index.html", "<h1>hi</h1>"), ("img/logo.svg", "<svg/>"));
        _arn = (await _f.RegisterAsync(_a, "Directory", "web", _dir, new Dictionary<string, string> { ["backup"] = "cab" })).ResourceArn;
        await _f.StartEngineAsync();
        string job = (await _f.BackupJobs.StartAsync(_a.Caller, _f.Backup(_a, _arn))).BackupJobId;
        await _f.FinishedAsync(_f.Jobs.Backup(JobsFixture.Region), job);
        _point = (await _f.BackupJobs.DescribeAsync(_a.Caller, job)).RecoveryPointArn!;
    }

    public async Task DisposeAsync() => await _f.DisposeAsync();

    [Fact]
    public async Task The_suggested_metadata_points_at_the_original_and_a_restore_elsewhere_reproduces_the_tree_as_a_new_resource()
    {
        RecoveryPointRestoreMetadata suggested = await _f.Restores.GetRecoveryPointRestoreMetadataAsync(_a.Caller, "cabvault", _point);
        Assert.Equal(("Directory", _dir, "false"), (suggested.ResourceType, suggested.RestoreMetadata["TargetPath"], suggested.RestoreMetadata["Overwrite"]));

        string target = Path.Combine(_f.Root, "restored");
        RestoreJobDetails job = await RestoreAsync(new Dictionary<string, string> { ["TargetPath"] = target }, copyTags: true);

        Assert.Equal(("COMPLETED", 100.0, _arn, "Directory"), (job.Status, job.PercentDone, job.SourceResourceArn, job.ResourceType));
        Assert.Equal($"arn:aws:arca:us-east-1:{_a.Id}:directory/web-restored-{job.RestoreJobId[^12..]}", job.CreatedResourceArn);
        Assert.Equal("<h1>hi</h1>", File.ReadAllText(Path.Combine(target, "index.html")));
        Assert.Equal("<svg/>", File.ReadAllText(Path.Combine(target, "img", "logo.svg")));
        InventoryResource created = await _f.B.Resources.DescribeAsync(_a.Caller, job.CreatedResourceArn!);
        Assert.Equal((target, "cab"), (created.Path, created.Tags["backup"]));
    }

    [Fact]
    public async Task A_non_empty_target_is_refused_unless_Overwrite_and_then_the_original_keeps_its_arn()
    {
        RestoreJobDetails refused = await RestoreAsync(new Dictionary<string, string> { ["TargetPath"] = _dir });
        Assert.Equal("FAILED", refused.Status);
        Assert.Contains($"TargetPath: {_dir} already exists and is not empty", refused.StatusMessage, StringComparison.Ordinal);

        File.WriteAllText(Path.Combine(_dir, "index.html"), "changed");
        RestoreJobDetails overwritten = await RestoreAsync(new Dictionary<string, string> { ["TargetPath"] = _dir, ["Overwrite"] = "true" });
        Assert.Equal(("COMPLETED", _arn), (overwritten.Status, overwritten.CreatedResourceArn));
        Assert.Equal("<h1>hi</h1>", File.ReadAllText(Path.Combine(_dir, "index.html")));
    }

    [Fact]
    public async Task A_sqlite_database_round_trips_through_backup_and_restore()
    {
        string file = Path.Combine(_f.Root, "app.db");
        await ExecuteAsync(file, "CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT); INSERT INTO t(name) VALUES ('a'), ('b');");
        string arn = (await _f.RegisterAsync(_a, "SQLite", "app", file)).ResourceArn;
        string backup = (await _f.BackupJobs.StartAsync(_a.Caller, _f.Backup(_a, arn))).BackupJobId;
        await _f.FinishedAsync(_f.Jobs.Backup(JobsFixture.Region), backup);
        string point = (await _f.BackupJobs.DescribeAsync(_a.Caller, backup)).RecoveryPointArn!;

        string target = Path.Combine(_f.Root, "copy", "app.db");
        string restore = await _f.Restores.StartAsync(_a.Caller, new StartRestoreJobRequest { RecoveryPointArn = point, Metadata = new Dictionary<string, string> { ["TargetPath"] = target } });
        await _f.FinishedAsync(_f.Jobs.Restore(JobsFixture.Region), restore);

        RestoreJobDetails job = await _f.Restores.DescribeAsync(_a.Caller, restore);
        Assert.Equal(("COMPLETED", "SQLite"), (job.Status, job.ResourceType));
        Assert.Equal("1:a,2:b", await QueryAsync(target, "SELECT group_concat(id || ':' || name) FROM t"));
    }

    [Fact]
    public async Task Metadata_is_checked_for_the_resource_type_naming_the_key()
    {
        await Throws(() => StartAsync(null), "MissingParameterValueException", "Metadata: is required");
        await Throws(() => StartAsync(new Dictionary<string, string>()), "MissingParameterValueException", "Metadata.TargetPath: is required to restore a Directory resource");
        await Throws(() => StartAsync(new Dictionary<string, string> { ["TargetPath"] = "relative/dir" }), "InvalidParameterValueException", "Metadata.TargetPath: 'relative/dir' must be an absolute path");
        await Throws(() => StartAsync(new Dictionary<string, string> { ["TargetPath"] = "/tmp/x", ["Overwrite"] = "yes" }), "InvalidParameterValueException", "Metadata.Overwrite: must be \"true\" or \"false\"");
        await Throws(() => StartAsync(new Dictionary<string, string> { ["TargetPath"] = "/tmp/x", ["DatabaseName"] = "x" }), "InvalidParameterValueException", "Metadata.DatabaseName: is not a restore metadata key of Directory resources (accepted: TargetPath, Overwrite)");
        await Throws(() => _f.Restores.StartAsync(_a.Caller, new StartRestoreJobRequest { RecoveryPointArn = _point, Metadata = new Dictionary<string, string> { ["TargetPath"] = "/tmp/x" }, ResourceType = "SQLite" }), "InvalidParameterValueException", "ResourceType: the recovery point holds a Directory resource, not SQLite");
        await Throws(() => _f.Restores.StartAsync(_a.Caller, new StartRestoreJobRequest { Metadata = new Dictionary<string, string>() }), "MissingParameterValueException", "RecoveryPointArn: is required");
        await Throws(() => _f.Restores.StartAsync(_a.Caller, new StartRestoreJobRequest { RecoveryPointArn = "rp-1", Metadata = new Dictionary<string, string>() }), "InvalidParameterValueException", "RecoveryPointArn: 'rp-1' is not a recovery point ARN");
        await Throws(() => _f.Restores.StartAsync(_a.Caller, new StartRestoreJobRequest { RecoveryPointArn = _point + "0", Metadata = new Dictionary<string, string>() }), "ResourceNotFoundException", "RecoveryPointArn: recovery point");
        await Throws(() => _f.Restores.StartAsync(_a.Caller, new StartRestoreJobRequest { RecoveryPointArn = _point, Metadata = new Dictionary<string, string> { ["TargetPath"] = "/tmp/x" }, IamRoleArn = $"arn:aws:iam::{_a.Id}:role/missing" }), "InvalidParameterValueException", "IamRoleArn: role missing does not exist");
        Errors.AwsServiceException denied = await Assert.ThrowsAnyAsync<Errors.AwsServiceException>(
            () => _f.Restores.GetRecoveryPointRestoreMetadataAsync(_a.Caller, "cabvault", _point.Replace(_a.Id, "111111111111", StringComparison.Ordinal)));
        Assert.Equal("AccessDeniedException", denied.Code);
        Assert.Contains("is not authorized to perform: backup:GetRecoveryPointRestoreMetadata", denied.Message, StringComparison.Ordinal);
        await Throws(() => _f.Restores.GetRecoveryPointRestoreMetadataAsync(_a.Caller, "other", _point), "ResourceNotFoundException", "not found in backup vault other");
        denied = await Assert.ThrowsAnyAsync<Errors.AwsServiceException>(() => _f.Restores.GetRecoveryPointRestoreMetadataAsync(_a.Caller, "cabvault", _point, "111111111111"));
        Assert.Equal(("AccessDeniedException", 403), (denied.Code, denied.HttpStatus));
        Assert.Contains("a backup vault of another account", denied.Message, StringComparison.Ordinal);
        Assert.NotNull(await _f.Restores.GetRecoveryPointRestoreMetadataAsync(_a.Caller, "cabvault", _point, _a.Id));
    }

    [Fact]
    public async Task Restore_jobs_are_listed_with_filters_and_by_protected_resource_and_their_metadata_is_shown_again()
    {
        string first = await StartAsync(new Dictionary<string, string> { ["TargetPath"] = Path.Combine(_f.Root, "r1") }, token: "tok-1");
        Assert.Equal(first, await StartAsync(new Dictionary<string, string> { ["TargetPath"] = Path.Combine(_f.Root, "r1") }, token: "tok-1"));
        await Throws(() => StartAsync(new Dictionary<string, string> { ["TargetPath"] = Path.Combine(_f.Root, "r2") }, token: "tok-1"), "InvalidRequestException", "IdempotencyToken: ");
        await _f.FinishedAsync(_f.Jobs.Restore(JobsFixture.Region), first);
        _f.Time.Advance(TimeSpan.FromSeconds(1));
        string failed = await StartAsync(new Dictionary<string, string> { ["TargetPath"] = _dir });
        await _f.FinishedAsync(_f.Jobs.Restore(JobsFixture.Region), failed);

        Assert.Equal([first, failed], (await _f.Restores.ListAsync(_a.Caller, new RestoreJobFilter())).Items.Select(j => j.RestoreJobId));
        Assert.Equal([failed], (await _f.Restores.ListAsync(_a.Caller, new RestoreJobFilter { ByStatus = "FAILED" })).Items.Select(j => j.RestoreJobId));
        Assert.Empty((await _f.Restores.ListAsync(_a.Caller, new RestoreJobFilter { ByResourceType = "SQLite" })).Items);
        Assert.Equal(2, (await _f.Restores.ListByProtectedResourceAsync(_a.Caller, _arn, new RestoreJobFilter())).Items.Count);
        Assert.Empty((await _f.Restores.ListByProtectedResourceAsync(_a.Caller, _arn + "x", new RestoreJobFilter())).Items);
        await Throws(() => _f.Restores.ListAsync(_a.Caller, new RestoreJobFilter { ByStatus = "DONE" }), "InvalidParameterValueException", "ByStatus: 'DONE' must be one of PENDING, RUNNING, COMPLETED, ABORTED, FAILED");
        Assert.Equal(Path.Combine(_f.Root, "r1"), (await _f.Restores.GetMetadataAsync(_a.Caller, first))["TargetPath"]);

        JobsFixture.Account other = await _f.NewAccountAsync("other");
        await Throws(() => _f.Restores.DescribeAsync(other.Caller, first), "ResourceNotFoundException", $"Restore job {first} not found");
        Assert.Empty((await _f.Restores.ListAsync(other.Caller, new RestoreJobFilter { ByAccountId = _a.Id })).Items);
    }

    private Task<string> StartAsync(Dictionary<string, string>? metadata, string? token = null) =>
        _f.Restores.StartAsync(_a.Caller, new StartRestoreJobRequest { RecoveryPointArn = _point, Metadata = metadata, IdempotencyToken = token });

    private async Task<RestoreJobDetails> RestoreAsync(Dictionary<string, string> metadata, bool copyTags = false)
    {
        string id = await _f.Restores.StartAsync(_a.Caller, new StartRestoreJobRequest { RecoveryPointArn = _point, Metadata = metadata, CopySourceTagsToRestoredResource = copyTags });
        JobRecord done = await _f.FinishedAsync(_f.Jobs.Restore(JobsFixture.Region), id);
        Assert.Equal(id, done.JobId);
        return await _f.Restores.DescribeAsync(_a.Caller, id);
    }

    private static async Task ExecuteAsync(string file, string sql)
    {
        await using (var connection = new SqliteConnection($"Data Source={file};Pooling=False"))
        {
            await connection.OpenAsync();
            using SqliteCommand command = connection.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync();
        }
    }

    private static async Task<string?> QueryAsync(string file, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        return (string?)await command.ExecuteScalarAsync();
    }
}
