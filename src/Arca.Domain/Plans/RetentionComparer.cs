namespace Arca.Domain.Plans;

/// <summary>
/// Orders lifecycles by how long they keep a recovery point, shortest first, for "the rule with the
/// longer retention" (AWS's rule when backups overlap). First by DeleteAfterDays, where null (never
/// expire, including a null lifecycle) is longer than any number of days; on a tie, by
/// MoveToColdStorageAfterDays, where staying warm longer (a larger number, or null = never cold)
/// counts as longer. Stateless and thread-safe.
/// </summary>
public sealed class RetentionComparer : IComparer<Lifecycle?>
{
    private RetentionComparer()
    {
    }

    /// <summary>The single instance.</summary>
    public static RetentionComparer Instance { get; } = new();

    /// <inheritdoc />
    public int Compare(Lifecycle? x, Lifecycle? y)
    {
        int byDeletion = CompareDays(x?.DeleteAfterDays, y?.DeleteAfterDays);
        return byDeletion != 0 ? byDeletion : CompareDays(x?.MoveToColdStorageAfterDays, y?.MoveToColdStorageAfterDays);
    }

    /// <summary>Null means "never", which is longer than any number of days.</summary>
    private static int CompareDays(long? x, long? y)
    {
        return (x, y) switch
        {
            (null, null) => 0,
            (null, _) => 1,
            (_, null) => -1,
            _ => x.Value.CompareTo(y.Value),
        };
    }
}
