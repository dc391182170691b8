using Arca.Domain.Scheduling;

namespace Arca.Domain.Plans;

/// <summary>
/// One rule's wish to back up one resource: the input of <see cref="BackupJobMerger"/>. Immutable.
/// </summary>
/// <param name="ResourceArn">The resource to back up (compared ordinally).</param>
/// <param name="RuleKey">Identifies the rule across plans, e.g. "&lt;planId&gt;/&lt;ruleId&gt;" (compared ordinally).</param>
/// <param name="Window">The rule's window for this firing; its ScheduledAt is the scheduled time.</param>
/// <param name="Lifecycle">The rule's lifecycle; null = never expire.</param>
public sealed record BackupCandidate(string ResourceArn, string RuleKey, BackupWindow Window, Lifecycle? Lifecycle);
