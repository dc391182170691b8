using Arca.Domain.Plans;

namespace Arca.Domain.Tests.Plans;

public sealed class RuleScheduleTests
{
    [Fact]
    public void A_rule_without_schedule_runs_daily_at_05_00_UTC_with_default_windows()
    {
        RuleSchedule schedule = RuleSchedule.For(new BackupRuleInput { RuleName = "r", TargetBackupVaultName = "vv" });
        DateTimeOffset next = schedule.NextOccurrence(new DateTimeOffset(2024, 5, 1, 6, 0, 0, TimeSpan.Zero))!.Value;
        Assert.Equal(new DateTimeOffset(2024, 5, 2, 5, 0, 0, TimeSpan.Zero), next);
        Assert.Equal(next.AddHours(8), schedule.WindowAt(next).StartBy);
        Assert.Equal(next.AddDays(7), schedule.WindowAt(next).CompleteBy);
    }

    [Fact]
    public void A_rule_runs_in_its_own_time_zone()
    {
        RuleSchedule schedule = RuleSchedule.For(
            new BackupRuleInput { ScheduleExpression = "cron(0 5 ? * * *)", ScheduleExpressionTimezone = "Europe/Berlin", StartWindowMinutes = 60, CompletionWindowMinutes = 180 });
        DateTimeOffset[] fires = schedule.Occurrences(
            new DateTimeOffset(2024, 7, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2024, 7, 2, 0, 0, 0, TimeSpan.Zero)).ToArray();
        Assert.Equal([new DateTimeOffset(2024, 7, 1, 3, 0, 0, TimeSpan.Zero)], fires);
        Assert.Equal(fires[0].AddMinutes(180), schedule.WindowAt(fires[0]).CompleteBy);
    }

    [Fact]
    public void An_invalid_rule_is_a_programming_error_after_validation()
    {
        var ex = Assert.Throws<ArgumentException>(() => RuleSchedule.For(new BackupRuleInput { ScheduleExpression = "cron(0 5 ? * 8 *)" }));
        Assert.StartsWith("ScheduleExpression: day-of-week field '8' is out of range 1-7", ex.Message);
    }
}
