using System.Security.Cryptography;
using Arca.Control.Backup.Copies;
using Arca.Control.Backup.Copies.Internal;
using Arca.Control.Backup.RecoveryPoints;
using Arca.Control.Backup.Vaults;
using Arca.Control.Jobs;
using Arca.Domain.Arns;
using Arca.Storage.Copy;
using Arca.Storage.Format;
using static Arca.Control.Tests.Backup.Copies.CopyFixture;

namespace Arca.Control.Tests.Backup.Copies;

/// <summary>What a copy job does after a crash: a retried attempt recognises the copy an earlier attempt committed.</summary>
public sealed class CopyDurabilityTests : IAsyncLifetime
{
    private readonly CopyFixture _f = new();

    public async Task InitializeAsync() => await _f.InitializeAsync();

    public async Task DisposeAsync() => await _f.DisposeAsync();

    [Fact]
    public async Task A_copy_retried_after_a_crash_between_the_engine_commit_and_the_catalog_only_adds_the_catalog_entry()
    {
        RecoveryPointRecord point = await _f.BackUpAsync(_f.NewDirectory("web", ("a.bin", RandomNumberGenerator.GetBytes(200_000))));
        Arn destination = Arn.Parse(VaultArn(West, _f.Destination));
        JobRecord job = CopyJobService.NewJob(
            _f.Source.Id, point, destination, _f.Source.Role, null, null, null, Guid.CreateVersion7(_f.Time.GetUtcNow()).ToString(), _f.Time.GetUtcNow(), null, null);
        CopyJobSpec spec = CopyJobsJson.SpecOf(job);

        // The first attempt committed the engine copy (its manifest names the reserved ARN) and died before the catalog entry.
        OpenedBackupVault target = await _f.V.Engines.OpenByArnAsync(destination.ToString());
        await using (CopySource source = await new InProcessRegionTransfer(_f.V.Engines).OpenSourceAsync(_f.Source.Id, East, "cabvault"))
        {
            var tags = new Dictionary<string, string> { [RecoveryPointManifestTags.RecoveryPointArn] = spec.DestinationRecoveryPointArn };
            await VaultCopy.RunAsync(source.Source, BlobId.Parse(point.EngineRecoveryPointId), target.Vault, new CopyOptions { Tags = tags, KeepSourceTag = CopyManifestTags.KeepFromSource });
        }

        Assert.Empty(await _f.PointsAsync(West, _f.Destination));
        await _f.Jobs.Copy(East).EnqueueAsync(job with { Attempts = 1, StatusMessage = JobQueue.InterruptedMessage });
        JobRecord done = await _f.FinishedAsync(East, JobKind.Copy, job.JobId);

        Assert.Equal(("COMPLETED", 2), (done.State, done.Attempts));
        RecoveryPointRecord copy = Assert.Single(await _f.PointsAsync(West, _f.Destination));
        Assert.Equal((spec.DestinationRecoveryPointArn, point.CreationDate, point.BackupVaultArn), (copy.RecoveryPointArn, copy.CreationDate, copy.SourceBackupVaultArn));
        Assert.Single(await target.Vault.Reader.ListRecoveryPointsAsync(default)); // no second engine copy
        Assert.Equal(copy.EngineRecoveryPointId, (await target.Vault.Reader.ListRecoveryPointsAsync(default))[0].Id.ToString());
    }

    [Fact]
    public async Task A_copy_whose_source_recovery_point_was_deleted_meanwhile_fails_with_the_reason()
    {
        RecoveryPointRecord point = await _f.BackUpAsync(_f.NewDirectory("web", ("a.bin", RandomNumberGenerator.GetBytes(1000))));
        Arn destination = Arn.Parse(VaultArn(West, _f.Destination));
        JobRecord job = CopyJobService.NewJob(
            _f.Source.Id, point with { RecoveryPointArn = point.RecoveryPointArn[..^4] + "beef" }, destination, _f.Source.Role, null, null, null,
            Guid.CreateVersion7(_f.Time.GetUtcNow()).ToString(), _f.Time.GetUtcNow(), null, null);
        await _f.Jobs.Copy(East).EnqueueAsync(job);
        JobRecord done = await _f.FinishedAsync(East, JobKind.Copy, job.JobId);
        Assert.Equal(("FAILED", "ResourceNotFound"), (done.State, done.MessageCategory));
        Assert.StartsWith("Copy job failed. The source recovery point ", done.StatusMessage, StringComparison.Ordinal);
    }
}
