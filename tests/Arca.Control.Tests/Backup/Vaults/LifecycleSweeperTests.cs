using Arca.Control.Backup.RecoveryPoints;
using Arca.Control.Backup.Vaults;
using Arca.Control.Identity;
using Arca.Control.Kms;
using Arca.Domain.Plans;
using Arca.Storage.Repository;

namespace Arca.Control.Tests.Backup.Vaults;

public sealed class LifecycleSweeperTests : IDisposable
{
    private readonly VaultFixture _f = new();

    public void Dispose() => _f.Dispose();

    [Fact]
    public async Task Recovery_points_move_to_cold_storage_and_are_deleted_when_their_lifecycle_says()
    {
        CallerIdentity root = await _f.NewRootAsync();
        await _f.CreateVaultAsync(root);
        RecoveryPointRecord rp = await _f.BackUpAsync(root, lifecycle: new Lifecycle(10, 100));
        RecoveryPointRecord forever = await _f.BackUpAsync(root, resource: "db");

        Assert.Equal(new LifecycleSweepReport(), await _f.Sweeper.SweepAsync("us-east-1"));
        _f.Time.Advance(TimeSpan.FromDays(10));
        Assert.Equal(new LifecycleSweepReport(MovedToCold: 1), await _f.Sweeper.SweepAsync("us-east-1"));
        Assert.Equal("COLD", (await _f.Catalog.FindAsync("us-east-1", rp.RecoveryPointArn))!.StorageClass);
        Assert.Equal(new LifecycleSweepReport(), await _f.Sweeper.SweepAsync("us-east-1"));

        _f.Time.Advance(TimeSpan.FromDays(90) - TimeSpan.FromSeconds(1));
        Assert.Equal(new LifecycleSweepReport(), await _f.Sweeper.SweepAsync("us-east-1"));
        _f.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(new LifecycleSweepReport(Deleted: 1, Collected: 1), await _f.Sweeper.SweepAsync("us-east-1"));

        Assert.Null(await _f.Catalog.FindAsync("us-east-1", rp.RecoveryPointArn));
        Assert.NotNull(await _f.Catalog.FindAsync("us-east-1", forever.RecoveryPointArn));
        OpenedBackupVault vault = await _f.Engines.OpenAsync(root.AccountId, "us-east-1", "cabvault");
        Assert.Equal([forever.EngineRecoveryPointId], (await vault.Vault.Reader.ListRecoveryPointIdsAsync()).Select(i => i.ToString()));
        Assert.Equal(1, (await _f.Vaults.DescribeAsync(root, "cabvault")).NumberOfRecoveryPoints);
    }

    [Fact]
    public async Task A_vault_lock_keeps_recovery_points_cataloged_after_it_until_the_minimum_retention_but_not_older_ones()
    {
        CallerIdentity root = await _f.NewRootAsync();
        await _f.CreateVaultAsync(root);
        RecoveryPointRecord before = await _f.BackUpAsync(root, lifecycle: new Lifecycle(DeleteAfterDays: 7));
        _f.Time.Advance(TimeSpan.FromMinutes(1));
        await _f.Locks.PutAsync(root, "cabvault", 30, null, 3);
        RecoveryPointRecord after = await _f.BackUpAsync(root, lifecycle: new Lifecycle(DeleteAfterDays: 7), resource: "db");

        _f.Time.Advance(TimeSpan.FromDays(7));
        Assert.Equal(1, (await _f.Sweeper.SweepAsync("us-east-1")).Deleted);
        Assert.Null(await _f.Catalog.FindAsync("us-east-1", before.RecoveryPointArn));
        Assert.NotNull(await _f.Catalog.FindAsync("us-east-1", after.RecoveryPointArn));

        _f.Time.Advance(TimeSpan.FromDays(23));
        Assert.Equal(1, (await _f.Sweeper.SweepAsync("us-east-1")).Deleted);
        Assert.Null(await _f.Catalog.FindAsync("us-east-1", after.RecoveryPointArn));
    }

