namespace Arca.Domain.Organizations.BackupPolicies;

/// <summary>A selection's effective <c>conditions</c>; all of them must match (AND).</summary>
/// <param name="StringEquals"><c>string_equals</c>.</param>
/// <param name="StringNotEquals"><c>string_not_equals</c>.</param>
/// <param name="StringLike"><c>string_like</c>.</param>
/// <param name="StringNotLike"><c>string_not_like</c>.</param>
public sealed record EffectiveConditions(
    IReadOnlyList<EffectiveCondition> StringEquals,
    IReadOnlyList<EffectiveCondition> StringNotEquals,
    IReadOnlyList<EffectiveCondition> StringLike,
    IReadOnlyList<EffectiveCondition> StringNotLike);
