using Arca.Domain.Plans;

namespace Arca.Domain.Tests.Plans;

public sealed class BackupPlanValidatorTests
{
    private const string CentralVault = "arn:aws:backup:eu-west-1:222222222222:backup-vault:cabvault";

    private static readonly BackupRuleInput Rule = new() { RuleName = "cabrule", TargetBackupVaultName = "cabvault" };

    private static BackupPlanInput Plan(params BackupRuleInput[] rules) => new() { BackupPlanName = "cabplan", Rules = rules };

    private static BackupPlanError Single(BackupPlanInput plan)
    {
        return Assert.Single(BackupPlanValidator.ValidateAll(plan));
    }

    private static void AssertInvalid(BackupRuleInput rule, string path, string problem)
    {
        BackupPlanError error = Single(Plan(rule));
        Assert.Equal(new BackupPlanError(BackupPlanErrorType.InvalidParameterValue, path, problem), error);
        Assert.Equal("InvalidParameterValueException", error.ErrorCode);
        Assert.Equal($"{path}: {problem}", error.Message);
    }

    [Fact]
    public void A_minimal_plan_is_valid()
    {
        Assert.Null(BackupPlanValidator.Validate(Plan(Rule)));
    }

    [Fact]
    public void The_tutorial_plan_with_a_cross_region_copy_is_valid()
    {
        BackupRuleInput rule = Rule with
        {
            ScheduleExpression = "cron(0 5 ? * * *)",
            ScheduleExpressionTimezone = "Europe/Berlin",
            StartWindowMinutes = 480,
            CompletionWindowMinutes = 10_080,
            Lifecycle = new Lifecycle(30, 120),
            RecoveryPointTags = new Dictionary<string, string> { ["owner"] = "backup" },
            CopyActions = [new CopyAction(CentralVault, new Lifecycle(DeleteAfterDays: 365))],
        };
        BackupPlanInput plan = Plan(rule) with
        {
            AdvancedBackupSettings = [new AdvancedBackupSetting("EC2", new Dictionary<string, string> { ["WindowsVSS"] = "enabled" })],
        };
        Assert.Empty(BackupPlanValidator.ValidateAll(plan));
    }

    [Fact]
    public void Missing_plan_name_and_rules_are_missing_parameter_errors()
    {
        IReadOnlyList<BackupPlanError> errors = BackupPlanValidator.ValidateAll(new BackupPlanInput());
        Assert.Equal(
            [
                new BackupPlanError(BackupPlanErrorType.MissingParameterValue, "BackupPlan.BackupPlanName", "is required"),
                new BackupPlanError(BackupPlanErrorType.MissingParameterValue, "BackupPlan.Rules", "is required"),
            ],
            errors);
        Assert.Equal("MissingParameterValueException", errors[0].ErrorCode);
    }

