namespace Arca.Control.Organizations;

/// <summary>An account's effective policy as DescribeEffectivePolicy returns it.</summary>
/// <param name="PolicyContent">The effective policy in AWS's form (<see cref="Domain.Organizations.BackupPolicies.EffectiveBackupPolicy.ToJson"/>), <c>$account</c> kept.</param>
/// <param name="LastUpdatedTimestamp">When the account's effective policy last changed.</param>
/// <param name="TargetId">The account.</param>
/// <param name="PolicyType"><c>BACKUP_POLICY</c>.</param>
public sealed record EffectivePolicyDescription(string PolicyContent, DateTimeOffset LastUpdatedTimestamp, string TargetId, string PolicyType);
