using Arca.Domain.Plans;

namespace Arca.Domain.Tests.Plans;

public sealed class BackupPlanDefaultsTests
{
    private static Func<string> Ids()
    {
        int next = 0;
        return () => $"00000000-0000-0000-0000-{++next:D12}";
    }

    [Fact]
    public void Defaults_are_filled_in_as_GetBackupPlan_returns_them()
    {
        Assert.True(BackupPlanJson.TryParse(GoldenFile.Read("minimal-plan.input.json"), out BackupPlanInput? plan, out BackupPlanError? error), error?.Message);
        Assert.Null(BackupPlanValidator.Validate(plan));
        BackupPlanInput filled = BackupPlanDefaults.WithDefaults(plan, Ids());
        Assert.Null(BackupPlanValidator.Validate(filled));
        GoldenFile.AssertMatches("minimal-plan.with-defaults.json", BackupPlanJson.Write(filled));
    }

    [Fact]
    public void The_default_rule_is_daily_at_05_00_UTC_with_8_hours_to_start_and_7_days_to_complete()
    {
        BackupPlanInput plan = new() { BackupPlanName = "p", Rules = [new BackupRuleInput { RuleName = "r", TargetBackupVaultName = "vv" }] };
        BackupRuleInput rule = Assert.Single(BackupPlanDefaults.WithDefaults(plan, Ids()).Rules!);
        Assert.Equal("cron(0 5 ? * * *)", rule.ScheduleExpression);
        Assert.Equal("Etc/UTC", rule.ScheduleExpressionTimezone);
        Assert.Equal(480, rule.StartWindowMinutes);
        Assert.Equal(10_080, rule.CompletionWindowMinutes);
        Assert.Equal("00000000-0000-0000-0000-000000000001", rule.RuleId);
        Assert.Null(rule.Lifecycle);
        Assert.Null(rule.EnableContinuousBackup);
    }

    [Fact]
    public void Applying_defaults_twice_changes_nothing_and_asks_for_no_new_ids()
    {
        BackupPlanInput plan = new() { BackupPlanName = "p", Rules = [new BackupRuleInput { RuleName = "r", TargetBackupVaultName = "vv" }] };
        BackupPlanInput once = BackupPlanDefaults.WithDefaults(plan, Ids());
        BackupPlanInput twice = BackupPlanDefaults.WithDefaults(once, () => throw new InvalidOperationException("no new id expected"));
        Assert.Equal(BackupPlanJson.Write(once), BackupPlanJson.Write(twice));
    }

    [Fact]
    public void A_plan_without_rules_is_returned_as_is()
    {
        var plan = new BackupPlanInput { BackupPlanName = "p" };
        Assert.Same(plan, BackupPlanDefaults.WithDefaults(plan, Ids()));
    }
}