    [Fact]
    public void Validate_reports_the_first_problem_in_document_order()
    {
        BackupPlanError? error = BackupPlanValidator.Validate(new BackupPlanInput { BackupPlanName = "bad name", Rules = [] });
        Assert.Equal("BackupPlan.BackupPlanName: 'bad name' must contain 1 to 50 alphanumeric or '-_.' characters", error?.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("slash/name")]
    [InlineData("ends-with-newline\n")]
    [InlineData("x23456789012345678901234567890123456789012345678901")]
    public void Plan_names_follow_the_AWS_pattern(string name)
    {
        BackupPlanError error = Single(Plan(Rule) with { BackupPlanName = name });
        Assert.Equal("BackupPlan.BackupPlanName", error.Path);
    }

    [Fact]
    public void A_plan_needs_at_least_one_rule()
    {
        Assert.Equal(
            new BackupPlanError(BackupPlanErrorType.InvalidParameterValue, "BackupPlan.Rules", "must contain at least one rule"),
            Single(Plan()));
    }

    [Fact]
    public void Rule_names_are_unique_within_a_plan_and_case_sensitive()
    {
        Assert.Equal(
            "BackupPlan.Rules[2].RuleName: rule name 'cabrule' is already used by BackupPlan.Rules[0]; rule names must be unique within a plan",
            Single(Plan(Rule, Rule with { RuleName = "CabRule" }, Rule)).Message);
    }

    [Fact]
    public void Missing_rule_members_name_the_rule_index()
    {
        Assert.Equal(
            [
                new BackupPlanError(BackupPlanErrorType.MissingParameterValue, "BackupPlan.Rules[1].RuleName", "is required"),
                new BackupPlanError(BackupPlanErrorType.MissingParameterValue, "BackupPlan.Rules[1].TargetBackupVaultName", "is required"),
            ],
            BackupPlanValidator.ValidateAll(Plan(Rule, new BackupRuleInput())));
    }

    [Fact]
    public void Vault_names_need_two_characters()
    {
        AssertInvalid(
            Rule with { TargetBackupVaultName = "v" },
            "BackupPlan.Rules[0].TargetBackupVaultName",
            "'v' must contain 2 to 50 alphanumeric, '-' or '_' characters");
    }

    [Theory]
    [InlineData("cron(0 5 ? * 8 *)", "day-of-week field '8' is out of range 1-7")]
    [InlineData("cron(0 5 ? * * * *)", "expected 6 fields (minutes hours day-of-month month day-of-week year) but found 7")]
    [InlineData("rate(1 hour)", "rate expressions are not supported for backup rules; use cron(minutes hours day-of-month month day-of-week year)")]
    [InlineData("cron(0/30 * ? * * *)", "The interval between backup jobs shouldn't be less than 60 minutes.")]
    [InlineData("cron(0,15 5 ? * * *)", "The interval between backup jobs shouldn't be less than 60 minutes.")]
    public void Schedule_problems_name_the_schedule_field(string expression, string problem)
    {
        AssertInvalid(Rule with { ScheduleExpression = expression }, "BackupPlan.Rules[0].ScheduleExpression", problem);
    }

    [Theory]
    [InlineData("cron(0 0/1 ? * * *)")]
    [InlineData("cron(15 * ? * * *)")]
    [InlineData("cron(0 5 ? * 2-6 *)")]
    [InlineData("cron(0 0 ? * 3#2 *)")]
    public void Hourly_or_slower_schedules_are_accepted(string expression)
    {
        Assert.Null(BackupPlanValidator.Validate(Plan(Rule with { ScheduleExpression = expression })));
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons", "'Mars/Olympus_Mons' is not a known IANA time zone")]
    [InlineData("../../etc/passwd", "'../../etc/passwd' is not a known IANA time zone")]
    [InlineData("", "'' is not a known IANA time zone")]
    public void The_time_zone_must_be_a_known_IANA_zone(string zone, string problem)
    {
        AssertInvalid(Rule with { ScheduleExpressionTimezone = zone }, "BackupPlan.Rules[0].ScheduleExpressionTimezone", problem);
    }

    [Theory]
    [InlineData(59L, "must be between 60 and 52560000 minutes")]
    [InlineData(52_560_001L, "must be between 60 and 52560000 minutes")]
    [InlineData(-1L, "must be between 60 and 52560000 minutes")]
    public void Start_window_is_60_minutes_to_100_years(long minutes, string problem)
    {
        AssertInvalid(Rule with { StartWindowMinutes = minutes, CompletionWindowMinutes = 52_560_000 }, "BackupPlan.Rules[0].StartWindowMinutes", problem);
    }

    [Theory]
    [InlineData(60L, 119L, "must be at least 60 minutes more than the start window (60 minutes)")]
    [InlineData(null, 500L, "must be at least 60 minutes more than the start window (480 minutes)")]
    [InlineData(20_000L, null, "must be at least 60 minutes more than the start window (20000 minutes)")]
    [InlineData(60L, 0L, "must be between 1 and 52560000 minutes")]
    [InlineData(60L, 52_560_001L, "must be between 1 and 52560000 minutes")]
    public void Completion_window_leaves_an_hour_after_the_start_window(long? start, long? complete, string problem)
    {
        AssertInvalid(
            Rule with { StartWindowMinutes = start, CompletionWindowMinutes = complete }, "BackupPlan.Rules[0].CompletionWindowMinutes", problem);
    }

    [Fact]
    public void Windows_at_their_limits_are_accepted()
    {
        Assert.Null(BackupPlanValidator.Validate(Plan(Rule with { StartWindowMinutes = 60, CompletionWindowMinutes = 120 })));
        Assert.Null(BackupPlanValidator.Validate(Plan(Rule with { StartWindowMinutes = 52_559_940, CompletionWindowMinutes = 52_560_000 })));
    }

    [Theory]
    [InlineData(null, 0L, "BackupPlan.Rules[0].Lifecycle.DeleteAfterDays", "Invalid lifecycle. DeleteAfterDays cannot be less than 1 or more than 36500 days")]
    [InlineData(null, 36_501L, "BackupPlan.Rules[0].Lifecycle.DeleteAfterDays", "Invalid lifecycle. DeleteAfterDays cannot be less than 1 or more than 36500 days")]
    [InlineData(0L, null, "BackupPlan.Rules[0].Lifecycle.MoveToColdStorageAfterDays", "Invalid lifecycle. MoveToColdStorageAfterDays cannot be less than 1 or more than 36500 days")]
    [InlineData(30L, 119L, "BackupPlan.Rules[0].Lifecycle.DeleteAfterDays", "Invalid lifecycle. DeleteAfterDays cannot be less than 90 days apart from MoveToColdStorageAfterDays")]
    public void Lifecycle_days_and_the_ninety_day_cold_rule(long? cold, long? delete, string path, string problem)
    {
        AssertInvalid(Rule with { Lifecycle = new Lifecycle(cold, delete) }, path, problem);
    }

    [Theory]
    [InlineData(null, 1L)]
    [InlineData(null, 36_500L)]
    [InlineData(30L, 120L)]
    [InlineData(36_410L, 36_500L)]
    [InlineData(30L, null)]
    public void Valid_lifecycles_are_accepted(long? cold, long? delete)
    {
        Assert.Null(BackupPlanValidator.Validate(Plan(Rule with { Lifecycle = new Lifecycle(cold, delete) })));
    }

    [Fact]
    public void Copy_actions_follow_the_same_lifecycle_rules()
    {
        BackupRuleInput rule = Rule with { CopyActions = [new CopyAction(CentralVault), new CopyAction(CentralVault, new Lifecycle(100, 150))] };
        AssertInvalid(
            rule,
            "BackupPlan.Rules[0].CopyActions[1].Lifecycle.DeleteAfterDays",
            "Invalid lifecycle. DeleteAfterDays cannot be less than 90 days apart from MoveToColdStorageAfterDays");
    }

    [Theory]
    [InlineData("arn:aws:backup:eu-west-1:222222222222:backup-plan:abc")]
    [InlineData("arn:aws:s3:::bucket")]
    [InlineData("cabvault")]
    [InlineData("arn:aws:backup:eu-west-1:2222:backup-vault:cabvault")]
    [InlineData("arn:aws:backup:eu-west-1:222222222222:backup-vault:v")]
    public void Copy_destinations_must_be_backup_vault_ARNs(string arn)
    {
        BackupPlanError error = Single(Plan(Rule with { CopyActions = [new CopyAction(arn)] }));
        Assert.Equal("BackupPlan.Rules[0].CopyActions[0].DestinationBackupVaultArn", error.Path);
        Assert.EndsWith("is not a backup vault ARN (arn:aws:backup:<region>:<account-id>:backup-vault:<name>)", error.Problem);
    }

    [Theory]
    [InlineData("arn:aws:backup:us-east-1:111111111111:backup-vault:cabvault")]
    [InlineData("arn:aws-us-gov:backup:us-gov-west-1:111111111111:backup-vault:Default")]
    [InlineData("arn:aws-cn:backup:cn-north-1:111111111111:backup-vault:my_vault-2")]
    public void Backup_vault_ARNs_of_every_partition_are_accepted(string arn)
    {
        Assert.Null(BackupPlanValidator.Validate(Plan(Rule with { CopyActions = [new CopyAction(arn)] })));
    }

    [Fact]
    public void A_copy_action_without_destination_is_a_missing_parameter()
    {
        Assert.Equal(
            new BackupPlanError(BackupPlanErrorType.MissingParameterValue, "BackupPlan.Rules[0].CopyActions[0].DestinationBackupVaultArn", "is required"),
            Single(Plan(Rule with { CopyActions = [new CopyAction(null)] })));
    }

    [Fact]
    public void A_very_long_value_is_echoed_cut_short()
    {
        string arn = new('a', 10_000);
        BackupPlanError error = Single(Plan(Rule with { CopyActions = [new CopyAction(arn)] }));
        Assert.StartsWith($"'{new string('a', 64)}…' is not", error.Problem);
    }

    [Fact]
    public void Continuous_backups_keep_at_most_35_days_and_never_go_cold()
    {
        BackupRuleInput rule = Rule with { EnableContinuousBackup = true, Lifecycle = new Lifecycle(30, 36) };
        Assert.Equal(
            [
                "BackupPlan.Rules[0].Lifecycle.MoveToColdStorageAfterDays: Invalid lifecycle. MoveToColdStorageAfterDays is unavailable for continuous backups",
                "BackupPlan.Rules[0].Lifecycle.DeleteAfterDays: Invalid lifecycle. DeleteAfterDays cannot be more than 35 days for continuous backups",
            ],
            BackupPlanValidator.ValidateAll(Plan(rule)).Select(e => e.Message));
        Assert.Null(BackupPlanValidator.Validate(Plan(Rule with { EnableContinuousBackup = true, Lifecycle = new Lifecycle(DeleteAfterDays: 35) })));
    }

    [Fact]
    public void Copies_of_continuous_backups_are_snapshots_and_may_be_kept_longer()
    {
        BackupRuleInput rule = Rule with
        {
            EnableContinuousBackup = true,
            Lifecycle = new Lifecycle(DeleteAfterDays: 35),
            CopyActions = [new CopyAction(CentralVault, new Lifecycle(DeleteAfterDays: 365))],
        };
        Assert.Null(BackupPlanValidator.Validate(Plan(rule)));
    }

    [Fact]
    public void Recovery_point_tag_limits_are_checked()
    {
        var tags = new Dictionary<string, string> { [""] = "x", ["k"] = new string('v', 257) };
        Assert.Equal(
            ["BackupPlan.Rules[0].RecoveryPointTags: tag keys must be 1 to 128 characters", "BackupPlan.Rules[0].RecoveryPointTags.k: tag values must be at most 256 characters"],
            BackupPlanValidator.ValidateAll(Plan(Rule with { RecoveryPointTags = tags })).Select(e => e.Message));

        var many = Enumerable.Range(0, 51).ToDictionary(i => $"k{i}", i => "v");
        Assert.Equal(
            ["BackupPlan.Rules[0].RecoveryPointTags: a recovery point has at most 50 tags (51 given)"],
            BackupPlanValidator.ValidateAll(Plan(Rule with { RecoveryPointTags = many })).Select(e => e.Message));
        Assert.Null(BackupPlanValidator.Validate(Plan(Rule with { RecoveryPointTags = many.Take(50).ToDictionary() })));
    }

    [Fact]
    public void Advanced_backup_settings_need_a_resource_type_and_simple_options()
    {
        BackupPlanInput plan = Plan(Rule) with
        {
            AdvancedBackupSettings =
            [
                new AdvancedBackupSetting(null, null),
                new AdvancedBackupSetting("EC2", new Dictionary<string, string> { ["WindowsVSS"] = "en abled" }),
            ],
        };
        Assert.Equal(
            [
                "BackupPlan.AdvancedBackupSettings[0].ResourceType: is required",
                "BackupPlan.AdvancedBackupSettings[1].BackupOptions: option 'WindowsVSS' must have a name and value of 1 to 50 alphanumeric or '-_.' characters",
            ],
            BackupPlanValidator.ValidateAll(plan).Select(e => e.Message));
    }

    [Fact]
    public void Every_problem_of_several_rules_is_listed_in_order()
    {
        BackupPlanInput plan = Plan(
            Rule with { ScheduleExpression = "cron(0 5 ? * * 1960)" },
            Rule with { RuleName = "second", StartWindowMinutes = 10 });
        Assert.Equal(
            ["BackupPlan.Rules[0].ScheduleExpression", "BackupPlan.Rules[1].StartWindowMinutes"],
            BackupPlanValidator.ValidateAll(plan).Select(e => e.Path));
    }
}
