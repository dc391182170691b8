using Arca.Control.Backup.Internal;
using Arca.Domain.Plans;

namespace Arca.Control.Backup.Scheduling;

/// <summary>A rule whose latest firing in (mark, now] the scheduler turns into jobs; <see cref="Skipped"/> earlier firings get none.</summary>
internal sealed record DueRule(PlanDocument Plan, BackupRuleInput Rule, RuleSchedule Schedule, DateTimeOffset ScheduledAt, int Skipped)
{
    /// <summary>Identifies the rule across plans for <see cref="BackupJobMerger"/>: <c>planId/ruleId</c>.</summary>
    public string RuleKey => $"{Plan.BackupPlanId}/{Rule.RuleId}";
}
