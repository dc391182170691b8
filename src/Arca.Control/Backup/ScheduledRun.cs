namespace Arca.Control.Backup;

/// <summary>AWS <c>ScheduledPlanExecutionMember</c>: a future run of a plan's rule.</summary>
/// <param name="ExecutionTime">When the rule fires.</param>
/// <param name="RuleId">The rule.</param>
/// <param name="RuleExecutionType"><c>SNAPSHOTS</c>, or <c>CONTINUOUS_AND_SNAPSHOTS</c> for rules with continuous backup.</param>
public sealed record ScheduledRun(DateTimeOffset ExecutionTime, string RuleId, string RuleExecutionType);
