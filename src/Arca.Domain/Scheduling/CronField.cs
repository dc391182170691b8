namespace Arca.Domain.Scheduling;

/// <summary>
/// One field of an AWS cron expression: its name as used in error messages, its value range and
/// its optional names (month JAN–DEC = 1–12, day-of-week SUN–SAT = 1–7).
/// </summary>
internal sealed record CronField(string Name, int Min, int Max, string[]? Names = null)
{
    public static readonly CronField Minutes = new("minutes", 0, 59);

    public static readonly CronField Hours = new("hours", 0, 23);

    public static readonly CronField DayOfMonth = new("day-of-month", 1, 31);

    public static readonly CronField Month = new(
        "month", 1, 12, ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]);

    public static readonly CronField DayOfWeek = new("day-of-week", 1, 7, ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"]);

    public static readonly CronField Year = new("year", 1970, 2199);

    /// <summary>Number of values in the field's range.</summary>
    public int Span => Max - Min + 1;

    /// <summary>Builds the error text "{name} field '{token}' {problem}".</summary>
    public string Error(string token, string problem) => $"{Name} field '{token}' {problem}";

    public string OutOfRange(string token) => Error(token, $"is out of range {Min}-{Max}");
}
