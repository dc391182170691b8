namespace Arca.Domain.Plans;

/// <summary>
/// The lifecycle decision for one recovery point at one instant: keep, move to cold storage, or
/// delete, with the reason. Pure and thread-safe.
/// </summary>
/// <remarks>
/// Rules: deletion is due at CreationDate + DeleteAfterDays (that instant included), unless a vault
/// lock's MinRetentionDays protects the point until CreationDate + MinRetentionDays, in which case it
/// is kept and reviewed then. The move to cold storage is due at CreationDate +
/// MoveToColdStorageAfterDays for a warm point whose type supports cold storage. Deletion wins when
/// both are due.
/// </remarks>
public static class RecoveryPointLifecycle
{
    /// <summary>Decides what to do with <paramref name="point"/> at <paramref name="now"/>.</summary>
    /// <param name="point">The recovery point.</param>
    /// <param name="vaultLock">The vault lock that applies to it, or null.</param>
    /// <param name="now">The current instant (from the caller's TimeProvider).</param>
    public static LifecycleDecision Decide(RecoveryPointLifecycleState point, VaultLockRetention? vaultLock, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(point);
        CalculatedLifecycle due = CalculatedLifecycle.From(point.CreationDate, point.Lifecycle);
        DateTimeOffset? coldAt = point.StorageClass == RecoveryPointStorageClass.Warm && point.SupportsColdStorage
            ? due.MoveToColdStorageAt
            : null;
        if (due.DeleteAt is DateTimeOffset deleteAt && now >= deleteAt)
        {
            return DecideDeletion(point, vaultLock, deleteAt, now);
        }

        if (coldAt is DateTimeOffset moveAt && now >= moveAt)
        {
            return new LifecycleDecision(
                LifecycleAction.MoveToColdStorage,
                $"MoveToColdStorageAfterDays ({point.Lifecycle!.MoveToColdStorageAfterDays} days) was reached at {Instants.Format(moveAt)}.",
                due.DeleteAt);
        }

        return coldAt is DateTimeOffset pending
            ? Keep($"It moves to cold storage at {Instants.Format(pending)}.", pending)
            : due.DeleteAt is DateTimeOffset later
                ? Keep($"It is retained until {Instants.Format(later)}.", later)
                : Keep("Its lifecycle never expires it.", null);
    }

    private static LifecycleDecision DecideDeletion(
        RecoveryPointLifecycleState point, VaultLockRetention? vaultLock, DateTimeOffset deleteAt, DateTimeOffset now)
    {
        string ended = $"Its retention of {point.Lifecycle!.DeleteAfterDays} days ended at {Instants.Format(deleteAt)}";
        if (vaultLock?.MinRetentionDays is long minDays && point.CreationDate.AddDays(minDays) is var lockedUntil && now < lockedUntil)
        {
            return Keep(
                $"{ended}, but the vault lock's minimum retention of {minDays} days protects it until {Instants.Format(lockedUntil)}.",
                lockedUntil);
        }

        return new LifecycleDecision(LifecycleAction.Delete, $"{ended}.", null);
    }

    private static LifecycleDecision Keep(string reason, DateTimeOffset? reviewAt) => new(LifecycleAction.Keep, reason, reviewAt);
}
