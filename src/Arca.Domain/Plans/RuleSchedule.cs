using Arca.Domain.Scheduling;

namespace Arca.Domain.Plans;

/// <summary>
/// A backup rule's schedule ready to evaluate: its cron expression, its time zone and its windows,
/// with AWS's defaults for whatever the rule omits. Immutable and thread-safe.
/// </summary>
/// <param name="Cron">The parsed ScheduleExpression.</param>
/// <param name="TimeZone">The resolved ScheduleExpressionTimezone.</param>
/// <param name="StartWindowMinutes">Minutes from the scheduled time to StartBy.</param>
/// <param name="CompletionWindowMinutes">Minutes from the scheduled time to the completion deadline.</param>
public sealed record RuleSchedule(CronExpression Cron, TimeZoneInfo TimeZone, long StartWindowMinutes, long CompletionWindowMinutes)
{
    /// <summary>The schedule of a rule that passed <see cref="BackupPlanValidator"/>.</summary>
    /// <exception cref="ArgumentException">The rule's expression or time zone is invalid (validate first).</exception>
    public static RuleSchedule For(BackupRuleInput rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        string expression = rule.ScheduleExpression ?? BackupPlanDefaults.ScheduleExpression;
        string zone = rule.ScheduleExpressionTimezone ?? BackupPlanDefaults.ScheduleExpressionTimezone;
        if (!CronExpression.TryParse(expression, out CronExpression? cron, out string? error))
        {
            throw new ArgumentException($"ScheduleExpression: {error}", nameof(rule));
        }

        if (!ScheduleTimeZones.TryFind(zone, out TimeZoneInfo? timeZone))
        {
            throw new ArgumentException($"ScheduleExpressionTimezone: '{zone}' is not a known IANA time zone", nameof(rule));
        }

        return new RuleSchedule(
            cron,
            timeZone,
            rule.StartWindowMinutes ?? BackupPlanDefaults.StartWindowMinutes,
            rule.CompletionWindowMinutes ?? BackupPlanDefaults.CompletionWindowMinutes);
    }

    /// <summary>The first scheduled time strictly after <paramref name="after"/>; see <see cref="CronExpression.NextOccurrence"/>.</summary>
    public DateTimeOffset? NextOccurrence(DateTimeOffset after) => Cron.NextOccurrence(after, TimeZone);

    /// <summary>Scheduled times in (<paramref name="from"/>, <paramref name="to"/>]; see <see cref="CronExpression.Occurrences"/>.</summary>
    public IEnumerable<DateTimeOffset> Occurrences(DateTimeOffset from, DateTimeOffset to) => Cron.Occurrences(from, to, TimeZone);

    /// <summary>The window of the backup scheduled at <paramref name="scheduledAt"/>.</summary>
    public BackupWindow WindowAt(DateTimeOffset scheduledAt) => BackupWindow.For(scheduledAt, StartWindowMinutes, CompletionWindowMinutes);
}
