using Arca.Domain.Scheduling;

namespace Arca.Domain.Tests.Scheduling;

public sealed class CronExpressionOccurrenceTests
{
    private static readonly TimeZoneInfo Utc = TimeZoneInfo.Utc;

    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private static DateTimeOffset? Next(string cron, string after) => CronExpression.Parse(cron).NextOccurrence(At(after), Utc);

    [Fact]
    public void Daily_at_05_00_UTC_fires_the_same_day_when_asked_before_05_00()
    {
        Assert.Equal(At("2024-01-01T05:00:00Z"), Next("cron(0 5 ? * * *)", "2024-01-01T00:00:00Z"));
    }

    [Fact]
    public void Next_occurrence_is_strictly_after_the_given_instant()
    {
        Assert.Equal(At("2024-01-02T05:00:00Z"), Next("cron(0 5 ? * * *)", "2024-01-01T05:00:00Z"));
        Assert.Equal(At("2024-01-02T05:00:00Z"), Next("cron(0 5 ? * * *)", "2024-01-01T05:00:30Z"));
        Assert.Equal(At("2024-01-01T05:00:00Z"), Next("cron(0 5 ? * * *)", "2024-01-01T04:59:59.999Z"));
    }

    [Fact]
    public void The_answer_does_not_depend_on_the_offset_the_instant_is_written_in()
    {
        Assert.Equal(At("2024-01-01T05:00:00Z"), Next("cron(0 5 ? * * *)", "2024-01-01T01:00:00+03:00"));
    }

    [Fact]
    public void Weekdays_2_to_6_skip_the_weekend()
    {
        // 2024-03-01 is a Friday; 2 = Monday … 6 = Friday (1 = Sunday).
        Assert.Equal(At("2024-03-04T05:00:00Z"), Next("cron(0 5 ? * 2-6 *)", "2024-03-01T06:00:00Z"));
        Assert.Equal(At("2024-03-04T05:00:00Z"), Next("cron(0 5 ? * MON-FRI *)", "2024-03-01T06:00:00Z"));
    }

    [Fact]
    public void Day_numbers_follow_AWS_with_1_as_Sunday()
    {
        // 2024-03-03 is a Sunday.
        Assert.Equal(At("2024-03-03T00:00:00Z"), Next("cron(0 0 ? * 1 *)", "2024-03-01T00:00:00Z"));
        Assert.Equal(At("2024-03-02T00:00:00Z"), Next("cron(0 0 ? * 7 *)", "2024-03-01T00:00:00Z"));
    }

    [Fact]
    public void Hourly_0_0_slash_1_fires_24_times_a_day()
    {
        var cron = CronExpression.Parse("cron(0 0/1 ? * * *)");
        DateTimeOffset[] fires = cron.Occurrences(At("2024-05-01T00:00:00Z"), At("2024-05-02T00:00:00Z"), Utc).ToArray();
        Assert.Equal(24, fires.Length);
        Assert.Equal(At("2024-05-01T01:00:00Z"), fires[0]);
        Assert.Equal(At("2024-05-02T00:00:00Z"), fires[^1]);
    }

    [Fact]
    public void Occurrences_exclude_the_start_and_include_the_end()
    {
        var cron = CronExpression.Parse("cron(0 5 ? * * *)");
        DateTimeOffset[] fires = cron.Occurrences(At("2024-01-01T05:00:00Z"), At("2024-01-03T05:00:00Z"), Utc).ToArray();
        Assert.Equal([At("2024-01-02T05:00:00Z"), At("2024-01-03T05:00:00Z")], fires);
    }

    [Fact]
    public void Every_15_minutes_with_an_increment()
    {
        var cron = CronExpression.Parse("cron(0/15 * * * ? *)");
        DateTimeOffset[] fires = cron.Occurrences(At("2024-01-01T00:00:00Z"), At("2024-01-01T01:00:00Z"), Utc).ToArray();
        Assert.Equal(4, fires.Length);
        Assert.Equal(At("2024-01-01T00:15:00Z"), fires[0]);
    }

    [Theory]
    [InlineData("2024-02-01T00:00:00Z", "2024-02-29T00:00:00Z")]
    [InlineData("2023-02-01T00:00:00Z", "2023-02-28T00:00:00Z")]
    [InlineData("2024-04-01T00:00:00Z", "2024-04-30T00:00:00Z")]
    public void L_in_day_of_month_is_the_last_day(string after, string expected)
    {
        Assert.Equal(At(expected), Next("cron(0 0 L * ? *)", after));
    }

