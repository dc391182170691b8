using System.Security.Cryptography;
using Arca.Control.Backup;
using Arca.Control.Backup.Copies;
using Arca.Control.Backup.RecoveryPoints;
using Arca.Control.Jobs;
using Arca.Domain.Plans;
using Arca.Storage.Format;
using static Arca.Control.Tests.Backup.Copies.CopyFixture;

namespace Arca.Control.Tests.Backup.Copies;

/// <summary>Copy jobs end to end in the control plane: the transfer, what the copy records, idempotency, listing, refusals.</summary>
public sealed class CopyJobTests : IAsyncLifetime
{
    private readonly CopyFixture _f = new();
    private string _dir = null!;

    public async Task InitializeAsync()
    {
        await _f.InitializeAsync();
        _dir = _f.NewDirectory("web", ("big.bin", RandomNumberGenerator.GetBytes(3 << 20)), ("index.html", "hello"u8.ToArray()));
    }

    public async Task DisposeAsync() => await _f.DisposeAsync();

    [Fact]
    public async Task A_cross_account_cross_region_copy_lands_re_encrypted_with_SourceBackupVaultArn_the_source_creation_date_and_the_requested_lifecycle()
    {
        RecoveryPointRecord source = await _f.BackUpAsync(_dir, new Lifecycle(DeleteAfterDays: 35));
        _f.Time.Advance(TimeSpan.FromHours(3));
        string destination = VaultArn(West, _f.Destination);

        CopyJobDetails job = await _f.CopyAsync(source, destination, new Lifecycle(DeleteAfterDays: 120));

        Assert.Equal(("COMPLETED", "SUCCESS", (string?)null), (job.State, job.MessageCategory, job.StatusMessage));
        Assert.Equal((_f.Source.Id, source.BackupVaultArn, source.RecoveryPointArn, destination), (job.AccountId, job.SourceBackupVaultArn, job.SourceRecoveryPointArn, job.DestinationBackupVaultArn));
        Assert.Equal((_f.Destination.Keys[West], "UNLOCKED", 120L), (job.DestinationEncryptionKeyArn, job.DestinationVaultLockState, job.DestinationRecoveryPointLifecycle!.DeleteAfterDays));
        Assert.Equal((source.ResourceArn, "Directory", source.BackupSizeInBytes), (job.ResourceArn, job.ResourceType, job.BackupSizeInBytes));
        Assert.InRange(job.BytesTransferred, 3 << 20, 4 << 20); // random data does not compress: everything moved once
        Assert.StartsWith($"arn:aws:backup:{West}:{_f.Destination.Id}:recovery-point:", job.DestinationRecoveryPointArn, StringComparison.Ordinal);

        RecoveryPointRecord copy = Assert.Single(await _f.PointsAsync(West, _f.Destination));
        Assert.Equal((job.DestinationRecoveryPointArn, source.BackupVaultArn, source.CreationDate), (copy.RecoveryPointArn, copy.SourceBackupVaultArn, copy.CreationDate));
        Assert.Equal((120L, _f.Destination.Keys[West], "COMPLETED", job.CopyJobId), (copy.Lifecycle!.DeleteAfterDays, copy.EncryptionKeyArn, copy.Status, copy.CreatedByJobId));

        // The copy's manifest describes the copy (the catalog can be rebuilt from the destination vault alone) and keeps the type's tags.
        Manifest m = await ManifestAsync(copy);
        Assert.Equal((copy.RecoveryPointArn, source.BackupVaultArn, "120"), (m.Tags["arca:recovery-point-arn"], m.Tags["arca:source-backup-vault-arn"], m.Tags["arca:lifecycle-delete-after-days"]));
        Assert.Equal(("Directory", job.CopyJobId), (m.Tags["arca:resource-type"], m.Tags["arca:job-id"]));
        Assert.Contains("arca:source-path", m.Tags.Keys);
    }

