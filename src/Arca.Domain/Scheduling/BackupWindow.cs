namespace Arca.Domain.Scheduling;

/// <summary>
/// The timing of one scheduled (or on-demand) backup: when it was scheduled, by when it must have
/// started (<c>StartBy</c>) and by when it must have completed. Both windows count from the
/// scheduled time: AWS documents that the completion window "begins counting down from when the
/// backup was scheduled. It does not add additional time for StartWindowMinutes". Immutable.
/// </summary>
/// <param name="ScheduledAt">The scheduled time (a rule occurrence, or the request time on demand).</param>
/// <param name="StartBy">ScheduledAt + start window: a job not started by then expires.</param>
/// <param name="CompleteBy">ScheduledAt + completion window: a job not finished by then expires.</param>
public sealed record BackupWindow(DateTimeOffset ScheduledAt, DateTimeOffset StartBy, DateTimeOffset CompleteBy)
{
    /// <summary>Start window when a rule or request gives none: 8 hours.</summary>
    public const long DefaultStartWindowMinutes = 480;

    /// <summary>Smallest start window AWS accepts.</summary>
    public const long MinStartWindowMinutes = 60;

    /// <summary>Largest start or completion window AWS accepts: 100 years.</summary>
    public const long MaxWindowMinutes = 52_560_000;

    /// <summary>Completion window when a rule gives none: 7 days.</summary>
    public const long DefaultCompletionWindowMinutes = 10_080;

    /// <summary>
    /// How much longer than the start window the completion window must be. The AWS API reference
    /// is silent; the widely used Terraform and CDK wrappers of AWS Backup state "must be at least
    /// 60 minutes greater than the start window", and it guarantees a job that starts at the last
    /// moment still has an hour to run. Plan validation enforces it.
    /// </summary>
    public const long CompletionMarginMinutes = 60;

    /// <summary>
    /// Computes the window of a backup scheduled at <paramref name="scheduledAt"/>. Null windows take
    /// the defaults (480 and 10080 minutes).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A window is below 1 minute or above
    /// <see cref="MaxWindowMinutes"/>; validated input never triggers it.</exception>
    public static BackupWindow For(DateTimeOffset scheduledAt, long? startWindowMinutes = null, long? completionWindowMinutes = null)
    {
        long start = startWindowMinutes ?? DefaultStartWindowMinutes;
        long complete = completionWindowMinutes ?? DefaultCompletionWindowMinutes;
        ArgumentOutOfRangeException.ThrowIfLessThan(start, 1, nameof(startWindowMinutes));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start, MaxWindowMinutes, nameof(startWindowMinutes));
        ArgumentOutOfRangeException.ThrowIfLessThan(complete, 1, nameof(completionWindowMinutes));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(complete, MaxWindowMinutes, nameof(completionWindowMinutes));
        return new BackupWindow(scheduledAt, scheduledAt.AddMinutes(start), scheduledAt.AddMinutes(complete));
    }

    /// <summary>
    /// True when the start windows [ScheduledAt, StartBy) of the two backups overlap. AWS: "The
    /// optimization takes into account the full start window, not just when the daily backup is taken."
    /// </summary>
    public bool StartWindowOverlaps(BackupWindow other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return ScheduledAt < other.StartBy && other.ScheduledAt < StartBy;
    }
}
