using System.Diagnostics.CodeAnalysis;

namespace Arca.Domain.Scheduling;

/// <summary>
/// Parses the day-of-month and day-of-week fields of an AWS cron expression, including their
/// special characters: <c>?</c>, <c>L</c>, <c>LW</c>, <c>nW</c> (day-of-month) and <c>L</c>,
/// <c>nL</c>, <c>n#k</c> (day-of-week). A <c>?</c> field yields a null selector.
/// </summary>
internal static class CronDayParser
{
    public static bool TryParseDayOfMonth(
        string text, out DaySelector? days, [NotNullWhen(false)] out string? error)
    {
        CronField field = CronField.DayOfMonth;
        days = null;
        error = null;
        if (text is "?" or "L" or "LW")
        {
            days = text switch
            {
                "L" => new DaySelector(DayRule.LastDayOfMonth),
                "LW" => new DaySelector(DayRule.LastWeekdayOfMonth),
                _ => null,
            };
            return true;
        }

        if (text.Length > 1 && text.EndsWith('W'))
        {
            if (!TryParseSingle(field, text, text[..^1], 'W', out int day, out error))
            {
                return false;
            }

            days = new DaySelector(DayRule.NearestWeekday, Day: day);
            return true;
        }

        if (text.Contains('L', StringComparison.Ordinal))
        {
            error = field.Error(text, "uses 'L' with other values; write L or LW alone");
            return false;
        }

        return TryParseSetSelector(field, text, DayRule.DaysOfMonth, out days, out error);
    }

    public static bool TryParseDayOfWeek(
        string text, out DaySelector? days, [NotNullWhen(false)] out string? error)
    {
        CronField field = CronField.DayOfWeek;
        days = null;
        error = null;
        if (text is "?" or "L")
        {
            days = text == "L" ? new DaySelector(DayRule.DaysOfWeek, CronParser.SingleValue(field, 7)) : null;
            return true;
        }

        if (text.Contains('#', StringComparison.Ordinal))
        {
            return TryParseNthWeekday(text, out days, out error);
        }

        if (text.Length > 1 && text.EndsWith('L'))
        {
            if (!TryParseSingle(field, text, text[..^1], 'L', out int day, out error))
            {
                return false;
            }

            days = new DaySelector(DayRule.LastDayOfWeekInMonth, Day: day);
            return true;
        }

        return TryParseSetSelector(field, text, DayRule.DaysOfWeek, out days, out error);
    }

    private static bool TryParseNthWeekday(
        string text, out DaySelector? days, [NotNullWhen(false)] out string? error)
    {
        CronField field = CronField.DayOfWeek;
        days = null;
        if (text.Contains(',', StringComparison.Ordinal))
        {
            error = field.Error(text, "uses '#' in a list; '#' must be the only element of the day-of-week field");
            return false;
        }

        int hash = text.IndexOf('#', StringComparison.Ordinal);
        string occurrence = text[(hash + 1)..];
        if (!TryParseSingle(field, text, text[..hash], '#', out int day, out error))
        {
            return false;
        }

        if (occurrence.Length is 0 or > 1 || occurrence[0] is < '1' or > '5')
        {
            error = field.Error(text, $"has occurrence '{occurrence}'; the number after '#' must be between 1 and 5");
            return false;
        }

        days = new DaySelector(DayRule.NthDayOfWeekInMonth, Day: day, Occurrence: occurrence[0] - '0');
        return true;
    }

    /// <summary>Parses the single value in front of a W, L or # suffix; lists, ranges and increments are refused.</summary>
    private static bool TryParseSingle(
        CronField field, string text, string token, char suffix, out int value, [NotNullWhen(false)] out string? error)
    {
        value = 0;
        if (token.AsSpan().IndexOfAny(",-/*#") >= 0)
        {
            error = field.Error(text, $"combines '{suffix}' with a list, range or increment; '{suffix}' takes a single value");
            return false;
        }

        return CronParser.TryParseValue(field, token, text, out value, out error);
    }

    private static bool TryParseSetSelector(
        CronField field, string text, DayRule rule, out DaySelector? days, [NotNullWhen(false)] out string? error)
    {
        days = null;
        if (!CronParser.TryParseSet(field, text, out CronValueSet? set, out error))
        {
            return false;
        }

        days = new DaySelector(rule, set);
        return true;
    }
}