    [Fact]
    public async Task A_second_copy_of_a_changed_resource_moves_only_the_new_chunks()
    {
        string destination = VaultArn(West, _f.Destination);
        CopyJobDetails first = await _f.CopyAsync(await _f.BackUpAsync(_dir), destination);
        File.WriteAllBytes(Path.Combine(_dir, "new.bin"), RandomNumberGenerator.GetBytes(150_000));

        CopyJobDetails second = await _f.CopyAsync(await _f.BackUpAsync(_dir), destination);

        Assert.Equal(("COMPLETED", "COMPLETED"), (first.State, second.State));
        Assert.InRange(second.BytesTransferred, 150_000, 150_000 * 12 / 10);
        Assert.True(second.BytesTransferred * 10 < first.BytesTransferred, $"{second.BytesTransferred} vs {first.BytesTransferred}");
        Assert.Equal(2, (await _f.PointsAsync(West, _f.Destination)).Count);
    }

    [Fact]
    public async Task A_copy_back_into_the_source_account_restores_byte_for_byte()
    {
        RecoveryPointRecord original = await _f.BackUpAsync(_dir);
        CopyJobDetails there = await _f.CopyAsync(original, VaultArn(West, _f.Destination));
        RecoveryPointRecord copy = (await _f.V.Catalog.FindAsync(West, there.DestinationRecoveryPointArn!))!;

        // Tutorial step 5: from the destination account, copy it back into the source account's us-east-1 vault.
        StartCopyJobResult back = await _f.Copies.StartAsync(_f.Destination.In(West), new StartCopyJobRequest
        {
            RecoveryPointArn = copy.RecoveryPointArn,
            SourceBackupVaultName = "cabvault",
            DestinationBackupVaultArn = VaultArn(East, _f.Source),
            IamRoleArn = _f.Destination.Role,
        });
        JobRecord done = await _f.FinishedAsync(West, JobKind.Copy, back.CopyJobId);
        Assert.Equal(("COMPLETED", _f.Destination.Id), (done.State, done.AccountId));

        CopyJobDetails details = await _f.Copies.DescribeAsync(_f.Destination.In(West), back.CopyJobId);
        RecoveryPointRecord home = (await _f.V.Catalog.FindAsync(East, details.DestinationRecoveryPointArn!))!;
        Assert.Equal((copy.BackupVaultArn, original.CreationDate, _f.Source.Keys[East]), (home.SourceBackupVaultArn, home.CreationDate, home.EncryptionKeyArn));
        Assert.InRange(details.BytesTransferred, 0, 64 << 10); // the source vault still holds every chunk: only trees and the manifest move

        string target = Path.Combine(_f.V.Root, "restored");
        var vault = await _f.V.Engines.OpenAsync(_f.Source.Id, East, "cabvault");
        await Storage.Restore.DirectoryRestore.RunAsync(vault.Vault.Reader, BlobId.Parse(home.EngineRecoveryPointId), target, new Storage.Restore.RestoreOptions());
        Assert.Equal(File.ReadAllBytes(Path.Combine(_dir, "big.bin")), File.ReadAllBytes(Path.Combine(target, "big.bin")));
    }

    [Fact]
    public async Task Without_a_lifecycle_the_copy_keeps_the_source_recovery_points()
    {
        RecoveryPointRecord source = await _f.BackUpAsync(_dir, new Lifecycle(MoveToColdStorageAfterDays: 10, DeleteAfterDays: 100));
        CopyJobDetails job = await _f.CopyAsync(source, VaultArn(West, _f.Destination));
        Assert.Equal(new Lifecycle(10, 100), job.DestinationRecoveryPointLifecycle);
        Assert.Equal(new Lifecycle(10, 100), Assert.Single(await _f.PointsAsync(West, _f.Destination)).Lifecycle);
    }

