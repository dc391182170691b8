using System.Globalization;

using Arca.Domain.Scheduling;

namespace Arca.Domain.Plans;

/// <summary>The checks of one <see cref="BackupRuleInput"/>; see <see cref="BackupPlanValidator"/>.</summary>
internal static class BackupRuleValidator
{
    /// <summary>AWS Backup's own message for schedules more frequent than hourly.</summary>
    public const string TooFrequent = "The interval between backup jobs shouldn't be less than 60 minutes.";

    /// <summary>The tags a recovery point may carry (as for every Backup resource: TagResource's limit).</summary>
    public const int MaxRecoveryPointTags = 50;

    public static void Validate(BackupRuleInput rule, string path, List<BackupPlanError> errors)
    {
        BackupPlanValidator.CheckName(
            rule.RuleName, $"{path}.RuleName", PlanPatterns.Name(), "must contain 1 to 50 alphanumeric or '-_.' characters", errors);
        BackupPlanValidator.CheckName(
            rule.TargetBackupVaultName, $"{path}.TargetBackupVaultName", PlanPatterns.VaultName(),
            "must contain 2 to 50 alphanumeric, '-' or '_' characters", errors);
        CheckSchedule(rule, path, errors);
        CheckWindows(rule, path, errors);
        bool continuous = rule.EnableContinuousBackup == true;
        LifecycleValidator.Validate(rule.Lifecycle, $"{path}.Lifecycle", continuous, errors);
        CheckTags(rule.RecoveryPointTags, $"{path}.RecoveryPointTags", errors);
        for (int i = 0; i < (rule.CopyActions?.Count ?? 0); i++)
        {
            CheckCopyAction(rule.CopyActions![i], $"{path}.CopyActions[{i}]", errors);
        }
    }

    private static void CheckSchedule(BackupRuleInput rule, string path, List<BackupPlanError> errors)
    {
        string schedulePath = $"{path}.ScheduleExpression";
        if (rule.ScheduleExpression is not null)
        {
            if (!CronExpression.TryParse(rule.ScheduleExpression, out CronExpression? cron, out string? problem))
            {
                errors.Add(BackupPlanError.Invalid(schedulePath, problem));
            }
            else if (cron.FiresMoreThanOncePerHour)
            {
                errors.Add(BackupPlanError.Invalid(schedulePath, TooFrequent));
            }
        }

        string? zone = rule.ScheduleExpressionTimezone;
        if (zone is not null && !ScheduleTimeZones.TryFind(zone, out _))
        {
            errors.Add(BackupPlanError.Invalid($"{path}.ScheduleExpressionTimezone", $"{PlanPatterns.Quote(zone)} is not a known IANA time zone"));
        }
    }

    private static void CheckWindows(BackupRuleInput rule, string path, List<BackupPlanError> errors)
    {
        long max = BackupWindow.MaxWindowMinutes;
        long start = rule.StartWindowMinutes ?? BackupWindow.DefaultStartWindowMinutes;
        long complete = rule.CompletionWindowMinutes ?? BackupWindow.DefaultCompletionWindowMinutes;
        bool startOk = start is >= BackupWindow.MinStartWindowMinutes and <= BackupWindow.MaxWindowMinutes;
        bool completeOk = complete is >= 1 and <= BackupWindow.MaxWindowMinutes;
        if (!startOk)
        {
            errors.Add(BackupPlanError.Invalid(
                $"{path}.StartWindowMinutes", $"must be between {BackupWindow.MinStartWindowMinutes} and {Format(max)} minutes"));
        }

        if (!completeOk)
        {
            errors.Add(BackupPlanError.Invalid($"{path}.CompletionWindowMinutes", $"must be between 1 and {Format(max)} minutes"));
        }
        else if (startOk && complete < start + BackupWindow.CompletionMarginMinutes)
        {
            errors.Add(BackupPlanError.Invalid(
                $"{path}.CompletionWindowMinutes",
                $"must be at least {BackupWindow.CompletionMarginMinutes} minutes more than the start window ({Format(start)} minutes)"));
        }
    }

    private static void CheckCopyAction(CopyAction? action, string path, List<BackupPlanError> errors)
    {
        string arnPath = $"{path}.DestinationBackupVaultArn";
        if (action?.DestinationBackupVaultArn is not string arn)
        {
            errors.Add(BackupPlanError.Missing(arnPath));
            return;
        }

        if (!PlanPatterns.BackupVaultArn().IsMatch(arn))
        {
            errors.Add(BackupPlanError.Invalid(
                arnPath, $"{PlanPatterns.Quote(arn)} is not a backup vault ARN (arn:aws:backup:<region>:<account-id>:backup-vault:<name>)"));
        }

        LifecycleValidator.Validate(action.Lifecycle, $"{path}.Lifecycle", continuous: false, errors);
    }

    private static void CheckTags(IReadOnlyDictionary<string, string>? tags, string path, List<BackupPlanError> errors)
    {
        if (tags is { Count: > MaxRecoveryPointTags })
        {
            errors.Add(BackupPlanError.Invalid(path, $"a recovery point has at most {MaxRecoveryPointTags} tags ({tags.Count} given)"));
        }

        foreach ((string key, string value) in tags ?? new Dictionary<string, string>())
        {
            if (key.Length is 0 or > 128)
            {
                errors.Add(BackupPlanError.Invalid(path, "tag keys must be 1 to 128 characters"));
            }
            else if (value.Length > 256)
            {
                errors.Add(BackupPlanError.Invalid($"{path}.{key}", "tag values must be at most 256 characters"));
            }
        }
    }

    private static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);
}
