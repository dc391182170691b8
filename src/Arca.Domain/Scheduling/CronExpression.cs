using System.Diagnostics.CodeAnalysis;

namespace Arca.Domain.Scheduling;

/// <summary>
/// An AWS cron schedule expression, <c>cron(minutes hours day-of-month month day-of-week year)</c>,
/// as EventBridge and AWS Backup define it: six fields; exactly one of day-of-month and
/// day-of-week is <c>?</c>; values, ranges <c>a-b</c>, lists <c>,</c>, increments <c>a/b</c>,
/// <c>*/b</c> and <c>a-b/c</c>; month names JAN–DEC; day names SUN–SAT with 1 = Sunday … 7 =
/// Saturday; <c>L</c>, <c>LW</c> and <c>nW</c> in day-of-month; <c>L</c> (Saturday), <c>nL</c> and
/// <c>n#k</c> in day-of-week; years 1970–2199.
/// </summary>
/// <remarks>
/// <para>Instances are immutable and thread-safe. Occurrences are whole minutes (seconds zero).</para>
/// <para>
/// Time zones follow EventBridge Scheduler's documented daylight-saving behaviour: the expression is
/// matched against the local wall clock of the zone; a local time that does not exist (skipped by a
/// spring-forward change, e.g. 02:30 in Europe/Berlin on the last Sunday of March) does not fire
/// that day; a local time that occurs twice (fall-back) fires once, at its first occurrence (the
/// daylight-saving offset).
/// </para>
/// <para>
/// <c>L</c>, <c>W</c> and <c>#</c> take a single value: they cannot be combined with lists, ranges
/// or increments (AWS: "3#1,6#3" is invalid). Ranges do not wrap around (<c>FRI-MON</c> is refused).
/// Fields may be separated by runs of whitespace.
/// </para>
/// </remarks>
public sealed class CronExpression
{
    private readonly CronValueSet _minutes;
    private readonly CronValueSet _hours;
    private readonly DaySelector _days;
    private readonly CronValueSet _months;
    private readonly CronValueSet _years;

    internal CronExpression(
        string expression, CronValueSet minutes, CronValueSet hours, DaySelector days, CronValueSet months, CronValueSet years)
    {
        Expression = expression;
        _minutes = minutes;
        _hours = hours;
        _days = days;
        _months = months;
        _years = years;
    }

    /// <summary>The expression text exactly as parsed.</summary>
    public string Expression { get; }

    /// <summary>
    /// True when the minutes field selects more than one minute, i.e. the schedule fires more than
    /// once in some hour. AWS Backup refuses such schedules ("The interval between backup jobs
    /// shouldn't be less than 60 minutes."). A single-minute schedule never fires twice within 60
    /// minutes of wall-clock time (zones whose daylight-saving shift is not a whole hour aside).
    /// </summary>
    public bool FiresMoreThanOncePerHour => _minutes.Count > 1;

    /// <summary>Parses an expression or throws.</summary>
    /// <exception cref="FormatException">The text is not a valid AWS cron expression; the message
    /// starts with "ScheduleExpression: " and names the field, e.g.
    /// "ScheduleExpression: day-of-week field '8' is out of range 1-7".</exception>
    public static CronExpression Parse(string expression)
    {
        return TryParse(expression, out CronExpression? cron, out string? error)
            ? cron
            : throw new FormatException($"ScheduleExpression: {error}");
    }

    /// <summary>
    /// Parses an expression. On failure <paramref name="error"/> is one sentence naming the field and
    /// the offending text, without a field-path prefix (e.g. "day-of-week field '8' is out of range 1-7").
    /// Never throws; input longer than 256 characters is refused.
    /// </summary>
    public static bool TryParse(
        string? expression, [NotNullWhen(true)] out CronExpression? cron, [NotNullWhen(false)] out string? error)
    {
        return CronParser.TryParse(expression, out cron, out error);
    }

