namespace Arca.Control.Backup.Scheduling;

/// <summary>
/// <c>schedule-marks/{account}/{planId}/{ruleId}</c> (i1 = account): the last scheduled time of the rule already turned
/// into jobs (docs/design/backup-service.md §5). A rule without a mark counts from its plan version's creation.
/// </summary>
internal sealed record ScheduleMarkDocument(string AccountId, string BackupPlanId, string RuleId, DateTimeOffset Mark)
{
    public string Key => SchedulingCollections.MarkKey(AccountId, BackupPlanId, RuleId);
}
