namespace Arca.Control.Backup.RecoveryPoints;

/// <summary>AWS <c>RecoveryPointCreator</c>: the plan and rule behind a scheduled backup (also on its jobs' CreatedBy).</summary>
public sealed record RecoveryPointCreator(
    string? BackupPlanId,
    string? BackupPlanArn,
    string? BackupPlanName,
    string? BackupPlanVersion,
    string? BackupRuleId,
    string? BackupRuleName,
    string? BackupRuleCron,
    string? BackupRuleTimezone);
