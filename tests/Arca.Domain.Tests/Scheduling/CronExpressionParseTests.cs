using Arca.Domain.Scheduling;

namespace Arca.Domain.Tests.Scheduling;

public sealed class CronExpressionParseTests
{
    [Theory]
    [InlineData("cron(0 5 ? * * *)")]
    [InlineData("cron(0 5 ? * 2-6 *)")]
    [InlineData("cron(0 0/1 ? * * *)")]
    [InlineData("cron(0 5 ? * 1,3,5 *)")]
    [InlineData("cron(15 * ? * * *)")]
    [InlineData("cron(0 12 * * ? *)")]
    [InlineData("cron(0 18 ? * MON-FRI *)")]
    [InlineData("cron(0 8 1 * ? *)")]
    [InlineData("cron(0/15 * * * ? *)")]
    [InlineData("cron(0/5 8-17 ? * MON-FRI *)")]
    [InlineData("cron(0 0 L * ? *)")]
    [InlineData("cron(0 0 LW * ? *)")]
    [InlineData("cron(0 0 15W * ? *)")]
    [InlineData("cron(0 0 ? * 3#2 *)")]
    [InlineData("cron(0 0 ? * TUE#2 *)")]
    [InlineData("cron(0 0 ? * 6L *)")]
    [InlineData("cron(0 0 ? * FRIL *)")]
    [InlineData("cron(0 0 ? * WEDL *)")]
    [InlineData("cron(0 0 ? * L *)")]
    [InlineData("cron(0 0 ? jan,Jul sun *)")]
    [InlineData("cron(0 0 1 JAN-MAR/2 ? 2024-2030/2)")]
    [InlineData("cron(0 0 29 2 ? *)")]
    [InlineData("cron(59 23 31 12 ? 2199)")]
    [InlineData("cron(0 0 1 1 ? 1970)")]
    [InlineData("cron(0  5 ? *  * *)")]
    public void Valid_expressions_parse(string text)
    {
        Assert.True(CronExpression.TryParse(text, out CronExpression? cron, out string? error), error);
        Assert.Equal(text, cron.Expression);
        Assert.Equal(text, cron.ToString());
    }