    [Fact]
    public async Task The_same_idempotency_token_returns_the_first_job_and_another_request_with_it_is_refused()
    {
        RecoveryPointRecord source = await _f.BackUpAsync(_dir);
        var request = new StartCopyJobRequest
        {
            RecoveryPointArn = source.RecoveryPointArn,
            SourceBackupVaultName = "cabvault",
            DestinationBackupVaultArn = VaultArn(West, _f.Destination),
            IamRoleArn = _f.Source.Role,
            IdempotencyToken = "token-1",
        };
        StartCopyJobResult first = await _f.Copies.StartAsync(_f.Source.Caller, request);
        StartCopyJobResult again = await _f.Copies.StartAsync(_f.Source.Caller, request);
        Assert.Equal(first, again);
        await BackupFixture.Throws(
            () => _f.Copies.StartAsync(_f.Source.Caller, request with { Lifecycle = new Lifecycle(DeleteAfterDays: 9) }), "InvalidRequestException", "IdempotencyToken: the token was already used for copy job " + first.CopyJobId);
        await _f.FinishedAsync(East, JobKind.Copy, first.CopyJobId);
        Assert.Single((await _f.Copies.ListAsync(_f.Source.Caller, new CopyJobFilter())).Items);
    }

    [Fact]
    public async Task Synchronous_refusals_are_AWS_errors_naming_the_member()
    {
        RecoveryPointRecord source = await _f.BackUpAsync(_dir);
        var ok = new StartCopyJobRequest
        {
            RecoveryPointArn = source.RecoveryPointArn,
            SourceBackupVaultName = "cabvault",
            DestinationBackupVaultArn = VaultArn(West, _f.Destination),
            IamRoleArn = _f.Source.Role,
        };
        Task Start(StartCopyJobRequest r) => _f.Copies.StartAsync(_f.Source.Caller, r);
        await BackupFixture.Throws(() => Start(ok with { RecoveryPointArn = null }), "MissingParameterValueException", "RecoveryPointArn: is required");
        await BackupFixture.Throws(() => Start(ok with { SourceBackupVaultName = null }), "MissingParameterValueException", "SourceBackupVaultName: is required");
        await BackupFixture.Throws(() => Start(ok with { DestinationBackupVaultArn = null }), "MissingParameterValueException", "DestinationBackupVaultArn: is required");
        await BackupFixture.Throws(() => Start(ok with { IamRoleArn = null }), "MissingParameterValueException", "IamRoleArn: is required");
        await BackupFixture.Throws(() => Start(ok with { RecoveryPointArn = "nope" }), "InvalidParameterValueException", "RecoveryPointArn: 'nope' is not a recovery point ARN");
        await BackupFixture.Throws(() => Start(ok with { DestinationBackupVaultArn = "arn:aws:s3:::bucket" }), "InvalidParameterValueException", "DestinationBackupVaultArn: 'arn:aws:s3:::bucket' is not a backup vault ARN");
        await BackupFixture.Throws(() => Start(ok with { DestinationBackupVaultArn = $"arn:aws:backup:ap-south-1:{_f.Destination.Id}:backup-vault:cabvault" }), "InvalidParameterValueException", "region ap-south-1 is not served");
        await BackupFixture.Throws(() => Start(ok with { DestinationBackupVaultArn = source.BackupVaultArn }), "InvalidParameterValueException", "is the source vault");
        await BackupFixture.Throws(() => Start(ok with { SourceBackupVaultName = "nosuchvault" }), "ResourceNotFoundException", "SourceBackupVaultName: backup vault nosuchvault does not exist");
        await BackupFixture.Throws(() => Start(ok with { RecoveryPointArn = source.RecoveryPointArn[..^4] + "0000" }), "ResourceNotFoundException", "not found in backup vault cabvault");
        await BackupFixture.Throws(() => Start(ok with { IamRoleArn = $"arn:aws:iam::{_f.Source.Id}:role/missing" }), "InvalidParameterValueException", "IamRoleArn: role missing does not exist");
        await BackupFixture.Throws(() => Start(ok with { Lifecycle = new Lifecycle(MoveToColdStorageAfterDays: 10, DeleteAfterDays: 20) }), "InvalidParameterValueException", "Lifecycle");
        await BackupFixture.Throws(
            () => _f.Copies.StartAsync(_f.Source.In(West), ok), "InvalidParameterValueException", "RecoveryPointArn: " + source.RecoveryPointArn + " is in region us-east-1");
        await BackupFixture.Throws(() => _f.Copies.DescribeAsync(_f.Source.Caller, "00000000-0000-0000-0000-000000000000"), "ResourceNotFoundException", "Copy job 00000000-0000-0000-0000-000000000000 not found");
        Assert.Empty((await _f.Copies.ListAsync(_f.Source.Caller, new CopyJobFilter())).Items);
    }

