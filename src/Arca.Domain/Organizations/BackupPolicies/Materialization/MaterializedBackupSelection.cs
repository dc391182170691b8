namespace Arca.Domain.Organizations.BackupPolicies.Materialization;

/// <summary>Backup API <c>BackupSelection</c>, with <c>$account</c> substituted in the role ARN.</summary>
/// <param name="SelectionName">The selection's key in the policy.</param>
/// <param name="IamRoleArn">The role AWS Backup assumes.</param>
/// <param name="Resources">From <c>resource_types</c> (resource selections); empty for tag selections.</param>
/// <param name="NotResources">From <c>not_resource_types</c>.</param>
/// <param name="ListOfTags">Tag selections: one <c>STRINGEQUALS</c> per <c>tag_value</c> (any matches).</param>
/// <param name="Conditions">From <c>conditions</c>, or null.</param>
public sealed record MaterializedBackupSelection(
    string SelectionName,
    string IamRoleArn,
    IReadOnlyList<string> Resources,
    IReadOnlyList<string> NotResources,
    IReadOnlyList<MaterializedCondition> ListOfTags,
    MaterializedConditions? Conditions);
