namespace Arca.Domain.Organizations.BackupPolicies.Materialization;

/// <summary>Backup API <c>ConditionParameter</c>.</summary>
public sealed record MaterializedConditionParameter(string ConditionKey, string ConditionValue);