    /// <summary>
    /// The first occurrence strictly after <paramref name="after"/>, evaluated on the wall clock of
    /// <paramref name="timeZone"/>, or null when the expression never fires again (past year 2199,
    /// or a date such as 30 February). Cost is bounded by the number of matching months scanned, not
    /// by minutes: a yearly or leap-day schedule is found in a few dozen steps.
    /// </summary>
    public DateTimeOffset? NextOccurrence(DateTimeOffset after, TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(timeZone);
        DateTime local = TimeZoneInfo.ConvertTime(after, timeZone).DateTime;
        DateTime candidate = new DateTime(local.Year, local.Month, local.Day, local.Hour, local.Minute, 0, DateTimeKind.Unspecified)
            .AddMinutes(1);
        while (NextWallTime(candidate) is DateTime wall)
        {
            if (TryResolve(wall, timeZone, out DateTimeOffset instant) && instant > after)
            {
                return instant;
            }

            candidate = wall.AddMinutes(1);
        }

        return null;
    }

    /// <summary>
    /// Occurrences in the half-open interval (<paramref name="from"/>, <paramref name="to"/>], in
    /// order: the shape a scheduler needs to ask "what fired since my last tick, up to now". Lazy.
    /// </summary>
    public IEnumerable<DateTimeOffset> Occurrences(DateTimeOffset from, DateTimeOffset to, TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(timeZone);
        return Enumerate(from, to, timeZone);
    }

    /// <inheritdoc />
    public override string ToString() => Expression;

    private IEnumerable<DateTimeOffset> Enumerate(DateTimeOffset from, DateTimeOffset to, TimeZoneInfo timeZone)
    {
        DateTimeOffset cursor = from;
        while (NextOccurrence(cursor, timeZone) is DateTimeOffset next && next <= to)
        {
            yield return next;
            cursor = next;
        }
    }

    /// <summary>Maps a wall-clock time to its instant: none in a gap, the first one when ambiguous.</summary>
    private static bool TryResolve(DateTime wall, TimeZoneInfo timeZone, out DateTimeOffset instant)
    {
        instant = default;
        if (timeZone.IsInvalidTime(wall))
        {
            return false;
        }

        TimeSpan offset = timeZone.IsAmbiguousTime(wall)
            ? timeZone.GetAmbiguousTimeOffsets(wall).Max()
            : timeZone.GetUtcOffset(wall);
        instant = new DateTimeOffset(wall, offset);
        return true;
    }

    /// <summary>The first matching wall-clock minute at or after <paramref name="start"/>.</summary>
    private DateTime? NextWallTime(DateTime start)
    {
        for (int year = _years.NextAtOrAfter(start.Year); year != -1; year = _years.NextAtOrAfter(year + 1))
        {
            bool sameYear = year == start.Year;
            for (int month = _months.NextAtOrAfter(sameYear ? start.Month : 1); month != -1; month = _months.NextAtOrAfter(month + 1))
            {
                bool sameMonth = sameYear && month == start.Month;
                if (NextInMonth(year, month, sameMonth ? start : null) is DateTime found)
                {
                    return found;
                }
            }
        }

        return null;
    }

    private DateTime? NextInMonth(int year, int month, DateTime? bound)
    {
        uint days = _days.DaysIn(year, month);
        for (int day = bound?.Day ?? 1; day <= 31; day++)
        {
            if ((days & (1u << day)) == 0)
            {
                continue;
            }

            DateTime? dayBound = bound is DateTime b && b.Day == day ? b : null;
            int hour = _hours.NextAtOrAfter(dayBound?.Hour ?? 0);
            while (hour != -1)
            {
                int minute = _minutes.NextAtOrAfter(dayBound is DateTime db && db.Hour == hour ? db.Minute : 0);
                if (minute != -1)
                {
                    return new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
                }

                hour = _hours.NextAtOrAfter(hour + 1);
            }
        }

        return null;
    }
}
