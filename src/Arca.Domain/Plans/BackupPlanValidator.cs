using System.Text.RegularExpressions;

namespace Arca.Domain.Plans;

/// <summary>
/// Validates a <see cref="BackupPlanInput"/> the way CreateBackupPlan / UpdateBackupPlan do, before
/// defaults are applied. Pure (the only outside read is the host's time-zone database); thread-safe.
/// </summary>
/// <remarks>
/// Checks, each reported with the field path (<c>BackupPlan.Rules[0].Lifecycle.DeleteAfterDays</c>):
/// <list type="bullet">
/// <item>BackupPlanName and Rules present (MissingParameterValue); the name 1–50 <c>[A-Za-z0-9-_.]</c>; at least one rule.</item>
/// <item>RuleName and TargetBackupVaultName present and well formed; rule names unique in the plan (case-sensitive).</item>
/// <item>ScheduleExpression a valid AWS cron expression firing at most once per hour (AWS Backup: "The
/// interval between backup jobs shouldn't be less than 60 minutes."); ScheduleExpressionTimezone a known IANA zone.</item>
/// <item>StartWindowMinutes 60–52,560,000; CompletionWindowMinutes at most 52,560,000 and at least the
/// (effective) start window + 60.</item>
/// <item>Lifecycle days 1–36500; DeleteAfterDays ≥ MoveToColdStorageAfterDays + 90; the same for copy
/// actions; continuous backups: no cold storage, at most 35 days.</item>
/// <item>CopyActions name a backup vault ARN; RecoveryPointTags at most 50, keys 1–128 and values ≤ 256 characters;
/// AdvancedBackupSettings resource types and options match <c>^[a-zA-Z0-9\-\_\.]{1,50}$</c>.</item>
/// </list>
/// Whether the target vault exists is not a document property and is left to the caller.
/// </remarks>
public static class BackupPlanValidator
{
    /// <summary>The root of every field path.</summary>
    public const string RootPath = "BackupPlan";

    /// <summary>The first problem in document order (what AWS would report), or null when the plan is valid.</summary>
    public static BackupPlanError? Validate(BackupPlanInput plan)
    {
        IReadOnlyList<BackupPlanError> errors = ValidateAll(plan);
        return errors.Count == 0 ? null : errors[0];
    }

    /// <summary>Every problem, in document order. Empty when the plan is valid.</summary>
    public static IReadOnlyList<BackupPlanError> ValidateAll(BackupPlanInput plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var errors = new List<BackupPlanError>();
        CheckName(
            plan.BackupPlanName, $"{RootPath}.BackupPlanName", PlanPatterns.Name(), "must contain 1 to 50 alphanumeric or '-_.' characters", errors);
        CheckRules(plan.Rules, errors);
        CheckAdvancedSettings(plan.AdvancedBackupSettings, errors);
        return errors;
    }

    internal static void CheckName(string? value, string path, Regex pattern, string rule, List<BackupPlanError> errors)
    {
        if (value is null)
        {
            errors.Add(BackupPlanError.Missing(path));
        }
        else if (!pattern.IsMatch(value))
        {
            errors.Add(BackupPlanError.Invalid(path, $"{PlanPatterns.Quote(value)} {rule}"));
        }
    }

    private static void CheckRules(IReadOnlyList<BackupRuleInput>? rules, List<BackupPlanError> errors)
    {
        string path = $"{RootPath}.Rules";
        if (rules is null)
        {
            errors.Add(BackupPlanError.Missing(path));
            return;
        }

        if (rules.Count == 0)
        {
            errors.Add(BackupPlanError.Invalid(path, "must contain at least one rule"));
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < rules.Count; i++)
        {
            string rulePath = $"{path}[{i}]";
            if (rules[i] is not BackupRuleInput rule)
            {
                errors.Add(BackupPlanError.Invalid(rulePath, "must be a rule, not null"));
                continue;
            }

            BackupRuleValidator.Validate(rule, rulePath, errors);
            if (rule.RuleName is string name && !seen.TryAdd(name, i))
            {
                errors.Add(BackupPlanError.Invalid(
                    $"{rulePath}.RuleName",
                    $"rule name {PlanPatterns.Quote(name)} is already used by {path}[{seen[name]}]; rule names must be unique within a plan"));
            }
        }
    }

    private static void CheckAdvancedSettings(IReadOnlyList<AdvancedBackupSetting>? settings, List<BackupPlanError> errors)
    {
        for (int i = 0; i < (settings?.Count ?? 0); i++)
        {
            string path = $"{RootPath}.AdvancedBackupSettings[{i}]";
            AdvancedBackupSetting? setting = settings![i];
            CheckName(setting?.ResourceType, $"{path}.ResourceType", PlanPatterns.Name(), "must contain 1 to 50 alphanumeric or '-_.' characters", errors);
            foreach ((string key, string value) in setting?.BackupOptions ?? new Dictionary<string, string>())
            {
                if (!PlanPatterns.Name().IsMatch(key) || !PlanPatterns.Name().IsMatch(value))
                {
                    errors.Add(BackupPlanError.Invalid(
                        $"{path}.BackupOptions", $"option {PlanPatterns.Quote(key)} must have a name and value of 1 to 50 alphanumeric or '-_.' characters"));
                }
            }
        }
    }
}
