using Arca.Domain.Scheduling;

namespace Arca.Domain.Plans;

/// <summary>
/// What AWS Backup fills in for omitted rule members, as GetBackupPlan returns them (reference §3):
/// schedule <c>cron(0 5 ? * * *)</c>, time zone <c>Etc/UTC</c> (AWS documents "UTC"; moto returns
/// <c>Etc/UTC</c>, the canonical IANA name), start window 480 minutes, completion window 10080
/// minutes, and a RuleId. Lifecycle, tags, copy actions and EnableContinuousBackup stay omitted (no
/// lifecycle = never expire). Pure: the RuleId source is passed in.
/// </summary>
public static class BackupPlanDefaults
{
    /// <summary>Daily at 05:00 in the rule's time zone.</summary>
    public const string ScheduleExpression = "cron(0 5 ? * * *)";

    /// <summary>The rule's time zone when none is given.</summary>
    public const string ScheduleExpressionTimezone = ScheduleTimeZones.DefaultId;

    /// <summary>8 hours to start.</summary>
    public const long StartWindowMinutes = BackupWindow.DefaultStartWindowMinutes;

    /// <summary>7 days to complete, counted from the scheduled time.</summary>
    public const long CompletionWindowMinutes = BackupWindow.DefaultCompletionWindowMinutes;

    /// <summary>
    /// Returns the plan with every rule's omitted schedule, time zone, windows and RuleId filled in.
    /// Values already present, including an existing RuleId, are kept. Apply to a validated plan.
    /// </summary>
    /// <param name="plan">The plan as received.</param>
    /// <param name="newRuleId">Called once per rule without a RuleId (production: a UUID string).</param>
    public static BackupPlanInput WithDefaults(BackupPlanInput plan, Func<string> newRuleId)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(newRuleId);
        return plan.Rules is null ? plan : plan with { Rules = plan.Rules.Select(r => RuleWithDefaults(r, newRuleId)).ToArray() };
    }

    private static BackupRuleInput RuleWithDefaults(BackupRuleInput rule, Func<string> newRuleId)
    {
        return rule with
        {
            ScheduleExpression = rule.ScheduleExpression ?? ScheduleExpression,
            ScheduleExpressionTimezone = rule.ScheduleExpressionTimezone ?? ScheduleExpressionTimezone,
            StartWindowMinutes = rule.StartWindowMinutes ?? StartWindowMinutes,
            CompletionWindowMinutes = rule.CompletionWindowMinutes ?? CompletionWindowMinutes,
            RuleId = rule.RuleId ?? newRuleId(),
        };
    }
}
