using Arca.Control.Backup.RecoveryPoints;
using Arca.Control.Backup.Vaults;
using Arca.Control.Identity;
using Arca.Domain.Plans;
using static Arca.Control.Tests.Backup.BackupFixture;

namespace Arca.Control.Tests.Backup.Vaults;

public sealed class VaultLockServiceTests : IDisposable
{
    private readonly VaultFixture _f = new();

    public void Dispose() => _f.Dispose();

    [Theory]
    [InlineData(0L, null, null, "MinRetentionDays: 0 must be between 1 and 36500")]
    [InlineData(null, 36501L, null, "MaxRetentionDays: 36501 must be between 1 and 36500")]
    [InlineData(10L, 5L, null, "MinRetentionDays: 10 must not be greater than MaxRetentionDays (5)")]
    [InlineData(1L, 10L, 2L, "ChangeableForDays: 2 must be between 3 and 36500 (the 72-hour cooling-off period")]
    [InlineData(1L, 10L, 36501L, "ChangeableForDays: 36501 must be between 3 and 36500")]
    public async Task Bounds_are_checked_naming_the_field(long? min, long? max, long? changeable, string message)
    {
        CallerIdentity root = await _f.NewRootAsync();
        await _f.CreateVaultAsync(root);
        await Throws(() => _f.Locks.PutAsync(root, "cabvault", min, max, changeable), "InvalidParameterValueException", message);
        Assert.False((await _f.Vaults.DescribeAsync(root, "cabvault")).Locked);
        await Throws(() => _f.Locks.PutAsync(root, "nope", 1, 2, 3), "ResourceNotFoundException", "Backup vault nope not found");
        await Throws(() => _f.Locks.DeleteAsync(root, "nope"), "ResourceNotFoundException", "Backup vault nope not found");
    }

    [Fact]
    public async Task A_lock_can_change_during_its_cooling_off_period_and_never_after_its_lock_date()
    {
        CallerIdentity root = await _f.NewRootAsync();
        await _f.CreateVaultAsync(root);

        await _f.Locks.PutAsync(root, "cabvault", 7, 30, 3);
        BackupVaultDetails locked = await _f.Vaults.DescribeAsync(root, "cabvault");
        Assert.Equal((true, new VaultLockSettings(7, 30, ControlFixture.T0.AddDays(3))), (locked.Locked, locked.Lock));

        _f.Time.Advance(TimeSpan.FromDays(2));
        await _f.Locks.PutAsync(root, "cabvault", 14, 60, 4);
        Assert.Equal(new VaultLockSettings(14, 60, ControlFixture.T0.AddDays(6)), (await _f.Vaults.DescribeAsync(root, "cabvault")).Lock);

        _f.Time.Advance(TimeSpan.FromDays(4) - TimeSpan.FromSeconds(1));
        await _f.Locks.PutAsync(root, "cabvault", 14, 60, 3); // one second before the lock date: still changeable, new date
        _f.Time.Advance(TimeSpan.FromDays(3));

        await Throws(() => _f.Locks.PutAsync(root, "cabvault", 1, 2, 3), "InvalidRequestException", "Backup vault cabvault is locked in compliance mode since");
        await Throws(() => _f.Locks.DeleteAsync(root, "cabvault"), "InvalidRequestException", "its vault lock can no longer be changed or deleted");
        Assert.Equal(14, (await _f.Vaults.DescribeAsync(root, "cabvault")).Lock!.MinRetentionDays);
    }

    [Fact]
    public async Task A_lock_without_a_lock_date_stays_changeable_and_deletable()
    {
        CallerIdentity root = await _f.NewRootAsync();
        await _f.CreateVaultAsync(root);
        await _f.Locks.PutAsync(root, "cabvault", 7, null, null);
        _f.Time.Advance(TimeSpan.FromDays(400));

        Assert.Equal(new VaultLockSettings(7, null, null), (await _f.Vaults.DescribeAsync(root, "cabvault")).Lock);
        await _f.Locks.DeleteAsync(root, "cabvault");
        await _f.Locks.DeleteAsync(root, "cabvault");
        Assert.False((await _f.Vaults.DescribeAsync(root, "cabvault")).Locked);
    }

    [Fact]
    public async Task A_locked_vault_refuses_deleting_before_the_minimum_retention_and_lifecycles_outside_its_range()
    {
        CallerIdentity root = await _f.NewRootAsync();
        await _f.CreateVaultAsync(root);
        RecoveryPointRecord rp = await _f.BackUpAsync(root, lifecycle: new Lifecycle(DeleteAfterDays: 35));
        await _f.Locks.PutAsync(root, "cabvault", 30, 100, 3);

        await Throws(() => _f.RecoveryPoints.DeleteAsync(root, "cabvault", rp.RecoveryPointArn), "InvalidRequestException",
            $"backup vault cabvault is locked with a minimum retention of 30 days, which keeps it until {ControlFixture.T0.AddDays(30):yyyy-MM-dd'T'HH:mm:ss'Z'}");
        await Throws(() => _f.RecoveryPoints.UpdateLifecycleAsync(root, "cabvault", rp.RecoveryPointArn, new Lifecycle(DeleteAfterDays: 29)),
            "InvalidRequestException", "Lifecycle.DeleteAfterDays: 29 days is less than the minimum retention of 30 days");
        await Throws(() => _f.RecoveryPoints.UpdateLifecycleAsync(root, "cabvault", rp.RecoveryPointArn, new Lifecycle(DeleteAfterDays: 101)),
            "InvalidRequestException", "Lifecycle.DeleteAfterDays: 101 days exceeds the maximum retention of 100 days");
        await Throws(() => _f.RecoveryPoints.UpdateLifecycleAsync(root, "cabvault", rp.RecoveryPointArn, new Lifecycle()),
            "InvalidRequestException", "keeping the recovery point forever exceeds the maximum retention");
        RecoveryPointLifecycleUpdate longer = await _f.RecoveryPoints.UpdateLifecycleAsync(root, "cabvault", rp.RecoveryPointArn, new Lifecycle(DeleteAfterDays: 60));
        Assert.Equal(ControlFixture.T0.AddDays(60), longer.CalculatedLifecycle.DeleteAt);

        _f.Time.Advance(TimeSpan.FromDays(30));
        await _f.RecoveryPoints.DeleteAsync(root, "cabvault", rp.RecoveryPointArn);
        Assert.Null(await _f.Catalog.FindAsync("us-east-1", rp.RecoveryPointArn));
    }
}
