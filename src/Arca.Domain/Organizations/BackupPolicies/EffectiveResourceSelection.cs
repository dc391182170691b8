namespace Arca.Domain.Organizations.BackupPolicies;

/// <summary>An effective entry of <c>selections.resources</c>.</summary>
/// <param name="Name">The selection name.</param>
/// <param name="Source">The policy that added the selection.</param>
/// <param name="IamRoleArn"><c>iam_role_arn</c> (may hold <c>$account</c>).</param>
/// <param name="ResourceTypes"><c>resource_types</c>: <c>*</c> or ARN patterns to include.</param>
/// <param name="NotResourceTypes"><c>not_resource_types</c>: ARN patterns to exclude.</param>
/// <param name="Conditions"><c>conditions</c>, or null.</param>
public sealed record EffectiveResourceSelection(
    string Name,
    PolicySource Source,
    SourcedValue? IamRoleArn,
    IReadOnlyList<SourcedValue> ResourceTypes,
    IReadOnlyList<SourcedValue> NotResourceTypes,
    EffectiveConditions? Conditions);