    [Fact]
    public async Task Garbage_collection_waits_while_a_job_holds_the_vault_and_runs_at_a_later_sweep()
    {
        CallerIdentity root = await _f.NewRootAsync();
        await _f.CreateVaultAsync(root);
        RecoveryPointRecord rp = await _f.BackUpAsync(root, lifecycle: new Lifecycle(DeleteAfterDays: 1));
        OpenedBackupVault vault = await _f.Engines.OpenAsync(root.AccountId, "us-east-1", "cabvault");
        _f.Time.Advance(TimeSpan.FromDays(1));

        await using (await VaultLock.AcquireAsync(vault.Vault, exclusive: false, "backup"))
        {
            // A running backup holds a shared lock: the recovery point is deleted, the collection deferred.
            Assert.Equal(new LifecycleSweepReport(Deleted: 1), await _f.Sweeper.SweepAsync("us-east-1"));
        }

        Assert.Equal(new LifecycleSweepReport(Collected: 1), await _f.Sweeper.SweepAsync("us-east-1"));
        Assert.Null(await _f.Catalog.FindAsync("us-east-1", rp.RecoveryPointArn));
    }

    [Fact]
    public async Task A_deletion_the_garbage_collection_blocks_stays_deleting_until_the_next_sweep()
    {
        CallerIdentity root = await _f.NewRootAsync();
        await _f.CreateVaultAsync(root);
        RecoveryPointRecord rp = await _f.BackUpAsync(root);
        OpenedBackupVault vault = await _f.Engines.OpenAsync(root.AccountId, "us-east-1", "cabvault");

        await using (await VaultLock.AcquireAsync(vault.Vault, exclusive: true, "gc"))
        {
            await _f.RecoveryPoints.DeleteAsync(root, "cabvault", rp.RecoveryPointArn);
        }

        Assert.Equal(RecoveryPointCatalog.Deleting, (await _f.Catalog.FindAsync("us-east-1", rp.RecoveryPointArn))!.Status);
        Assert.Equal(new LifecycleSweepReport(Deleted: 1, Collected: 1), await _f.Sweeper.SweepAsync("us-east-1"));
        Assert.Null(await _f.Catalog.FindAsync("us-east-1", rp.RecoveryPointArn));
    }

    [Fact]
    public async Task A_vault_whose_key_is_disabled_is_reported_and_the_others_are_swept()
    {
        CallerIdentity root = await _f.NewRootAsync();
        KeyMetadata key = await _f.CreateKeyAsync(root);
        await _f.CreateVaultAsync(root, "a-locked-out", key.Arn);
        await _f.CreateVaultAsync(root, "b-fine");
        await _f.BackUpAsync(root, "a-locked-out", new Lifecycle(DeleteAfterDays: 1));
        await _f.BackUpAsync(root, "b-fine", new Lifecycle(DeleteAfterDays: 1));
        await _f.Keys.DisableKeyAsync(root, key.KeyId);
        _f.Time.Advance(TimeSpan.FromDays(1));

        LifecycleSweepReport report = await _f.Sweeper.SweepAsync("us-east-1");

        Assert.Equal((1, 1), (report.Deleted, report.Failures));
        KmsKeyUnavailableException e = await Assert.ThrowsAsync<KmsKeyUnavailableException>(() => _f.Engines.OpenAsync(root.AccountId, "us-east-1", "a-locked-out"));
        Assert.Equal(KmsKeyUnavailableException.AwsMessage, e.Message);
    }

    [Fact]
    public async Task Sweeping_every_region_completes_the_next_sweep_signal()
    {
        Task next = _f.Sweeper.NextSweep;
        Assert.False(next.IsCompleted);
        await _f.Sweeper.SweepAllAsync();
        Assert.True(next.IsCompletedSuccessfully);
        Assert.False(_f.Sweeper.NextSweep.IsCompleted);
    }
}
