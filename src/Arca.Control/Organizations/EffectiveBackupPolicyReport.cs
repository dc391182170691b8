using Arca.Domain.Organizations.BackupPolicies;

namespace Arca.Control.Organizations;

/// <summary>
/// The effective backup policy of an account, OU or root with the provenance of every value and the diagnostics of what was
/// ignored — Arca's extension <c>ArcaOrganizations.DescribeEffectivePolicyProvenance</c> (AWS has no such view).
/// </summary>
/// <param name="TargetId">The account, OU or root.</param>
/// <param name="TargetType">Which of them.</param>
/// <param name="Policy">The effective policy (<see cref="EffectiveBackupPolicy.ToJson"/>, <see cref="EffectiveBackupPolicy.Provenance"/>,
/// <see cref="EffectiveBackupPolicy.Diagnostics"/>).</param>
/// <param name="LastUpdated">When it last changed (for an OU or root: the latest attachment or content change on its path).</param>
/// <param name="Levels">The targets from the root down with the backup policies attached to each, first attached first.</param>
public sealed record EffectiveBackupPolicyReport(
    string TargetId, PolicyTargetType TargetType, EffectiveBackupPolicy Policy, DateTimeOffset LastUpdated, IReadOnlyList<PolicyTargetLevel> Levels);