    [Theory]
    [InlineData("cron(0 5 ? * 8 *)", "day-of-week field '8' is out of range 1-7")]
    [InlineData("cron(0 5 ? * 0 *)", "day-of-week field '0' is out of range 1-7")]
    [InlineData("cron(60 5 ? * * *)", "minutes field '60' is out of range 0-59")]
    [InlineData("cron(0 24 ? * * *)", "hours field '24' is out of range 0-23")]
    [InlineData("cron(0 5 32 * ? *)", "day-of-month field '32' is out of range 1-31")]
    [InlineData("cron(0 5 0 * ? *)", "day-of-month field '0' is out of range 1-31")]
    [InlineData("cron(0 5 ? 13 * *)", "month field '13' is out of range 1-12")]
    [InlineData("cron(0 5 ? * * 1969)", "year field '1969' is out of range 1970-2199")]
    [InlineData("cron(0 5 ? * * 2200)", "year field '2200' is out of range 1970-2199")]
    [InlineData("cron(99999999999 5 ? * * *)", "minutes field '99999999999' is out of range 0-59")]
    [InlineData("cron(0/0 5 ? * * *)", "minutes field '0/0' has increment '0'; increments must be between 1 and 60")]
    [InlineData("cron(0/61 5 ? * * *)", "minutes field '0/61' has increment '61'; increments must be between 1 and 60")]
    [InlineData("cron(0/x 5 ? * * *)", "minutes field '0/x' has increment 'x'; increments must be between 1 and 60")]
    [InlineData("cron(0/5/2 5 ? * * *)", "minutes field '0/5/2' has increment '5/2'; increments must be between 1 and 60")]
    [InlineData("cron(/5 5 ? * * *)", "minutes field '/5' is not a valid value")]
    [InlineData("cron(-5 5 ? * * *)", "minutes field '-5' is not a valid value")]
    [InlineData("cron(0,,5 5 ? * * *)", "minutes field '0,,5' has an empty list element")]
    [InlineData("cron(0, 5 ? * * *)", "minutes field '0,' has an empty list element")]
    [InlineData("cron(? 5 ? * * *)", "minutes field '?' is not allowed; '?' is only valid in the day-of-month and day-of-week fields")]
    [InlineData("cron(0 5 ? * MOO *)", "day-of-week field 'MOO' is not a valid value")]
    [InlineData("cron(0 5 ? JANUARY * *)", "month field 'JANUARY' is not a valid value")]
    [InlineData("cron(0 5 ? * FRI-MON *)", "day-of-week field 'FRI-MON' has a range whose start 6 is after its end 2")]
    [InlineData("cron(0 5 * * * *)", "one of the day-of-month and day-of-week fields must be '?'; they cannot both select days")]
    [InlineData("cron(0 5 1 * 2 *)", "one of the day-of-month and day-of-week fields must be '?'; they cannot both select days")]
    [InlineData("cron(0 5 ? * ? *)", "day-of-month and day-of-week fields cannot both be '?'; one of them must select days")]
    [InlineData("cron(0 5 ? * 3#1,6#3 *)", "day-of-week field '3#1,6#3' uses '#' in a list; '#' must be the only element of the day-of-week field")]
    [InlineData("cron(0 5 ? * 3#6 *)", "day-of-week field '3#6' has occurrence '6'; the number after '#' must be between 1 and 5")]
    [InlineData("cron(0 5 ? * 3#0 *)", "day-of-week field '3#0' has occurrence '0'; the number after '#' must be between 1 and 5")]
    [InlineData("cron(0 5 ? * 2-3#1 *)", "day-of-week field '2-3#1' combines '#' with a list, range or increment; '#' takes a single value")]
    [InlineData("cron(0 5 ? * 8L *)", "day-of-week field '8' is out of range 1-7")]
    [InlineData("cron(0 5 1W,15W * ? *)", "day-of-month field '1W,15W' combines 'W' with a list, range or increment; 'W' takes a single value")]
    [InlineData("cron(0 5 32W * ? *)", "day-of-month field '32' is out of range 1-31")]
    [InlineData("cron(0 5 L-3 * ? *)", "day-of-month field 'L-3' uses 'L' with other values; write L or LW alone")]
    [InlineData("cron(0 5 ? * * * *)", "expected 6 fields (minutes hours day-of-month month day-of-week year) but found 7")]
    [InlineData("cron(0 5 ? * *)", "expected 6 fields (minutes hours day-of-month month day-of-week year) but found 5")]
    [InlineData("cron()", "expected 6 fields (minutes hours day-of-month month day-of-week year) but found 0")]
    [InlineData("cron(     )", "expected 6 fields (minutes hours day-of-month month day-of-week year) but found 0")]
    [InlineData("", "expression is empty; expected cron(minutes hours day-of-month month day-of-week year)")]
    [InlineData(null, "expression is empty; expected cron(minutes hours day-of-month month day-of-week year)")]
    [InlineData("0 5 ? * * *", "'0 5 ? * * *' is not a cron expression; expected cron(minutes hours day-of-month month day-of-week year)")]
    [InlineData("cron(0 5 ? * * *", "'cron(0 5 ? * * *' is not a cron expression; expected cron(minutes hours day-of-month month day-of-week year)")]
    [InlineData("CRON(0 5 ? * * *)", "'CRON(0 5 ? * * *)' is not a cron expression; expected cron(minutes hours day-of-month month day-of-week year)")]
    [InlineData("rate(1 hour)", "rate expressions are not supported for backup rules; use cron(minutes hours day-of-month month day-of-week year)")]
    public void Invalid_expressions_name_the_field_and_the_problem(string? text, string expected)
    {
        Assert.False(CronExpression.TryParse(text, out CronExpression? cron, out string? error));
        Assert.Null(cron);
        Assert.Equal(expected, error);
    }

    [Fact]
    public void Parse_prefixes_the_message_with_ScheduleExpression()
    {
        var ex = Assert.Throws<FormatException>(() => CronExpression.Parse("cron(0 5 ? * 8 *)"));
        Assert.Equal("ScheduleExpression: day-of-week field '8' is out of range 1-7", ex.Message);
    }

    [Fact]
    public void A_huge_list_is_refused_by_length_before_it_is_parsed()
    {
        string minutes = string.Join(",", Enumerable.Repeat("1", 5000));
        Assert.False(CronExpression.TryParse($"cron({minutes} 5 ? * * *)", out _, out string? error));
        Assert.Equal("expression is longer than 256 characters", error);
    }

    [Fact]
    public void A_long_list_within_the_length_limit_parses_and_dedupes_values()
    {
        string minutes = string.Join(",", Enumerable.Repeat("7", 100));
        CronExpression cron = CronExpression.Parse($"cron({minutes} 5 ? * * *)");
        Assert.False(cron.FiresMoreThanOncePerHour);
    }

    [Theory]
    [InlineData("cron(0 5 ? * * *)", false)]
    [InlineData("cron(0 0/1 ? * * *)", false)]
    [InlineData("cron(15 * ? * * *)", false)]
    [InlineData("cron(0/60 * ? * * *)", false)]
    [InlineData("cron(0/30 * ? * * *)", true)]
    [InlineData("cron(0,30 5 ? * * *)", true)]
    [InlineData("cron(* 5 ? * * *)", true)]
    [InlineData("cron(0-1 5 ? * * *)", true)]
    public void Only_schedules_with_more_than_one_minute_fire_more_than_once_per_hour(string text, bool expected)
    {
        Assert.Equal(expected, CronExpression.Parse(text).FiresMoreThanOncePerHour);
    }
}
