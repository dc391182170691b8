namespace Arca.Domain.Plans;

/// <summary>
/// AWS <c>BackupPlanInput</c>: the body of CreateBackupPlan / UpdateBackupPlan, and (with RuleIds
/// filled in) the <c>BackupPlan</c> that GetBackupPlan returns. Members are nullable because they
/// mirror the wire: a missing required member is reported by <see cref="BackupPlanValidator"/> as
/// MissingParameterValueException. Immutable; list members compare by reference.
/// </summary>
public sealed record BackupPlanInput
{
    /// <summary>Required. 1–50 characters of <c>[A-Za-z0-9-_.]</c>.</summary>
    public string? BackupPlanName { get; init; }

    /// <summary>Required; at least one rule; rule names unique within the plan.</summary>
    public IReadOnlyList<BackupRuleInput>? Rules { get; init; }

    /// <summary>Optional per-resource-type backup options (e.g. Windows VSS).</summary>
    public IReadOnlyList<AdvancedBackupSetting>? AdvancedBackupSettings { get; init; }
}