    [Theory]
    [InlineData("cron(0 0 15W * ? *)", "2024-06-01T00:00:00Z", "2024-06-14T00:00:00Z")] // 15th is a Saturday
    [InlineData("cron(0 0 15W * ? *)", "2024-09-01T00:00:00Z", "2024-09-16T00:00:00Z")] // 15th is a Sunday
    [InlineData("cron(0 0 15W * ? *)", "2024-05-01T00:00:00Z", "2024-05-15T00:00:00Z")] // 15th is a Wednesday
    [InlineData("cron(0 0 1W * ? *)", "2024-05-31T00:00:00Z", "2024-06-03T00:00:00Z")]  // 1st is a Saturday: not back into May
    [InlineData("cron(0 0 31W * ? *)", "2024-03-01T00:00:00Z", "2024-03-29T00:00:00Z")] // 31st is a Sunday: not into April
    [InlineData("cron(0 0 31W * ? *)", "2024-04-01T00:00:00Z", "2024-05-31T00:00:00Z")] // April has no 31st
    public void W_is_the_nearest_weekday_within_the_month(string cron, string after, string expected)
    {
        Assert.Equal(At(expected), Next(cron, after));
    }

    [Theory]
    [InlineData("2024-08-01T00:00:00Z", "2024-08-30T00:00:00Z")] // 31st is a Saturday
    [InlineData("2024-03-01T00:00:00Z", "2024-03-29T00:00:00Z")] // 31st is a Sunday
    [InlineData("2024-07-01T00:00:00Z", "2024-07-31T00:00:00Z")] // 31st is a Wednesday
    public void LW_is_the_last_weekday_of_the_month(string after, string expected)
    {
        Assert.Equal(At(expected), Next("cron(0 0 LW * ? *)", after));
    }

    [Theory]
    [InlineData("cron(0 0 ? * 3#2 *)", "2024-01-01T00:00:00Z", "2024-01-09T00:00:00Z")]   // second Tuesday
    [InlineData("cron(0 0 ? * TUE#2 *)", "2024-01-01T00:00:00Z", "2024-01-09T00:00:00Z")]
    [InlineData("cron(0 0 ? * 2#1 *)", "2024-01-01T00:00:00Z", "2024-02-05T00:00:00Z")]   // first Monday, strictly after Jan 1
    [InlineData("cron(0 0 ? * 2#5 *)", "2024-01-29T00:00:00Z", "2024-04-29T00:00:00Z")]   // months without a fifth Monday are skipped
    [InlineData("cron(0 0 ? * 6L *)", "2024-01-01T00:00:00Z", "2024-01-26T00:00:00Z")]    // last Friday
    [InlineData("cron(0 0 ? * FRIL *)", "2024-01-27T00:00:00Z", "2024-02-23T00:00:00Z")]
    [InlineData("cron(0 0 ? * L *)", "2024-01-01T00:00:00Z", "2024-01-06T00:00:00Z")]     // L alone = Saturday
    public void Hash_and_L_in_day_of_week_pick_one_weekday_of_the_month(string cron, string after, string expected)
    {
        Assert.Equal(At(expected), Next(cron, after));
    }

    [Fact]
    public void Leap_day_schedule_jumps_years_without_scanning_minutes()
    {
        Assert.Equal(At("2028-02-29T00:00:00Z"), Next("cron(0 0 29 2 ? *)", "2024-03-01T00:00:00Z"));
        Assert.Null(Next("cron(0 0 29 2 ? 2025-2027)", "2024-03-01T00:00:00Z"));
    }

    [Fact]
    public void A_date_that_never_exists_has_no_occurrence()
    {
        Assert.Null(Next("cron(0 0 30 2 ? *)", "1970-01-01T00:00:00Z"));
    }

    [Fact]
    public void Years_are_limited_to_1970_through_2199()
    {
        Assert.Equal(At("1970-01-01T00:00:00Z"), Next("cron(0 0 1 1 ? *)", "1960-06-01T00:00:00Z"));
        Assert.Equal(At("2199-01-01T00:00:00Z"), Next("cron(0 0 1 1 ? *)", "2198-06-01T00:00:00Z"));
        Assert.Null(Next("cron(0 0 1 1 ? *)", "2199-01-01T00:00:00Z"));
        Assert.Equal(At("2199-12-31T23:59:00Z"), Next("cron(59 23 31 12 ? 2199)", "2024-01-01T00:00:00Z"));
    }

    [Fact]
    public void A_yearly_schedule_enumerates_two_centuries_quickly()
    {
        var cron = CronExpression.Parse("cron(0 0 1 1 ? *)");
        int count = cron.Occurrences(At("1969-12-31T00:00:00Z"), At("2300-01-01T00:00:00Z"), Utc).Count();
        Assert.Equal(230, count);
    }

    [Fact]
    public void Year_increments_and_month_names_combine()
    {
        var cron = CronExpression.Parse("cron(0 0 1 JAN,JUL ? 2024/2)");
        DateTimeOffset[] fires = cron.Occurrences(At("2024-01-01T00:00:00Z"), At("2027-01-01T00:00:00Z"), Utc).ToArray();
        Assert.Equal([At("2024-07-01T00:00:00Z"), At("2026-01-01T00:00:00Z"), At("2026-07-01T00:00:00Z")], fires);
    }
}