    [Fact]
    public async Task ListCopyJobs_filters_by_destination_state_resource_and_account_and_pages()
    {
        RecoveryPointRecord source = await _f.BackUpAsync(_dir);
        CopyJobDetails west = await _f.CopyAsync(source, VaultArn(West, _f.Destination));
        await _f.V.Policies.DeleteAsync(_f.Destination.In(East), "cabvault");
        CopyJobDetails east = await _f.CopyAsync(source, VaultArn(East, _f.Destination));
        Assert.Equal(("COMPLETED", "FAILED"), (west.State, east.State));

        async Task<string[]> Ids(CopyJobFilter filter) => [.. (await _f.Copies.ListAsync(_f.Source.Caller, filter)).Items.Select(j => j.CopyJobId)];
        Assert.Equal([west.CopyJobId, east.CopyJobId], await Ids(new CopyJobFilter()));
        Assert.Equal([west.CopyJobId], await Ids(new CopyJobFilter { ByDestinationVaultArn = VaultArn(West, _f.Destination) }));
        Assert.Equal([east.CopyJobId], await Ids(new CopyJobFilter { ByState = "FAILED" }));
        Assert.Equal([east.CopyJobId], await Ids(new CopyJobFilter { ByMessageCategory = "accessdenied" }));
        Assert.Equal([west.CopyJobId, east.CopyJobId], await Ids(new CopyJobFilter { ByResourceArn = source.ResourceArn, ByResourceType = "Directory", BySourceRecoveryPointArn = source.RecoveryPointArn }));
        Assert.Empty(await Ids(new CopyJobFilter { ByParentJobId = west.CopyJobId }));
        Assert.Empty(await Ids(new CopyJobFilter { ByCreatedAfter = _f.Time.GetUtcNow() }));
        Assert.Equal([west.CopyJobId, east.CopyJobId], await Ids(new CopyJobFilter { ByAccountId = "*", ByCompleteBefore = _f.Time.GetUtcNow().AddSeconds(1) }));
        Assert.Empty((await _f.Copies.ListAsync(_f.Destination.Caller, new CopyJobFilter())).Items); // copy jobs are the source account's
        await BackupFixture.Throws(() => Ids(new CopyJobFilter { ByState = "DONE" }), "InvalidParameterValueException", "ByState: 'DONE' must be one of CREATED, RUNNING, COMPLETED, FAILED, PARTIAL");

        BackupPage<CopyJobDetails> page = await _f.Copies.ListAsync(_f.Source.Caller, new CopyJobFilter { MaxResults = 1 });
        Assert.Equal(west.CopyJobId, Assert.Single(page.Items).CopyJobId);
        page = await _f.Copies.ListAsync(_f.Source.Caller, new CopyJobFilter { MaxResults = 1, NextToken = page.NextToken });
        Assert.Equal((east.CopyJobId, (string?)null), (Assert.Single(page.Items).CopyJobId, page.NextToken));
    }

    private async Task<Manifest> ManifestAsync(RecoveryPointRecord point)
    {
        var vault = await _f.V.Engines.OpenAsync(point.AccountId, point.Region, point.BackupVaultName);
        return await vault.Vault.Reader.LoadManifestAsync(BlobId.Parse(point.EngineRecoveryPointId), default);
    }
}
