using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Arca.Domain.Scheduling;

/// <summary>
/// Parses AWS (EventBridge) cron expressions into a <see cref="CronExpression"/>. Every failure is
/// reported as one sentence naming the field and the offending text, without the
/// "ScheduleExpression" prefix (callers add the field path they validate).
/// </summary>
internal static class CronParser
{
    /// <summary>Longest accepted expression, as EventBridge's ScheduleExpression limit (256).</summary>
    public const int MaxLength = 256;

    private const string Shape = "cron(minutes hours day-of-month month day-of-week year)";

    public static bool TryParse(
        string? text, [NotNullWhen(true)] out CronExpression? cron, [NotNullWhen(false)] out string? error)
    {
        cron = null;
        if (!TrySplit(text, out string[]? f, out error)
            || !TryParseSet(CronField.Minutes, f[0], out CronValueSet? minutes, out error)
            || !TryParseSet(CronField.Hours, f[1], out CronValueSet? hours, out error)
            || !CronDayParser.TryParseDayOfMonth(f[2], out DaySelector? dayOfMonth, out error)
            || !TryParseSet(CronField.Month, f[3], out CronValueSet? months, out error)
            || !CronDayParser.TryParseDayOfWeek(f[4], out DaySelector? dayOfWeek, out error)
            || !TryParseSet(CronField.Year, f[5], out CronValueSet? years, out error)
            || !TryChooseDays(dayOfMonth, dayOfWeek, out DaySelector? days, out error))
        {
            return false;
        }

        cron = new CronExpression(text!, minutes, hours, days, months, years);
        return true;
    }

    private static bool TrySplit(
        string? text, [NotNullWhen(true)] out string[]? fields, [NotNullWhen(false)] out string? error)
    {
        fields = null;
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = $"expression is empty; expected {Shape}";
        }
        else if (text.Length > MaxLength)
        {
            error = $"expression is longer than {MaxLength} characters";
        }
        else if (text.StartsWith("rate(", StringComparison.Ordinal))
        {
            error = $"rate expressions are not supported for backup rules; use {Shape}";
        }
        else if (!text.StartsWith("cron(", StringComparison.Ordinal) || !text.EndsWith(')'))
        {
            error = $"'{text}' is not a cron expression; expected {Shape}";
        }
        else
        {
            fields = text[5..^1].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length != 6)
            {
                error = $"expected 6 fields (minutes hours day-of-month month day-of-week year) but found {fields.Length}";
            }
        }

        return error is null;
    }

    private static bool TryChooseDays(
        DaySelector? dayOfMonth, DaySelector? dayOfWeek, [NotNullWhen(true)] out DaySelector? days, [NotNullWhen(false)] out string? error)
    {
        days = dayOfMonth ?? dayOfWeek;
        error = (dayOfMonth, dayOfWeek) switch
        {
            (null, null) => "day-of-month and day-of-week fields cannot both be '?'; one of them must select days",
            (not null, not null) => "one of the day-of-month and day-of-week fields must be '?'; they cannot both select days",
            _ => null,
        };
        return error is null;
    }

    internal static bool TryParseSet(
        CronField field, string text, [NotNullWhen(true)] out CronValueSet? set, [NotNullWhen(false)] out string? error)
    {
        set = null;
        error = null;
        if (text == "?")
        {
            error = field.Error(text, "is not allowed; '?' is only valid in the day-of-month and day-of-week fields");
            return false;
        }

        var values = new CronValueSet(field.Min, field.Max);
        foreach (string element in text.Split(','))
        {
            if (element.Length == 0)
            {
                error = field.Error(text, "has an empty list element");
                return false;
            }

            if (!TryAddElement(field, element, values, out error))
            {
                return false;
            }
        }

        set = values;
        return true;
    }

    /// <summary>Adds one list element: <c>*</c>, <c>a</c>, <c>a-b</c>, each optionally followed by <c>/step</c>.</summary>
    private static bool TryAddElement(CronField field, string element, CronValueSet set, [NotNullWhen(false)] out string? error)
    {
        int slash = element.IndexOf('/', StringComparison.Ordinal);
        string range = slash < 0 ? element : element[..slash];
        int step = 1;
        if (slash >= 0 && !TryParseIncrement(field, element, element[(slash + 1)..], out step, out error))
        {
            return false;
        }

        int from = field.Min;
        int to = field.Max;
        int dash = range.IndexOf('-', StringComparison.Ordinal);
        if (range != "*" && dash < 0)
        {
            if (!TryParseValue(field, range, element, out from, out error))
            {
                return false;
            }

            to = slash < 0 ? from : field.Max;
        }
        else if (range != "*")
        {
            if (!TryParseValue(field, range[..dash], element, out from, out error)
                || !TryParseValue(field, range[(dash + 1)..], element, out to, out error))
            {
                return false;
            }

            if (from > to)
            {
                error = field.Error(element, $"has a range whose start {from} is after its end {to}");
                return false;
            }
        }

        set.AddRange(from, to, step);
        error = null;
        return true;
    }

    private static bool TryParseIncrement(
        CronField field, string element, string token, out int step, [NotNullWhen(false)] out string? error)
    {
        step = 0;
        error = null;
        bool digits = token.Length is > 0 and <= 9 && token.All(char.IsAsciiDigit);
        if (!digits || !int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out step)
            || step < 1 || step > field.Span)
        {
            error = field.Error(element, $"has increment '{token}'; increments must be between 1 and {field.Span}");
        }

        return error is null;
    }

    internal static bool TryParseValue(
        CronField field, string token, string element, out int value, [NotNullWhen(false)] out string? error)
    {
        value = 0;
        error = null;
        if (token.Length > 0 && token.All(char.IsAsciiDigit))
        {
            bool parsed = token.Length <= 9
                && int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out value);
            if (!parsed || value < field.Min || value > field.Max)
            {
                error = field.OutOfRange(token);
            }

            return error is null;
        }

        int index = field.Names is null ? -1 : Array.FindIndex(field.Names, n => n.Equals(token, StringComparison.OrdinalIgnoreCase));
        if (index < 0)
        {
            error = field.Error(token.Length == 0 ? element : token, "is not a valid value");
            return false;
        }

        value = field.Min + index;
        return true;
    }

    internal static CronValueSet SingleValue(CronField field, int value)
    {
        var set = new CronValueSet(field.Min, field.Max);
        set.Add(value);
        return set;
    }
}
