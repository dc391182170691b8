namespace Arca.Domain.Plans;

/// <summary>
/// AWS <c>BackupRuleInput</c> (and <c>BackupRule</c> when <see cref="RuleId"/> is set). See
/// <see cref="BackupPlanValidator"/> for the rules and <see cref="BackupPlanDefaults"/> for what an
/// omitted member becomes. Immutable; collection members compare by reference.
/// </summary>
public sealed record BackupRuleInput
{
    /// <summary>Required. <c>^[a-zA-Z0-9\-\_\.]{1,50}$</c>, unique in the plan (case-sensitive).</summary>
    public string? RuleName { get; init; }

    /// <summary>Required. A vault name, <c>^[a-zA-Z0-9\-\_]{2,50}$</c>.</summary>
    public string? TargetBackupVaultName { get; init; }

    /// <summary>AWS cron expression; default <c>cron(0 5 ? * * *)</c>; at most hourly.</summary>
    public string? ScheduleExpression { get; init; }

    /// <summary>IANA zone the expression is evaluated in; default <c>Etc/UTC</c>.</summary>
    public string? ScheduleExpressionTimezone { get; init; }

    /// <summary>Minutes after the scheduled time by which the job must start; 60–52,560,000; default 480.</summary>
    public long? StartWindowMinutes { get; init; }

    /// <summary>Minutes after the scheduled time by which the job must complete; default 10080.</summary>
    public long? CompletionWindowMinutes { get; init; }

    /// <summary>Retention of the recovery points; null = never expire, never move to cold storage.</summary>
    public Lifecycle? Lifecycle { get; init; }

    /// <summary>Tags put on the recovery points (sensitive in the AWS model: never log the values).</summary>
    public IReadOnlyDictionary<string, string>? RecoveryPointTags { get; init; }

    /// <summary>Copies made after each successful backup.</summary>
    public IReadOnlyList<CopyAction>? CopyActions { get; init; }

    /// <summary>Continuous backup (point-in-time restore); retention at most 35 days, no cold storage.</summary>
    public bool? EnableContinuousBackup { get; init; }

    /// <summary>Output only: the rule's id (a UUID), assigned by <see cref="BackupPlanDefaults.WithDefaults"/>.</summary>
    public string? RuleId { get; init; }
}
