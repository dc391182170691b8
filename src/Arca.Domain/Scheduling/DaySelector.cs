namespace Arca.Domain.Scheduling;

/// <summary>How the day part of a cron expression picks days of a month.</summary>
internal enum DayRule
{
    /// <summary>Day-of-month values, ranges, lists and increments (<c>1,15</c>, <c>*</c>).</summary>
    DaysOfMonth,

    /// <summary><c>L</c> in day-of-month: the last day of the month.</summary>
    LastDayOfMonth,

    /// <summary><c>LW</c>: the last weekday (Monday–Friday) of the month.</summary>
    LastWeekdayOfMonth,

    /// <summary><c>15W</c>: the weekday nearest to the given day, never leaving the month.</summary>
    NearestWeekday,

    /// <summary>Day-of-week values, ranges and lists (<c>2-6</c>, <c>MON,FRI</c>, <c>L</c> = Saturday).</summary>
    DaysOfWeek,

    /// <summary><c>5L</c> / <c>THUL</c>: the last given weekday of the month.</summary>
    LastDayOfWeekInMonth,

    /// <summary><c>3#2</c>: the n-th given weekday of the month.</summary>
    NthDayOfWeekInMonth,
}

/// <summary>
/// The day part of a cron expression (whichever of day-of-month and day-of-week is not <c>?</c>),
/// answering which days of a given month match. Day-of-week numbering is AWS's: 1 = Sunday … 7 =
/// Saturday. Immutable.
/// </summary>
internal sealed record DaySelector(DayRule Rule, CronValueSet? Values = null, int Day = 0, int Occurrence = 0)
{
    /// <summary>Bit <c>d</c> (1–31) is set when day <c>d</c> of the month matches.</summary>
    public uint DaysIn(int year, int month)
    {
        int daysInMonth = DateTime.DaysInMonth(year, month);
        return Rule switch
        {
            DayRule.DaysOfMonth => Mask(daysInMonth, d => Values!.Contains(d)),
            DayRule.LastDayOfMonth => 1u << daysInMonth,
            DayRule.LastWeekdayOfMonth => 1u << NearestWeekday(year, month, daysInMonth, daysInMonth),
            DayRule.NearestWeekday => Day > daysInMonth ? 0u : 1u << NearestWeekday(year, month, Day, daysInMonth),
            DayRule.DaysOfWeek => Mask(daysInMonth, d => Values!.Contains(AwsDayOfWeek(year, month, d))),
            DayRule.LastDayOfWeekInMonth => LastOfWeekday(year, month, daysInMonth),
            DayRule.NthDayOfWeekInMonth => NthOfWeekday(year, month, daysInMonth),
            _ => 0u,
        };
    }

    /// <summary>AWS numbering of the weekday of a date: 1 = Sunday … 7 = Saturday.</summary>
    internal static int AwsDayOfWeek(int year, int month, int day)
    {
        return (int)new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Unspecified).DayOfWeek + 1;
    }

    private static uint Mask(int daysInMonth, Func<int, bool> matches)
    {
        uint mask = 0;
        for (int d = 1; d <= daysInMonth; d++)
        {
            if (matches(d))
            {
                mask |= 1u << d;
            }
        }

        return mask;
    }

    /// <summary>Quartz/EventBridge "W": Saturday moves to Friday, Sunday to Monday, within the month.</summary>
    private static int NearestWeekday(int year, int month, int day, int daysInMonth)
    {
        return AwsDayOfWeek(year, month, day) switch
        {
            7 => day == 1 ? 3 : day - 1,
            1 => day == daysInMonth ? day - 2 : day + 1,
            _ => day,
        };
    }

    private uint LastOfWeekday(int year, int month, int daysInMonth)
    {
        for (int d = daysInMonth; d > daysInMonth - 7; d--)
        {
            if (AwsDayOfWeek(year, month, d) == Day)
            {
                return 1u << d;
            }
        }

        return 0u;
    }

    private uint NthOfWeekday(int year, int month, int daysInMonth)
    {
        int first = 1;
        while (AwsDayOfWeek(year, month, first) != Day)
        {
            first++;
        }

        int day = first + (7 * (Occurrence - 1));
        return day <= daysInMonth ? 1u << day : 0u;
    }
}
