namespace Arca.Control.Backup.RecoveryPoints;

/// <summary>What one lifecycle sweep did.</summary>
/// <param name="MovedToCold">Recovery points moved to cold storage.</param>
/// <param name="Deleted">Recovery points deleted (expired, or DELETING ones finished).</param>
/// <param name="Deferred">Deletions left DELETING because the engine was busy (the next sweep retries).</param>
/// <param name="Collected">Vaults whose garbage collection ran.</param>
/// <param name="Failures">Vaults the sweep could not process (their key unusable, their storage unreadable…), logged.</param>
public sealed record LifecycleSweepReport(int MovedToCold = 0, int Deleted = 0, int Deferred = 0, int Collected = 0, int Failures = 0)
{
    public LifecycleSweepReport Add(LifecycleSweepReport other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(MovedToCold + other.MovedToCold, Deleted + other.Deleted, Deferred + other.Deferred, Collected + other.Collected, Failures + other.Failures);
    }
}
