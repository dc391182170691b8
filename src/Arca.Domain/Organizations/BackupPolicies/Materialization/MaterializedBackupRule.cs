namespace Arca.Domain.Organizations.BackupPolicies.Materialization;

/// <summary>Backup API <c>BackupRuleInput</c>; omitted optional values stay null (plan creation applies defaults).</summary>
public sealed record MaterializedBackupRule(
    string RuleName,
    string TargetBackupVaultName,
    string ScheduleExpression,
    string? ScheduleExpressionTimezone,
    long? StartWindowMinutes,
    long? CompletionWindowMinutes,
    MaterializedLifecycle? Lifecycle,
    IReadOnlyDictionary<string, string> RecoveryPointTags,
    IReadOnlyList<MaterializedCopyAction> CopyActions,
    bool? EnableContinuousBackup,
    string? TargetLogicallyAirGappedBackupVaultArn,
    IReadOnlyList<MaterializedIndexAction> IndexActions,
    IReadOnlyList<MaterializedScanAction> ScanActions);
