namespace Arca.Domain.Organizations.BackupPolicies.Materialization;

/// <summary>Backup API <c>Condition</c> (an element of <c>ListOfTags</c>; <c>ConditionType</c> is <c>STRINGEQUALS</c>).</summary>
public sealed record MaterializedCondition(string ConditionType, string ConditionKey, string ConditionValue);
