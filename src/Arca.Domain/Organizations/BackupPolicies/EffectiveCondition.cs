namespace Arca.Domain.Organizations.BackupPolicies;

/// <summary>One named condition of a selection's <c>conditions</c>.</summary>
/// <param name="Name">The condition's key in the policy.</param>
/// <param name="Source">The policy that added the condition.</param>
/// <param name="ConditionKey"><c>condition_key</c>, e.g. <c>aws:ResourceTag/backup</c>.</param>
/// <param name="ConditionValue"><c>condition_value</c>.</param>
public sealed record EffectiveCondition(string Name, PolicySource Source, SourcedValue? ConditionKey, SourcedValue? ConditionValue);
