namespace Arca.Domain.Organizations.BackupPolicies;

/// <summary>An effective rule of a plan; each value with the policy that supplied it.</summary>
/// <param name="Name">The rule name.</param>
/// <param name="Source">The policy that added the rule.</param>
/// <param name="ScheduleExpression"><c>schedule_expression</c>.</param>
/// <param name="ScheduleExpressionTimezone"><c>schedule_expression_timezone</c>.</param>
/// <param name="StartBackupWindowMinutes"><c>start_backup_window_minutes</c>.</param>
/// <param name="CompleteBackupWindowMinutes"><c>complete_backup_window_minutes</c>.</param>
/// <param name="TargetBackupVaultName"><c>target_backup_vault_name</c>.</param>
/// <param name="TargetLogicallyAirGappedBackupVaultArn"><c>target_logically_air_gapped_backup_vault_arn</c>.</param>
/// <param name="EnableContinuousBackup"><c>enable_continuous_backup</c>.</param>
/// <param name="Lifecycle"><c>lifecycle</c>, or null.</param>
/// <param name="CopyActions"><c>copy_actions</c>.</param>
/// <param name="RecoveryPointTags"><c>recovery_point_tags</c>.</param>
/// <param name="IndexResourceTypes"><c>index_actions.resource_types</c>.</param>
/// <param name="ScanActions"><c>scan_actions</c>.</param>
public sealed record EffectiveRule(
    string Name,
    PolicySource Source,
    SourcedValue? ScheduleExpression,
    SourcedValue? ScheduleExpressionTimezone,
    SourcedValue? StartBackupWindowMinutes,
    SourcedValue? CompleteBackupWindowMinutes,
    SourcedValue? TargetBackupVaultName,
    SourcedValue? TargetLogicallyAirGappedBackupVaultArn,
    SourcedValue? EnableContinuousBackup,
    EffectiveLifecycle? Lifecycle,
    IReadOnlyList<EffectiveCopyAction> CopyActions,
    IReadOnlyList<EffectiveTag> RecoveryPointTags,
    IReadOnlyList<SourcedValue> IndexResourceTypes,
    IReadOnlyList<EffectiveScanAction> ScanActions);
