namespace Arca.Domain.Organizations.BackupPolicies.Materialization;

/// <summary>Backup API <c>Conditions</c> (all must match).</summary>
public sealed record MaterializedConditions(
    IReadOnlyList<MaterializedConditionParameter> StringEquals,
    IReadOnlyList<MaterializedConditionParameter> StringNotEquals,
    IReadOnlyList<MaterializedConditionParameter> StringLike,
    IReadOnlyList<MaterializedConditionParameter> StringNotLike);
