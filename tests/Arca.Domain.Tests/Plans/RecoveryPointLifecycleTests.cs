using Arca.Domain.Plans;

namespace Arca.Domain.Tests.Plans;

public sealed class RecoveryPointLifecycleTests
{
    private static readonly DateTimeOffset Created = new(2024, 1, 1, 5, 30, 0, TimeSpan.Zero);

    private static RecoveryPointLifecycleState Point(Lifecycle? lifecycle, RecoveryPointStorageClass storage = RecoveryPointStorageClass.Warm)
    {
        return new RecoveryPointLifecycleState(Created, lifecycle, storage);
    }

    [Fact]
    public void Calculated_lifecycle_adds_whole_days_to_the_creation_instant()
    {
        Assert.Equal(
            new CalculatedLifecycle(Created.AddDays(30), Created.AddDays(120)),
            CalculatedLifecycle.From(Created, new Lifecycle(30, 120)));
        Assert.Equal(new CalculatedLifecycle(null, null), CalculatedLifecycle.From(Created, null));
        Assert.Equal(new CalculatedLifecycle(null, Created.AddDays(36_500)), CalculatedLifecycle.From(Created, new Lifecycle(DeleteAfterDays: 36_500)));
    }

    [Fact]
    public void A_point_without_lifecycle_is_kept_forever()
    {
        Assert.Equal(
            new LifecycleDecision(LifecycleAction.Keep, "Its lifecycle never expires it.", null),
            RecoveryPointLifecycle.Decide(Point(null), null, Created.AddYears(50)));
    }

    [Fact]
    public void A_point_is_kept_until_its_retention_ends_then_deleted()
    {
        var lifecycle = new Lifecycle(DeleteAfterDays: 35);
        Assert.Equal(
            new LifecycleDecision(LifecycleAction.Keep, "It is retained until 2024-02-05T05:30:00Z.", Created.AddDays(35)),
            RecoveryPointLifecycle.Decide(Point(lifecycle), null, Created.AddDays(34)));
        Assert.Equal(
            new LifecycleDecision(LifecycleAction.Delete, "Its retention of 35 days ended at 2024-02-05T05:30:00Z.", null),
            RecoveryPointLifecycle.Decide(Point(lifecycle), null, Created.AddDays(35)));
    }

    [Fact]
    public void A_warm_point_moves_to_cold_storage_when_due()
    {
        var lifecycle = new Lifecycle(30, 120);
        Assert.Equal(
            new LifecycleDecision(LifecycleAction.Keep, "It moves to cold storage at 2024-01-31T05:30:00Z.", Created.AddDays(30)),
            RecoveryPointLifecycle.Decide(Point(lifecycle), null, Created.AddDays(29)));
        Assert.Equal(
            new LifecycleDecision(
                LifecycleAction.MoveToColdStorage, "MoveToColdStorageAfterDays (30 days) was reached at 2024-01-31T05:30:00Z.", Created.AddDays(120)),
            RecoveryPointLifecycle.Decide(Point(lifecycle), null, Created.AddDays(30)));
        Assert.Equal(
            LifecycleAction.Keep,
            RecoveryPointLifecycle.Decide(Point(lifecycle, RecoveryPointStorageClass.Cold), null, Created.AddDays(31)).Action);
    }

    [Fact]
    public void Types_without_cold_storage_ignore_the_cold_transition()
    {
        RecoveryPointLifecycleState point = Point(new Lifecycle(30, 120)) with { SupportsColdStorage = false };
        Assert.Equal(
            new LifecycleDecision(LifecycleAction.Keep, "It is retained until 2024-04-30T05:30:00Z.", Created.AddDays(120)),
            RecoveryPointLifecycle.Decide(point, null, Created.AddDays(60)));
    }

    [Fact]
    public void Deletion_wins_when_both_transitions_are_due()
    {
        Assert.Equal(
            LifecycleAction.Delete,
            RecoveryPointLifecycle.Decide(Point(new Lifecycle(30, 120)), null, Created.AddDays(400)).Action);
    }

    [Fact]
    public void A_vault_lock_minimum_retention_keeps_an_expired_point_and_says_until_when()
    {
        var locked = new VaultLockRetention(MinRetentionDays: 60, MaxRetentionDays: 365);
        Assert.Equal(
            new LifecycleDecision(
                LifecycleAction.Keep,
                "Its retention of 35 days ended at 2024-02-05T05:30:00Z, but the vault lock's minimum retention of 60 days protects it until 2024-03-01T05:30:00Z.",
                Created.AddDays(60)),
            RecoveryPointLifecycle.Decide(Point(new Lifecycle(DeleteAfterDays: 35)), locked, Created.AddDays(40)));
        Assert.Equal(
            LifecycleAction.Delete,
            RecoveryPointLifecycle.Decide(Point(new Lifecycle(DeleteAfterDays: 35)), locked, Created.AddDays(60)).Action);
    }

    [Fact]
    public void A_vault_lock_does_not_delete_anything_by_itself()
    {
        var locked = new VaultLockRetention(MinRetentionDays: 1, MaxRetentionDays: 7);
        Assert.Equal(LifecycleAction.Keep, RecoveryPointLifecycle.Decide(Point(null), locked, Created.AddYears(10)).Action);
    }
}
